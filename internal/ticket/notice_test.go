package ticket_test

import (
	"context"
	"errors"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// recorder keeps the notices a customer may hear of (not the history's
// ticket.changed, which webhooks hear), and can fail to prove the change
// rolls back.
type recorder struct {
	got  []ticket.Notice
	fail bool
}

func (r *recorder) Notify(_ context.Context, _ *db.Tx, n ticket.Notice) error {
	if r.fail {
		return errors.New("outbox full")
	}
	if n.Kind != ticket.NoticeChanged {
		r.got = append(r.got, n)
	}
	return nil
}

func TestNoticesComeInsideTheChangesTransaction(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		rec := &recorder{}
		s.Tickets.Notifier = rec
		in := newTicket("Lost parcel", "ada@example.com")
		in.Mail = &ticket.MailHeaders{MessageID: "<a@example.com>", AutoSubmitted: true}
		tk := mustCreate(t, s, in)
		reply, err := s.Tickets.AddMessage(ctx, tk.ID, ticket.NewMessage{Kind: ticket.Reply, Body: "On its way."})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Tickets.Update(ctx, tk.ID, ticket.Patch{Status: testutil.Ptr("Closed")}); err != nil {
			t.Fatal(err)
		}
		want := []ticket.NoticeKind{ticket.NoticeCreated, ticket.NoticeMessage, ticket.NoticeClosed}
		if len(rec.got) != len(want) {
			t.Fatalf("notices = %+v", rec.got)
		}
		for i, k := range want {
			if rec.got[i].Kind != k || rec.got[i].TicketID != tk.ID {
				t.Errorf("notice %d = %+v, want %s", i, rec.got[i], k)
			}
		}
		if first := rec.got[0]; first.MessageID == 0 || first.Mail == nil || !first.Mail.AutoSubmitted || first.Channel != ticket.API {
			t.Errorf("created notice = %+v", first)
		}
		if rec.got[1].MessageID != reply.ID || rec.got[1].MessageKind != ticket.Reply {
			t.Errorf("message notice = %+v", rec.got[1])
		}
		rec.fail = true
		if _, err := s.Tickets.AddMessage(ctx, tk.ID, ticket.NewMessage{Kind: ticket.Reply, Body: "Lost."}); err == nil {
			t.Fatal("a failing notifier must fail the change")
		}
		msgs, _ := s.Tickets.Messages(ctx, tk.ID, false)
		if len(msgs) != 2 {
			t.Errorf("the failed reply was kept: %d messages", len(msgs))
		}
	})
}

// An answer sent with a move to a closed status is one notice, the
// reply's; a note sent so still lets the customer hear of the closing; a
// refused status keeps the answer out.
func TestRespondSendsOneNotice(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		rec := &recorder{}
		s.Tickets.Notifier = rec
		tk := mustCreate(t, s, newTicket("Lost parcel", "ada@example.com"))
		closed := testutil.Ptr("Closed")
		rec.got = nil
		if _, err := s.Tickets.Respond(ctx, tk.ID, ticket.NewMessage{Kind: ticket.Reply, Body: "Found it."},
			ticket.Patch{Status: closed}); err != nil {
			t.Fatal(err)
		}
		got, err := s.Tickets.Get(ctx, tk.ID)
		if err != nil || got.IsOpen() || len(rec.got) != 1 || rec.got[0].Kind != ticket.NoticeMessage {
			t.Fatalf("after send and close: open %v, notices %+v (%v)", got.IsOpen(), rec.got, err)
		}
		other := mustCreate(t, s, newTicket("Other", "ada@example.com"))
		rec.got = nil
		if _, err := s.Tickets.Respond(ctx, other.ID, ticket.NewMessage{Kind: ticket.Note, Body: "Done."},
			ticket.Patch{Status: closed}); err != nil {
			t.Fatal(err)
		}
		if len(rec.got) != 2 || rec.got[1].Kind != ticket.NoticeClosed {
			t.Errorf("a note and a close: notices %+v, want the message's and the closing's", rec.got)
		}
		_, err = s.Tickets.Respond(ctx, tk.ID, ticket.NewMessage{Kind: ticket.Reply, Body: "Kept?"},
			ticket.Patch{Status: testutil.Ptr("Parked")})
		if msgs, _ := s.Tickets.Messages(ctx, tk.ID, false); err == nil || len(msgs) != 2 {
			t.Errorf("an unknown status: err %v and %d messages, want a refusal and the answer left out", err, len(msgs))
		}
	})
}
