package ui

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// ticketPriority sets a ticket's priority from the stars of an inbox row.
// htmx gets the row back to swap in place; a plain form goes back to the
// inbox view and filters it came from.
func (u *UI) ticketPriority(w http.ResponseWriter, r *http.Request) error {
	id, err := u.ticketID(r)
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(r.PostFormValue("priority"))
	if err != nil || n < 0 || n > ticket.MaxPriority {
		return httpx.NewError(http.StatusUnprocessableEntity, "validation", "Choose a priority from 0 to 3.")
	}
	sc, _ := fromContext(r.Context())
	t, err := u.s.Tickets.Update(r.Context(), id, ticket.Patch{Priority: &n, ActorID: sc.operator.ID})
	if err != nil {
		return err
	}
	back := safeInboxURL(r.PostFormValue("back"))
	if r.Header.Get("HX-Request") != "" {
		rows := ticketRows([]ticket.Ticket{t}, u.now())
		defs, err := u.s.Fields.List(r.Context())
		if err != nil {
			return err
		}
		withCells(rows, []ticket.Ticket{t}, columnDefs(defs, parseInboxQuery(backQuery(back)).Cols))
		if err := u.inboxRows(rows, csrfToken(r), back); err != nil {
			return err
		}
		return u.render(w, r, http.StatusOK, "inbox", "row", rows[0])
	}
	http.Redirect(w, r, back+"#ticket-"+id64(id), http.StatusSeeOther)
	return nil
}

// backQuery is the query of an inbox address made by safeInboxURL.
func backQuery(back string) url.Values {
	_, q, _ := strings.Cut(back, "?")
	v, _ := url.ParseQuery(q)
	return v
}
