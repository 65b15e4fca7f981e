package portal

import (
	"errors"
	"net/http"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/httpx"

	"github.com/frontdesk/frontdesk/internal/ticket"
)

// FormSentView thanks the customer; with the ticket when one was opened.
type FormSentView struct {
	FormBase
	Slug   string
	Ticket *ticket.Ticket
}

// sent is where a sent form lands (post, redirect, get), so reloading it
// sends nothing twice. The public token in its address is the one the
// customer is about to be given anyway; a stranger trying tokens here
// spends the same guesses as on /t/.
func (f *Forms) sent(w http.ResponseWriter, r *http.Request) error {
	p, err := f.load(r.Context(), r.PathValue("slug"))
	if err != nil {
		return err
	}
	v := FormSentView{FormBase: f.base(r.Context(), p.team.Name), Slug: p.team.Slug}
	v.Title = "Message sent"
	if tok := r.URL.Query().Get("ticket"); tok != "" {
		t, err := f.ticketOf(w, r, tok)
		if err != nil {
			return err
		}
		if t.Team.ID == p.team.ID {
			v.Ticket = &t
		}
	}
	w.Header().Set("X-Robots-Tag", "noindex")
	return f.render(w, http.StatusOK, "portal_form_sent", v)
}

const sentGuessing = "Too many links that do not work were opened from your network. If you have just sent the form, " +
	"it went through: wait a minute, then reload this page to see your request's number."

// ticketOf looks tok up within the guesses of the client's address; a
// token naming nothing is a zero ticket.
func (f *Forms) ticketOf(w http.ResponseWriter, r *http.Request, tok string) (ticket.Ticket, error) {
	ctx, ip := r.Context(), clientIP(r)
	if !f.guesses.Allow(ctx, ip) {
		return ticket.Ticket{}, httpx.TooMany(w, app.TokenGuessWindow, sentGuessing)
	}
	t, err := f.s.Tickets.ByToken(ctx, tok)
	if errors.Is(err, domain.ErrNotFound) {
		return ticket.Ticket{}, nil
	}
	f.guesses.Refund(ctx, ip)
	return t, err
}
