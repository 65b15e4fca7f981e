package inbound_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/mail/inbound"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// tokenMail is a mail from sender to the given addresses, answering nothing.
func tokenMail(sender, id string, to []string) []byte {
	return []byte(fmt.Sprintf("From: <%s>\r\nTo: %s\r\nSubject: hello\r\nMessage-ID: <%s@example.com>\r\n\r\n%s\r\n",
		sender, strings.Join(to, ",\r\n "), id, id))
}

func guessesFor(n int) []string {
	var to []string
	for range n {
		to = append(to, "support+"+ticket.NewToken()+"@localhost")
	}
	return to
}

// waitFiled waits until the worker has filed every accepted mail.
func waitFiled(t *testing.T, d *db.DB) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		var waiting int
		if err := d.Read.QueryRow(`SELECT COUNT(*) FROM raw_mails WHERE status = 'received'`).Scan(&waiting); err != nil {
			t.Fatal(err)
		}
		if waiting == 0 {
			return
		}
	}
	t.Fatal("the mail was not processed in 10 s")
}

// TestHeaderTokensSpendTheGuessBudget: the SMTP listener counts a token
// given in RCPT TO; the same tokens in the To and Cc of a mail sent to the
// plain alias count too, so they are no way around the budget. Once a
// client has spent it, the reply addresses in its mails' headers are not
// looked up: a right one among them threads nothing (it would make the
// guesser a participant, Cc'd on every reply with the public link), and
// the mail opens a ticket of its own.
func TestHeaderTokensSpendTheGuessBudget(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.openTicket()
		c := dial(t, e.listen(inbound.SMTPConfig{Domain: "mx.test"}))
		for i := range app.TokenGuessBurst { // spend the whole budget by RCPT
			if code := send(t, c, "eve@example.com", []string{"support+" + ticket.NewToken() + "@localhost"}, "x"); code != 550 {
				t.Fatalf("guess %d: %d", i, code)
			}
		}
		to := append(guessesFor(200), "support+"+tk.PublicToken+"@localhost") // the 201st guess is right
		if code := send(t, c, "eve@example.com", []string{"support@localhost"}, string(tokenMail("eve@example.com", "eve-1", to))); code != 0 {
			t.Fatalf("the mail to the plain alias was refused: %d", code)
		}
		waitFiled(t, d)
		var filed int64
		if err := d.Read.QueryRow(`SELECT COALESCE(ticket_id, 0) FROM raw_mails WHERE subject = 'hello'`).Scan(&filed); err != nil {
			t.Fatal(err)
		}
		if filed == tk.ID || filed == 0 {
			ps, _ := ticket.Participants(context.Background(), d.Read, tk.ID)
			t.Fatalf("201 header guesses after the budget was spent: the mail went to ticket %d (the guessed one is %d); participants %v",
				filed, tk.ID, ps)
		}
	})
}

// TestHeaderTokensAreCappedPerMail: a mail's headers get at most three
// reply addresses looked up, each miss spending a guess of its sender
// (an import has no client address); a hit costs nothing.
func TestHeaderTokensAreCappedPerMail(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.openTicket()
		right := "support+" + tk.PublicToken + "@localhost"
		if res := e.deliver(tokenMail("pat@example.com", "pat-1", []string{right})); res.TicketID != tk.ID {
			t.Fatalf("a reply to the ticket's address went to ticket %d, want %d", res.TicketID, tk.ID)
		}
		res := e.deliver(tokenMail("eve@example.com", "eve-1", append(guessesFor(3), right)))
		if res.TicketID == tk.ID || !res.New {
			t.Errorf("the fourth reply address of a mail was looked up: the mail joined ticket %d", res.TicketID)
		}
		ctx := context.Background()
		left := 0
		for e.s.TokenGuesses.Allow(ctx, "eve@example.com") {
			left++
		}
		if left != app.TokenGuessBurst-3 {
			t.Errorf("eve has %d guesses left, want %d: three misses spent", left, app.TokenGuessBurst-3)
		}
		if e.s.TokenGuesses.Allow(ctx, "pat@example.com"); !e.s.TokenGuesses.Allow(ctx, "pat@example.com") {
			t.Error("a reply address that named the ticket spent a guess")
		}
	})
}

// TestEnvelopeTokensAreNotCountedAgain: a reply address given in RCPT TO
// was counted by the listener; processing looks it up whatever is left of
// the client's budget, so a customer's reply is never split off.
func TestEnvelopeTokensAreNotCountedAgain(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.openTicket()
		ctx := context.Background()
		right := "support+" + tk.PublicToken + "@localhost"
		a, err := e.in.Accept(ctx, tokenMail("pat@example.com", "pat-1", []string{right}),
			inbound.Source{Kind: inbound.SourceSMTP, EnvelopeTo: []string{right}, ClientIP: "192.0.2.7"})
		if err != nil {
			t.Fatal(err)
		}
		for e.s.TokenGuesses.Allow(ctx, "192.0.2.7") { // others behind the same address spend the rest
		}
		res, err := e.in.Process(ctx, a.ID)
		if err != nil || res.TicketID != tk.ID {
			t.Errorf("the reply given in RCPT went to ticket %d (%v), want %d", res.TicketID, err, tk.ID)
		}
	})
}

// TestReplyAddressThreadsOnlyItsTeam: a reply address reaches only the
// tickets of the team whose alias it carries; one of another team's
// tickets is refused at RCPT and threads nothing. A ticket moved to
// another team keeps the addresses we mailed it from.
func TestReplyAddressThreadsOnlyItsTeam(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newOutboxEnv(t, d)
		ctx := context.Background()
		tk := e.openTicket() // a web form ticket: the outbox sends its receipt from support@
		support, err := e.s.Teams.Find(ctx, d.Read, "support")
		if err != nil {
			t.Fatal(err)
		}
		sales, err := e.s.Teams.Create(ctx, team.Input{Name: testutil.Ptr("Sales")}, support.PipelineID)
		if err != nil {
			t.Fatal(err)
		}
		other := inbound.ReplyAddress(sales.EmailAlias, tk.PublicToken)
		if ok, err := e.in.AcceptsRecipient(ctx, other, e.s.TokenGuesses, "192.0.2.8"); ok || err != nil {
			t.Errorf("RCPT of sales' alias with a support ticket's token: accepted %v (%v)", ok, err)
		}
		res := e.deliver(tokenMail("pat@example.com", "pat-1", []string{other}))
		if res.TicketID == tk.ID || !res.New {
			t.Errorf("sales' alias with a support ticket's token threaded into it (ticket %d)", res.TicketID)
		}
		if _, err := e.s.Tickets.Update(ctx, tk.ID, ticket.Patch{Team: testutil.Ptr("sales")}); err != nil {
			t.Fatal(err)
		}
		old := inbound.ReplyAddress(support.EmailAlias, tk.PublicToken)
		if ok, err := e.in.AcceptsRecipient(ctx, old, e.s.TokenGuesses, "192.0.2.8"); !ok || err != nil {
			t.Errorf("RCPT of the address we mailed from, after a move to sales: accepted %v (%v)", ok, err)
		}
		if res := e.deliver(tokenMail("pat@example.com", "pat-2", []string{old})); res.TicketID != tk.ID {
			t.Errorf("after a move to sales, a reply to our earlier mail went to ticket %d, want %d", res.TicketID, tk.ID)
		}
	})
}
