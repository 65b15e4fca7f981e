package ui

import (
	"net/http"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/httpx"
)

// board is the kanban of a pipeline. After a move from a card's form,
// ?moved= names the ticket, so the page says where it went.
func (u *UI) board(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return httpx.NewError(http.StatusNotFound, "not_found", "There is no pipeline at this address.")
	}
	v, err := u.boardView(r.Context(), u.base(r, csrfToken(r)), id, viewer(r), r.URL.Query().Get("sort"))
	if err != nil {
		return err
	}
	if moved := r.URL.Query().Get("moved"); moved != "" {
		for _, col := range v.Columns {
			for _, c := range col.Cards {
				if id64(c.ID) == moved {
					v.Flash = "#" + id64(c.Number) + " " + c.Subject + " is now in " + col.Name + "."
				}
			}
		}
	}
	return u.render(w, r, http.StatusOK, "board", "", v)
}
