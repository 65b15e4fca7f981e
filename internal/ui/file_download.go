package ui

import (
	"net/http"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/httpx"
)

// fileDownload sends a file of any message, notes included, of a ticket
// the operator may see (team limits of pipelines). The name in the path is for the browser's
// save dialog only; the id decides.
func (u *UI) fileDownload(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return httpx.NewError(http.StatusNotFound, "not_found", "There is no file at this address.")
	}
	f, err := u.s.Tickets.Attachment(r.Context(), id)
	if err != nil {
		return err
	}
	if v := viewer(r); v != 0 {
		if err := u.s.Tickets.Visible(r.Context(), f.TicketID, v); err != nil {
			return err
		}
	}
	content, err := u.s.Blobs.Open(f.SHA256)
	if err != nil {
		return err
	}
	defer content.Close()
	httpx.ServeFile(w, r, content, f.Filename, f.ContentType)
	return nil
}
