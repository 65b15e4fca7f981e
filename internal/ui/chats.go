package ui

import (
	"net/http"
	"slices"

	"github.com/frontdesk/frontdesk/internal/chat"
)

// chats is the chat panel. Every operator sees every open chat, as they
// see every ticket (the socket and the API follow the same rule).
func (u *UI) chats(w http.ResponseWriter, r *http.Request) error {
	v := ChatsView{Base: u.base(r, csrfToken(r))}
	v.Section = "chats"
	v.Flash = notice(r)
	ctx, now := r.Context(), u.now()
	waiting, err := u.s.Chats.List(ctx, chat.Filter{State: chat.Queued, Limit: 200})
	if err != nil {
		return err
	}
	active, err := u.s.Chats.List(ctx, chat.Filter{State: chat.Active, Limit: 200})
	if err != nil {
		return err
	}
	ended, err := u.s.Chats.List(ctx, chat.Filter{State: chat.Ended, Limit: 20})
	if err != nil {
		return err
	}
	slices.Reverse(waiting) // the queue reads oldest first, as it is served
	var mine []chat.Chat
	for _, c := range active {
		if c.Operator != nil && c.Operator.ID == me(r).ID {
			mine = append(mine, c)
		}
	}
	queue := chatRows(waiting, now)
	for i := range queue {
		queue[i].CSRF = v.CSRF
	}
	v.Lists = []ChatList{
		{ID: "waiting", Title: "Waiting", Empty: "Nobody is waiting.", Rows: queue},
		{ID: "mine", Title: "Mine", Empty: "You hold no chat. Take one that waits, or go online to receive chats.",
			Rows: chatRows(mine, now)},
		{ID: "active", Title: "All active", Empty: "No chat is under way.", Rows: chatRows(active, now)},
	}
	v.Ended = chatRows(ended, now)
	chs, err := u.s.Chats.Channels(ctx)
	if err != nil {
		return err
	}
	for _, c := range chs {
		if c.Enabled {
			v.Channels = append(v.Channels, channelRow(c, nil, me(r).ID))
		}
	}
	return u.render(w, r, http.StatusOK, "chats", "", v)
}
