package ui

import (
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/chat"
)

// TimelineItem is one line of a contact's timeline: a ticket (with its
// mails) or a chat, by its latest time.
type TimelineItem struct {
	Ticket *TicketRow
	Chat   *ChatRow
	At     string // RFC 3339 in UTC, which sorts as time does
}

// timeline merges the contact's tickets and chats, newest first. Later
// pages ("Load more") hold tickets only: every chat is on the first.
func (u *UI) timeline(r *http.Request, contactID int64, tickets []TicketRow, first bool) ([]TimelineItem, error) {
	items := make([]TimelineItem, 0, len(tickets))
	for i := range tickets {
		items = append(items, TimelineItem{Ticket: &tickets[i], At: tickets[i].ActivityISO})
	}
	if !first {
		return items, nil
	}
	cs, err := u.s.Chats.ForContact(r.Context(), contactID, 50)
	if err != nil {
		return nil, err
	}
	rows := chatRows(cs, u.now())
	for i, c := range cs {
		items = append(items, TimelineItem{Chat: &rows[i], At: chatTime(c)})
	}
	slices.SortStableFunc(items, func(a, b TimelineItem) int { return strings.Compare(b.At, a.At) })
	return items, nil
}

// chatTime is when a chat last changed: its end, or its start while open.
func chatTime(c chat.Chat) string {
	t := c.CreatedAt
	if c.EndedAt != nil {
		t = *c.EndedAt
	}
	return t.UTC().Format(time.RFC3339)
}
