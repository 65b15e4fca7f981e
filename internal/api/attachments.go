package api

import (
	"net/http"

	"github.com/frontdesk/frontdesk/internal/httpx"
)

// getAttachment sends a file of any message; operators see internal ones too.
func (a *API) getAttachment(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	f, err := a.S.Tickets.Attachment(r.Context(), id)
	if err != nil {
		return err
	}
	content, err := a.S.Blobs.Open(f.SHA256)
	if err != nil {
		return err
	}
	defer content.Close()
	httpx.ServeFile(w, r, content, f.Filename, f.ContentType)
	return nil
}
