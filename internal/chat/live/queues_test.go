package live

import (
	"testing"

	"github.com/frontdesk/frontdesk/internal/chat"
)

// A queue that moves reaches the sockets of the visitors waiting in it,
// not every visitor socket of the channel: those with an operator, with
// a bot, or whose chat is over have no place to show.
func TestWaitingInListsOnlyWaitingVisitors(t *testing.T) {
	h := &Hub{visitors: map[*conn]struct{}{}}
	sock := func(chatID int64, st chat.State, bot string) *conn {
		c := &conn{h: h, visitor: true, chatID: chatID}
		c.readingState()
		c.sawState(&chat.Chat{ID: chatID, ChannelID: 7, State: st, Bot: bot, Place: 1})
		h.visitors[c] = struct{}{}
		return c
	}
	waiting := sock(1, chat.Queued, "")
	again := sock(1, chat.Queued, "") // the same chat in a second tab
	sock(2, chat.Active, "")
	sock(3, chat.Queued, "Sorter")
	sock(4, chat.Ended, "")
	other := &conn{h: h, visitor: true, chatID: 5}
	other.sawState(&chat.Chat{ID: 5, ChannelID: 8, State: chat.Queued})
	h.visitors[other] = struct{}{}

	got := h.waitingIn(7)
	if len(got) != 1 || len(got[1]) != 2 || !(got[1][0] == waiting || got[1][1] == waiting) || !(got[1][0] == again || got[1][1] == again) {
		t.Fatalf("waiting sockets of channel 7: %v, want chat 1's two sockets only", got)
	}
	// The chat taken by an operator is read again: no longer waiting.
	waiting.readingState()
	waiting.sawState(&chat.Chat{ID: 1, ChannelID: 7, State: chat.Active})
	again.readingState()
	again.sawState(&chat.Chat{ID: 1, ChannelID: 7, State: chat.Active})
	if got := h.waitingIn(7); len(got) != 0 {
		t.Fatalf("after the chat was taken: %v, want none waiting", got)
	}
}
