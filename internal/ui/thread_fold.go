package ui

import (
	"html/template"

	"github.com/frontdesk/frontdesk/internal/mail/quote"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// threadKinds are the kinds of message a thread shows a badge for.
var threadKinds = []ticket.MessageKind{ticket.Customer, ticket.Reply, ticket.Note, ticket.System}

// finishThread readies the messages shown (after foldThread): each
// one's new text split from the history it quotes, and its kind's
// badges, rendered once per kind ("msg-lead" before the author,
// "msg-badge" after): a thread of 100 messages compared each one's kind
// four times in the template, a reflect call each.
func (u *UI) finishThread(items []ThreadItem) error {
	lead, badge := map[string]template.HTML{}, map[string]template.HTML{}
	for _, k := range threadKinds {
		var err error
		if lead[string(k)], err = u.pages.fragment("ticket", "msg-lead", string(k)); err != nil {
			return err
		}
		if badge[string(k)], err = u.pages.fragment("ticket", "msg-badge", string(k)); err != nil {
			return err
		}
	}
	for _, it := range items {
		if m := it.Message; m != nil {
			m.Lead, m.Badge = lead[m.Kind], badge[m.Kind]
			parts := quote.Split(m.body)
			m.Fresh, m.Quoted = parts.Fresh, parts.Quoted
		}
	}
	return nil
}
