package inbound_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// answer is a plain mail from sender, Cc cc (may be empty), answering
// the mail with Message-ID inReplyTo.
func answer(sender, cc, inReplyTo, text string) []byte {
	head := fmt.Sprintf("From: <%s>\nTo: support@localhost\n", sender)
	if cc != "" {
		head += "Cc: <" + cc + ">\n"
	}
	id := strings.NewReplacer(" ", "-", "@", "-").Replace(sender + text)
	mail := head + fmt.Sprintf("Subject: Re: Printer on fire\nMessage-ID: <%s@test.example>\n"+
		"In-Reply-To: <%s>\nReferences: <%s>\n\n%s\n", id, inReplyTo, inReplyTo, text)
	return []byte(strings.ReplaceAll(mail, "\n", "\r\n"))
}

// TestStrangerQuotingAMessageIDOpensANewTicket: a Message-ID is no
// secret, so it threads the ticket's own people and whoever our mail went
// to, and a stranger quoting one starts a ticket of their own.
func TestStrangerQuotingAMessageIDOpensANewTicket(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newOutboxEnv(t, d)
		first := e.deliver(e.mail("first.eml"))
		const customerID = "first-1@customer.example"
		steps := []struct {
			name           string
			sender, cc, id string // id "sent": the Message-ID of our last reply
			joins          bool
		}{
			{"a stranger quoting the customer's Message-ID", "mallory@evil.example", "", customerID, false},
			{"the customer answering her own mail", "alice@customer.example", "carol@customer.example", customerID, true},
			{"carol, Cc'd on our reply, answering it", "carol@customer.example", "", "sent", true},
			{"a stranger quoting our reply's Message-ID", "mallory@evil.example", "", "sent", false},
		}
		for i, s := range steps {
			id := s.id
			if id == "sent" {
				sent := e.reply(first.TicketID)
				if s.joins && !strings.Contains(fmt.Sprint(sent.Cc), s.sender) {
					t.Fatalf("our reply went to %s and %v, not to %s", sent.To.Email, sent.Cc, s.sender)
				}
				id = sent.MailMessageID
			}
			res := e.deliver(answer(s.sender, s.cc, id, fmt.Sprintf("step %d", i)))
			if joined := res.TicketID == first.TicketID; joined != s.joins || res.New == s.joins {
				t.Errorf("%s: ticket %d (new %v), joins the customer's ticket = %v, want %v",
					s.name, res.TicketID, res.New, joined, s.joins)
			}
		}
		for _, m := range e.messages(first.TicketID) {
			if strings.Contains(m.Body, "mallory") || strings.Contains(m.Body, "step 0") ||
				strings.Contains(m.Body, "step 3") {
				t.Errorf("a stranger's mail is on the customer's ticket: %q", m.Body)
			}
		}
	})
}

// TestRelinkedTicketDropsThePreviousCustomer: once a ticket is given to
// another customer, the one it was linked to before is a stranger to it,
// even when answering a mail we sent them: their answer opens a ticket of
// their own, so they never see the new customer's replies or link.
func TestRelinkedTicketDropsThePreviousCustomer(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newOutboxEnv(t, d)
		ctx := context.Background()
		first := e.deliver(e.mail("first.eml"))
		before := e.reply(first.TicketID)
		again := e.deliver(answer("alice@customer.example", "", before.MailMessageID, "still linked"))
		if again.TicketID != first.TicketID {
			t.Fatalf("before the relink, the customer's answer went to ticket %d, want %d", again.TicketID, first.TicketID)
		}
		rita, err := e.s.Contacts.Create(ctx, contact.Identity{Email: "rita@other.example", FirstName: "Rita"}, contact.Patch{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.s.Tickets.Update(ctx, first.TicketID, ticket.Patch{Contact: &rita.ID, ActorID: e.agent.ID}); err != nil {
			t.Fatal(err)
		}
		res := e.deliver(answer("alice@customer.example", "", before.MailMessageID, "after the relink"))
		if res.TicketID == first.TicketID || !res.New {
			t.Errorf("after the relink, the previous customer's answer to our mail joined ticket %d (new %v)",
				res.TicketID, res.New)
		}
		after := e.reply(first.TicketID)
		if after.To.Email != "rita@other.example" || strings.Contains(fmt.Sprint(after.Cc), "alice@") {
			t.Errorf("the reply after the relink went to %s and %v", after.To.Email, after.Cc)
		}
	})
}
