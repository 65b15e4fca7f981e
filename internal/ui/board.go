package ui

import (
	"net/http"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/httpx"
)

// board is the kanban of a pipeline. After a move from a card's form,
// ?moved= names the ticket, so the page says where it went. ?column= and
// ?cursor= ask for a column's later cards ("Show more"): with HX-Request
// those cards alone, which the page appends in place; without, the board
// with that column showing them.
func (u *UI) board(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return httpx.NewError(http.StatusNotFound, "not_found", "There is no pipeline at this address.")
	}
	q := parseBoardQuery(r.URL.Query())
	if q.Column != 0 && r.Header.Get("HX-Request") != "" {
		return u.boardMore(w, r, id, q)
	}
	v, err := u.boardView(r.Context(), u.base(r, csrfToken(r)), id, viewer(r), q)
	if err != nil {
		return err
	}
	if q.Column != 0 && !v.hasColumn(q.Column) {
		return errNoColumn
	}
	v.Flash = u.movedFlash(r, r.URL.Query().Get("moved"), id)
	return u.render(w, r, http.StatusOK, "board", "", v)
}

// boardMore answers "Show more": a column's next cards and the link to
// the ones after them, without the rest of the board.
func (u *UI) boardMore(w http.ResponseWriter, r *http.Request, id int64, q boardQuery) error {
	src, err := u.cardSource(r.Context(), id, viewer(r), q)
	if err != nil {
		return err
	}
	st, ok := src.pl.StatusByID(q.Column)
	if !ok {
		return errNoColumn
	}
	col, err := u.boardColumn(r.Context(), src, st, q.Cursor)
	if err != nil {
		return err
	}
	return u.render(w, r, http.StatusOK, "board", "column-cards", col)
}

// movedFlash says where ticket moved (?moved=, its id) went, whether or
// not its card is among the first of its column; nothing for a ticket of
// another pipeline or one the operator may not see.
func (u *UI) movedFlash(r *http.Request, moved string, pipelineID int64) string {
	id, err := strconv.ParseInt(moved, 10, 64)
	if err != nil || id <= 0 {
		return ""
	}
	if v := viewer(r); v != 0 && u.s.Tickets.Visible(r.Context(), id, v) != nil {
		return ""
	}
	t, err := u.s.Tickets.Get(r.Context(), id)
	if err != nil || t.PipelineID != pipelineID {
		return ""
	}
	return "#" + id64(t.Number) + " " + t.Subject + " is now in " + t.Status.Name + "."
}

var errNoColumn = httpx.NewError(http.StatusNotFound, "not_found", "This board has no such column.")

func (v BoardView) hasColumn(statusID int64) bool {
	for _, c := range v.Columns {
		if c.StatusID == statusID {
			return true
		}
	}
	return false
}
