package ui

import (
	"fmt"
	"net/http"

	"github.com/frontdesk/frontdesk/internal/httpx"
)

// mailRaw downloads a stored raw mail as an .eml file, to look at what
// the parser could not take.
func (u *UI) mailRaw(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	sum, err := u.s.Mail.Raw(r.Context(), id)
	if err != nil {
		return err
	}
	f, err := u.s.Blobs.Open(sum)
	if err != nil {
		return err
	}
	defer f.Close()
	httpx.ServeFile(w, r, f, fmt.Sprintf("mail-%d.eml", id), "message/rfc822")
	return nil
}
