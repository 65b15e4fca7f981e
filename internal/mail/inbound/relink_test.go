package inbound_test

import (
	"context"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// TestRelinkDropsEveryParticipant: after a relink to another customer,
// the previous customer loses the ticket. Every participant goes (the
// colleague they Cc'd would get each reply, with the new public link and
// reply address), and the previous customer answering one of the thread's
// mails opens a ticket of their own instead of joining again.
func TestRelinkDropsEveryParticipant(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		first := e.start()
		// Alice Cc's her colleague Bob: he becomes a participant.
		e.deliver(e.mail("reply-all-cc.eml"))
		other, err := e.s.Contacts.Create(ctx, contact.Identity{Email: "rita@right.example", FirstName: "Rita"}, contact.Patch{})
		if err != nil {
			t.Fatal(err)
		}
		before, _ := e.s.Tickets.Get(ctx, first.TicketID)
		if _, err := e.s.Tickets.Update(ctx, first.TicketID, ticket.Patch{Contact: &other.ID}); err != nil {
			t.Fatalf("relink: %v", err)
		}
		after, _ := e.s.Tickets.Get(ctx, first.TicketID)
		if after.PublicToken == before.PublicToken {
			t.Fatal("token not rotated")
		}
		emails := func() string {
			ps, err := ticket.Participants(ctx, d.Read, first.TicketID)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, p := range ps {
				out = append(out, p.Email)
			}
			return strings.Join(out, ",")
		}
		if got := emails(); strings.Contains(got, "bob@customer.example") {
			t.Errorf("after relink, the previous customer's colleague is still Cc'd on every reply (gets the new link): %s", got)
		}
		// Alice answers the operator's old mail (In-Reply-To: <reply-1@localhost>).
		res := e.deliver(e.mail("gmail-reply.eml"))
		if res.TicketID == first.TicketID {
			t.Errorf("the previous customer's reply to an old mail joined the relinked ticket %d", res.TicketID)
		}
		if got := emails(); strings.Contains(got, "alice@customer.example") {
			t.Errorf("the previous customer is a participant again, Cc'd on every reply with the new link: %s", got)
		}
	})
}
