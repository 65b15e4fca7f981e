package ui

import (
	"net/http"
	"strings"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// chatShow is one chat: live while it is open, a read-only transcript
// with its rating once it ended.
func (u *UI) chatShow(w http.ResponseWriter, r *http.Request) error {
	v, err := u.chatPage(r)
	if err != nil {
		return err
	}
	return u.render(w, r, http.StatusOK, "chat", "", v)
}

func (u *UI) chatPage(r *http.Request) (ChatView, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return ChatView{}, err
	}
	ctx := r.Context()
	c, err := u.s.Chats.Get(ctx, id)
	if err != nil {
		return ChatView{}, err
	}
	v := ChatView{Base: u.base(r, csrfToken(r)), Chat: c, Row: chatRows([]chat.Chat{c}, u.now())[0],
		BaseURL: strings.TrimRight(u.s.Chats.BaseURL, "/"), Open: c.State.Open(), Mine: c.Operator != nil && c.Operator.ID == me(r).ID}
	v.Section = "chats"
	if c.TeamID != nil {
		v.TeamID = *c.TeamID
	}
	ms, err := u.s.Chats.Messages(ctx, id, 0, true)
	if err != nil {
		return v, err
	}
	v.Messages = chatMessages(c, ms, v.BaseURL)
	pages, err := u.s.Chats.Pages(ctx, id, 15)
	if err != nil {
		return v, err
	}
	v.Pages = chatPages(pages)
	if err := u.chatVisitor(r, &v); err != nil {
		return v, err
	}
	return v, u.chatTransferTargets(r, &v)
}

// chatVisitor fills in the visitor's contact, their tickets and their
// other chats, when the chat is linked to a contact.
func (u *UI) chatVisitor(r *http.Request, v *ChatView) error {
	if v.Chat.ContactID == nil {
		return nil
	}
	ctx := r.Context()
	ct, err := u.s.Contacts.Get(ctx, *v.Chat.ContactID)
	if err != nil {
		return err
	}
	cu := contactCard(ct)
	v.Customer = &cu
	page, err := u.s.Tickets.List(ctx, ticket.Filter{ContactID: ct.ID, Limit: 10, Viewer: viewer(r), Load: ticket.Row})
	if err != nil {
		return err
	}
	v.Tickets = ticketRows(page.Items, u.now())
	others, err := u.s.Chats.ForContact(ctx, ct.ID, 10)
	if err != nil {
		return err
	}
	for _, o := range chatRows(others, u.now()) {
		if o.ID != v.Chat.ID {
			v.Earlier = append(v.Earlier, o)
		}
	}
	return nil
}

// chatTransferTargets lists who a chat can go to: the operators online
// now with a free seat (the server checks again when it hands over), and
// the teams with live chat (their channel's routing picks the operator).
func (u *UI) chatTransferTargets(r *http.Request, v *ChatView) error {
	if !v.Open {
		return nil
	}
	ops, err := u.s.Operators.List(r.Context())
	if err != nil {
		return err
	}
	for _, o := range ops {
		if !o.Active || o.ID == me(r).ID {
			continue
		}
		a, err := u.s.Chats.Availability(r.Context(), o.ID)
		if err != nil {
			return err
		}
		if a.Effective == chat.Online && a.Active < a.Capacity {
			v.Operators = append(v.Operators, TransferOperator{ID: o.ID, Name: o.Name, Active: a.Active, Capacity: a.Capacity})
		}
	}
	teams, err := u.s.Teams.List(r.Context())
	for _, t := range teams {
		if t.Channels.LiveChat {
			v.Teams = append(v.Teams, t)
		}
	}
	return err
}
