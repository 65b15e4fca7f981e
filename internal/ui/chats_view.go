package ui

import (
	"strconv"
	"time"

	"github.com/frontdesk/frontdesk/internal/chat"
)

// ChatsView is the chat panel: chats waiting in the queue, the
// operator's own, and every active chat. chats.js keeps it current from
// the operator socket's "chat" frames.
type ChatsView struct {
	Base
	Lists    []ChatList // waiting, mine, all active
	Ended    []ChatRow
	Channels []ChannelRow // enabled channels, to join or leave
}

// ChatList is one list of the panel.
type ChatList struct {
	ID, Title, Empty string
	Rows             []ChatRow
}

// ChatRow is a chat as the panel lists it.
type ChatRow struct {
	ID                          int64
	Visitor, Channel, State     string
	Operator                    string
	Place                       int
	LastSeq                     int64
	Started, StartedISO, Rating string
	CSRF                        string // set on waiting chats: their Take form
}

func chatRows(cs []chat.Chat, now time.Time) []ChatRow {
	out := make([]ChatRow, 0, len(cs))
	for _, c := range cs {
		row := ChatRow{ID: c.ID, Visitor: visitorName(c), Channel: c.Channel, State: string(c.State), Place: c.Place,
			LastSeq: c.LastSeq, Started: relativeTime(c.CreatedAt, now), StartedISO: c.CreatedAt.UTC().Format(time.RFC3339)}
		if c.Operator != nil {
			row.Operator = c.Operator.Name
		}
		if c.Rating != nil {
			row.Rating = ratingText(*c.Rating)
		}
		out = append(out, row)
	}
	return out
}

// visitorName is how the app names a visitor who may have given no name.
func visitorName(c chat.Chat) string {
	switch {
	case c.Visitor.Name != "":
		return c.Visitor.Name
	case c.Visitor.Email != "":
		return c.Visitor.Email
	}
	return "Visitor #" + strconv.FormatInt(c.ID, 10)
}

func ratingText(r chat.Rating) string {
	switch r {
	case chat.Satisfied:
		return "Satisfied"
	case chat.Okay:
		return "Okay"
	case chat.Dissatisfied:
		return "Dissatisfied"
	}
	return string(r)
}
