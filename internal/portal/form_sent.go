package portal

import (
	"net/http"

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
// customer is about to be given anyway.
func (f *Forms) sent(w http.ResponseWriter, r *http.Request) error {
	p, err := f.load(r.Context(), r.PathValue("slug"))
	if err != nil {
		return err
	}
	v := FormSentView{FormBase: f.base(p.team.Name), Slug: p.team.Slug}
	v.Title = "Message sent"
	if tok := r.URL.Query().Get("ticket"); tok != "" {
		t, err := f.s.Tickets.ByToken(r.Context(), tok)
		if err == nil && t.Team.ID == p.team.ID {
			v.Ticket = &t
		}
	}
	w.Header().Set("X-Robots-Tag", "noindex")
	return f.render(w, http.StatusOK, "portal_form_sent", v)
}
