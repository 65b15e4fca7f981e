package ui

import (
	"bytes"
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
	raw, err := u.s.Mail.Raw(r.Context(), id)
	if err != nil {
		return err
	}
	httpx.ServeFile(w, r, bytes.NewReader(raw), fmt.Sprintf("mail-%d.eml", id), "message/rfc822")
	return nil
}
