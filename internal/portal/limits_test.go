package portal_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/form"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// The form's confirmation page looks up the token in its address, so it
// spends the same guesses as /t/: a stranger cannot switch pages to go on
// guessing, and once out of guesses learns nothing from either.
func TestConfirmationPageSpendsTheSameGuesses(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		if _, err := e.s.Forms.Save(context.Background(), 1, form.Default()); err != nil {
			t.Fatal(err)
		}
		tk := e.ticket("Refund please", "Sam")
		sent := "/support/support/sent?ticket="
		for i := range 3 { // the customer reloading their confirmation never runs out
			rec := e.get(sent + tk.PublicToken)
			if rec.Code != http.StatusOK {
				t.Fatalf("reload %d: %d", i, rec.Code)
			}
			contains(t, rec.Body.String(), []string{tk.PublicToken}, nil)
		}
		for i := range app.TokenGuessBurst {
			if rec := e.get(sent + ticket.NewToken()); rec.Code != http.StatusOK {
				t.Fatalf("guess %d: %d", i, rec.Code)
			}
		}
		rec := e.get("/t/" + tk.PublicToken)
		if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" {
			t.Errorf("/t/ after guessing on the confirmation page: %d, Retry-After %q; want 429 with Retry-After",
				rec.Code, rec.Header().Get("Retry-After"))
		}
		rec = e.get(sent + tk.PublicToken)
		if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" {
			t.Errorf("confirmation page out of guesses: %d, Retry-After %q", rec.Code, rec.Header().Get("Retry-After"))
		}
		contains(t, rec.Body.String(), []string{"reload this page"}, []string{tk.PublicToken})
	})
}

// Public comments are bounded per ticket and per address, generously: a
// script cannot bury a thread or flood the team, and the refused comment
// comes back in the form rather than being lost.
func TestCommentsAreLimitedPerTicketAndAddress(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		var tickets []ticket.Ticket
		for i := range 4 {
			tickets = append(tickets, e.ticket(fmt.Sprintf("Question %d", i), "Sam"))
		}
		comment := func(tk ticket.Ticket, body string) int {
			v := e.visit(tk.PublicToken)
			return e.post("/t/"+tk.PublicToken+"/comments", v, map[string]string{"body": body}, nil, nil).Code
		}
		for _, tk := range tickets[:3] {
			for i := range 20 {
				if code := comment(tk, fmt.Sprintf("Comment %d", i)); code != http.StatusSeeOther {
					t.Fatalf("comment %d on %s: %d", i, tk.Subject, code)
				}
			}
		}
		v := e.visit(tickets[0].PublicToken)
		rec := e.post("/t/"+tickets[0].PublicToken+"/comments", v, map[string]string{"body": "One too many"}, nil, nil)
		if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" {
			t.Fatalf("21st comment on one ticket: %d, Retry-After %q", rec.Code, rec.Header().Get("Retry-After"))
		}
		contains(t, rec.Body.String(), []string{"One too many", "Wait a few minutes"}, nil)
		if code := comment(tickets[3], "From the same address, a fourth ticket"); code != http.StatusTooManyRequests {
			t.Errorf("61st comment from one address: %d, want 429", code)
		}
		if n := len(e.thread(tickets[0].ID)); n != 21 {
			t.Errorf("the first ticket holds %d messages, want its description and 20 comments", n)
		}
	})
}
