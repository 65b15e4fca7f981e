package ticket_test

import (
	"context"
	"errors"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

func TestAttachmentsFollowTheirMessage(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		shot, err := s.Blobs.PutBytes([]byte("\x89PNG fake"))
		if err != nil {
			t.Fatal(err)
		}
		in := newTicket("Broken screen", "ada@example.com")
		in.Attachments = []ticket.NewAttachment{{SHA256: shot.SHA256, Size: shot.Size,
			Filename: `C:\Users\ada\screen"1".png`, ContentType: "image/png"}}
		in.Fields = []ticket.Field{{Label: "Order number", Value: "A-17"}}
		tk := mustCreate(t, s, in)
		log, _ := s.Blobs.PutBytes([]byte("trace"))
		note, err := s.Tickets.AddMessage(ctx, tk.ID, ticket.NewMessage{Kind: ticket.Note, OperatorID: 0,
			Attachments: []ticket.NewAttachment{{SHA256: log.SHA256, Size: log.Size, Filename: "trace.txt"}}})
		if err != nil {
			t.Fatalf("a note with only a file: %v", err)
		}
		msgs, err := s.Tickets.Messages(ctx, tk.ID, false)
		if err != nil || len(msgs) != 2 {
			t.Fatalf("thread %+v, %v", msgs, err)
		}
		first := msgs[0].Attachments
		if len(first) != 1 || first[0].Filename != "screen1.png" || first[0].Size != shot.Size || first[0].ContentType != "image/png" {
			t.Errorf("first message files = %+v, want the cleaned name", first)
		}
		if got := note.Attachments; len(got) != 1 || got[0].ContentType != "application/octet-stream" {
			t.Errorf("note files = %+v", got)
		}
		pub, err := s.Tickets.Attachment(ctx, first[0].ID)
		if err != nil || !pub.Public || pub.TicketID != tk.ID || pub.SHA256 != shot.SHA256 {
			t.Errorf("customer's file = %+v, %v", pub, err)
		}
		internal, _ := s.Tickets.Attachment(ctx, note.Attachments[0].ID)
		if internal.Public {
			t.Error("a note's file must not be public")
		}
		if _, err := s.Tickets.Attachment(ctx, 999999); !errors.Is(err, ticket.ErrNotFound) {
			t.Errorf("unknown file: %v", err)
		}
		fields, err := s.Tickets.Fields(ctx, tk.ID)
		if err != nil || len(fields) != 1 || fields[0] != (ticket.Field{Label: "Order number", Value: "A-17"}) {
			t.Errorf("fields = %+v, %v", fields, err)
		}
	})
}

func TestCleanFilename(t *testing.T) {
	for in, want := range map[string]string{
		"report.pdf": "report.pdf", "../../etc/passwd": "passwd", `a\b\c.txt`: "c.txt", "": "file",
		"..": "file", "x\r\nSet-Cookie: y": "xSet-Cookie: y", "résumé.pdf": "résumé.pdf",
		// Bidirectional marks, embeddings, overrides and isolates, which
		// make "invoice\u202Efdp.exe" read as "invoiceexe.pdf".
		"invoice\u202Efdp.exe": "invoicefdp.exe", "a\u202Ab\u202Bc\u202Cd\u202De.pdf": "abcde.pdf",
		"\u2066a\u2067b\u2068c\u2069.pdf": "abc.pdf", "a\u200Eb\u200Fc\u061C.pdf": "abc.pdf",
		// Zero-width characters, the soft hyphen, the BOM, C1 controls and blank fillers.
		"in\u200Bvoi\u200Cce\u200D\u2060.pdf": "invoice.pdf", "re\u00ADport\uFEFF.txt": "report.txt",
		"c1\u0085\u009B.txt": "c1.txt", "\u3164\u115Fx.pdf": "x.pdf", "rtl-\u202E/../x.pdf": "x.pdf",
	} {
		if got := ticket.CleanFilename(in); got != want {
			t.Errorf("CleanFilename(%q) = %q, want %q", in, got, want)
		}
	}
}
