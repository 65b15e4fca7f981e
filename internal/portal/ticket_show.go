package portal

import (
	"net/http"

	"github.com/frontdesk/frontdesk/internal/ticket"
)

// flashes are the messages a redirect after a post asks for, by name, so
// nothing a visitor puts in the query string reaches the page.
var flashes = map[string]string{
	"comment":  "Thank you. Your comment was added and the team has been told.",
	"closed":   "Your request is closed. You can reopen it at any time.",
	"reopened": "Your request is open again. The team will look at it.",
}

// ticketShow is the public page: where the ticket stands and its public
// thread, with the comment form and the close or reopen button.
func (p *Portal) ticketShow(w http.ResponseWriter, r *http.Request, t ticket.Ticket) error {
	v, err := p.ticketView(w, r, t)
	if err != nil {
		return err
	}
	v.Flash = flashes[r.URL.Query().Get("done")]
	return p.pages.page(w, http.StatusOK, "portal_ticket.html", v)
}

// ticketView reads what the page shows. Messages asks for the public
// thread only: no notes, no system messages, and no event history.
func (p *Portal) ticketView(w http.ResponseWriter, r *http.Request, t ticket.Ticket) (TicketView, error) {
	msgs, err := p.s.Tickets.Messages(r.Context(), t.ID, true)
	if err != nil {
		return TicketView{}, err
	}
	pl, err := p.s.Tickets.PipelineOf(r.Context(), t)
	if err != nil {
		return TicketView{}, err
	}
	history, err := p.s.Tickets.History(r.Context(), t.ID)
	if err != nil {
		return TicketView{}, err
	}
	v := TicketView{Number: t.Number, Subject: t.Subject, Team: t.Team.Name, Status: publicStatus(pl, t),
		Open: t.IsOpen(), Steps: steps(pl, t, passedStatuses(history, t.Status.Name)), URL: "/t/" + t.PublicToken, Form: p.formToken(w, r, t),
		MaxFiles: MaxFiles, MaxSize: size(MaxFileSize)}
	v.Brand, _ = p.s.Brand.Get(r.Context()) // a page without the brand beats no page
	for _, m := range msgs {
		if m.Kind.Public() { // Messages already filters; this keeps it true if that ever changes
			v.Thread = append(v.Thread, messageView(v.URL, m))
		}
	}
	return v, nil
}
