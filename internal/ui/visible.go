package ui

import (
	"net/http"
	"strings"

	"github.com/frontdesk/frontdesk/internal/httpx"
)

// viewer is the operator whose teams narrow what they see: 0 for an
// admin, who sees every pipeline.
func viewer(r *http.Request) int64 {
	if op := me(r); !op.IsAdmin() {
		return op.ID
	}
	return 0
}

// ticketVisible answers 404 for a ticket in a pipeline limited to teams
// the operator is not in: to them it is not there.
func (u *UI) ticketVisible(next httpx.HandlerFunc) httpx.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := u.ticketID(r)
		if err != nil {
			return err
		}
		if v := viewer(r); v != 0 {
			if err := u.s.Tickets.Visible(r.Context(), id, v); err != nil {
				return err
			}
		}
		return next(w, r)
	}
}

// ticketRoute reports whether pattern addresses one ticket.
func ticketRoute(pattern string) bool {
	_, path, _ := strings.Cut(pattern, " ")
	return strings.HasPrefix(path, "/tickets/{number}")
}
