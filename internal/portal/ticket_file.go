package portal

import (
	"net/http"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// ticketFile sends a file of a public message of this very ticket. A file
// of a note, or of another ticket, gets the same 404 as no file at all.
func (p *Portal) ticketFile(w http.ResponseWriter, r *http.Request, t ticket.Ticket) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return errGone
	}
	f, err := p.s.Tickets.Attachment(r.Context(), id)
	if err != nil {
		return err
	}
	if f.TicketID != t.ID || !f.Public {
		return errGone
	}
	content, err := p.s.Blobs.Open(f.SHA256)
	if err != nil {
		return err
	}
	defer content.Close()
	httpx.ServeFile(w, r, content, f.Filename, f.ContentType)
	return nil
}
