package portal

import (
	"net/http"

	"github.com/frontdesk/frontdesk/internal/ticket"
)

// ticketClose lets the customer say the request is settled.
func (p *Portal) ticketClose(w http.ResponseWriter, r *http.Request, t ticket.Ticket) error {
	return p.setOpen(w, r, t, false, "closed")
}

// ticketReopen lets the customer bring a closed request back.
func (p *Portal) ticketReopen(w http.ResponseWriter, r *http.Request, t ticket.Ticket) error {
	return p.setOpen(w, r, t, true, "reopened")
}

func (p *Portal) setOpen(w http.ResponseWriter, r *http.Request, t ticket.Ticket, open bool, done string) error {
	if _, err := p.s.Tickets.SetOpenByCustomer(r.Context(), t.ID, open); err != nil {
		return err
	}
	http.Redirect(w, r, "/t/"+t.PublicToken+"?done="+done, http.StatusSeeOther)
	return nil
}
