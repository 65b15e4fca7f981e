package outbound_test

import (
	"context"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// A file name stored before the rules grew (here written straight into
// the table) goes out clean in the reply's Content-Disposition, as it
// reads everywhere else: no direction override, no path, no quote.
func TestReplyAttachmentNamesAreCleaned(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s, op := setup(t, d)
		ctx := context.Background()
		tk := mailTicket(t, s, "ada@example.com", nil)
		ref, err := s.Blobs.PutBytes([]byte("MZ not really"))
		if err != nil {
			t.Fatal(err)
		}
		// A note mails nothing, so its file can be renamed before the reply.
		note, err := s.Tickets.AddMessage(ctx, tk.ID, ticket.NewMessage{Kind: ticket.Note, OperatorID: op.ID,
			Body: "label", Attachments: []ticket.NewAttachment{{SHA256: ref.SHA256, Size: ref.Size,
				Filename: "a.txt", ContentType: "text/plain"}}})
		if err != nil {
			t.Fatal(err)
		}
		raw := "../\"invoice\u202Efdp.exe\u2028"
		if _, err := d.Write.ExecContext(ctx, `UPDATE attachments SET filename = $1 WHERE message_id = $2`,
			raw, note.ID); err != nil {
			t.Fatal(err)
		}
		err = d.WithTx(ctx, func(tx *db.Tx) error {
			return s.Outbox.Notify(ctx, tx, ticket.Notice{Kind: ticket.NoticeMessage, TicketID: tk.ID,
				MessageID: note.ID, MessageKind: ticket.Reply})
		})
		if err != nil {
			t.Fatal(err)
		}
		ms := outbox(t, s, tk.ID)
		last := ms[len(ms)-1]
		if len(last.Attachments) != 1 || last.Attachments[0].Filename != "invoicefdp.exe" {
			t.Errorf("the reply's files: %+v, want one named invoicefdp.exe", last.Attachments)
		}
	})
}
