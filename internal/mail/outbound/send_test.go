package outbound_test

import (
	"bytes"
	"context"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/mail/outbound"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// parts walks a parsed mail and returns its leaf parts' decoded bodies by
// content type, and its attachments by file name.
func parts(t *testing.T, ctype string, body io.Reader, bodies map[string]string, files map[string][]byte) {
	t.Helper()
	mt, params, err := mime.ParseMediaType(ctype)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(mt, "multipart/") {
		t.Fatalf("leaf at the top: %s", mt)
	}
	r := multipart.NewReader(body, params["boundary"])
	for {
		p, err := r.NextRawPart()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		pt, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		switch {
		case strings.HasPrefix(pt, "multipart/"):
			parts(t, p.Header.Get("Content-Type"), p, bodies, files)
		case p.Header.Get("Content-Transfer-Encoding") == "quoted-printable":
			b, _ := io.ReadAll(quotedprintable.NewReader(p))
			bodies[pt] = string(b)
		default:
			_, dp, _ := mime.ParseMediaType(p.Header.Get("Content-Disposition"))
			raw, _ := io.ReadAll(p)
			files[dp["filename"]] = decodeBase64(t, raw)
		}
	}
}

func TestRepliesGoOutOverSMTPWithHeadersPartsAndFiles(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s, op := setup(t, d)
		ctx := context.Background()
		rec, relay := startRelay(t)
		tk := mailTicket(t, s, "ada@example.com", &ticket.MailHeaders{MessageID: "first@customer.example"})
		s.Outbox.Participants = ccList{tk.ID: {{Name: "Bob Builder", Email: "bob@example.com"}}}
		reply(t, s, tk.ID, op.ID, ticket.Note, "INTERNAL: refund without asking the manager")
		pdf := []byte("%PDF-1.4 the label\n" + strings.Repeat("x", 300))
		ref, err := s.Blobs.PutBytes(pdf)
		if err != nil {
			t.Fatal(err)
		}
		msg, err := s.Tickets.AddMessage(ctx, tk.ID, ticket.NewMessage{Kind: ticket.Reply, OperatorID: op.ID,
			Body: "Größe passt: a new parcel is on its way.", Attachments: []ticket.NewAttachment{{SHA256: ref.SHA256,
				Size: ref.Size, Filename: "Rücksendeetikett.pdf", ContentType: "application/pdf"}}})
		if err != nil {
			t.Fatal(err)
		}
		if n, err := newSender(s, relay).SendDue(ctx); err != nil || n != 2 {
			t.Fatalf("SendDue = %d, %v", n, err)
		}
		got := rec.Deliveries()
		if len(got) != 2 {
			t.Fatalf("the relay got %d mails", len(got))
		}
		for _, g := range got {
			if bytes.Contains(g.Data, []byte("INTERNAL")) || bytes.Contains(g.Data, []byte("refund without")) {
				t.Errorf("an internal note reached the relay:\n%s", g.Data)
			}
		}
		rows := outbox(t, s, tk.ID)
		if rows[1].Status != outbound.Sent || rows[1].SentAt == nil || rows[1].Attempts != 1 {
			t.Errorf("reply row after sending: %+v", rows[1])
		}
		ack, rp := got[0], got[1]
		if h := parse(t, ack.Data).Header; h.Get("Auto-Submitted") != "auto-replied" || h.Get("X-Frontdesk-Mail") != "yes" {
			t.Errorf("received mail headers: %v", h)
		}
		if rp.From != "support@localhost" || strings.Join(rp.To, ",") != "ada@example.com,bob@example.com" {
			t.Errorf("envelope = %s -> %v", rp.From, rp.To)
		}
		m := parse(t, rp.Data)
		dec := new(mime.WordDecoder)
		subject, _ := dec.DecodeHeader(m.Header.Get("Subject"))
		want := map[string]string{
			"From": `"Support" <support@localhost>`, "To": `"Ada Lovelace" <ada@example.com>`,
			"Cc": `"Bob Builder" <bob@example.com>`, "Reply-To": "support+" + tk.PublicToken + "@localhost",
			"Message-ID": "<" + rows[1].MailMessageID + ">", "In-Reply-To": "<first@customer.example>",
			"References": "<first@customer.example>", "X-Frontdesk-Mail": "yes", "Auto-Submitted": "",
		}
		for k, v := range want {
			if got := m.Header.Get(k); got != v {
				t.Errorf("%s: %q, want %q", k, got, v)
			}
		}
		if subject != "Re: [#"+itoa(tk.Number)+"] Parcel lost" {
			t.Errorf("Subject = %q", subject)
		}
		var stored string
		_ = d.Read.QueryRow(`SELECT mail_message_id FROM messages WHERE id = $1`, msg.ID).Scan(&stored)
		if "<"+stored+">" != m.Header.Get("Message-ID") {
			t.Errorf("message row has %q, the mail %q", stored, m.Header.Get("Message-ID"))
		}
		bodies, files := map[string]string{}, map[string][]byte{}
		parts(t, m.Header.Get("Content-Type"), m.Body, bodies, files)
		for _, ct := range []string{"text/plain", "text/html"} {
			if !strings.Contains(bodies[ct], "Größe passt") || !strings.Contains(bodies[ct], tk.PublicURL) {
				t.Errorf("%s part lacks the reply or the link %s:\n%s", ct, tk.PublicURL, bodies[ct])
			}
		}
		if !strings.Contains(bodies["text/html"], `<a href="`+tk.PublicURL+`">`) {
			t.Errorf("the HTML part has no link:\n%s", bodies["text/html"])
		}
		if !bytes.Equal(files["Rücksendeetikett.pdf"], pdf) {
			t.Errorf("attachment: got files %v", keys(files))
		}
	})
}

func TestRefusedMailIsRetriedWithBackoffThenSent(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s, _ := setup(t, d)
		ctx := context.Background()
		rec, relay := startRelay(t)
		rec.RefuseData(2)
		tk := mailTicket(t, s, "ada@example.com", nil)
		snd := newSender(s, relay)
		snd.Retry = time.Hour
		if _, err := snd.SendDue(ctx); err != nil {
			t.Fatal(err)
		}
		row := outbox(t, s, tk.ID)[0]
		if row.Status != outbound.Queued || row.Attempts != 1 || !strings.Contains(row.LastError, "451") ||
			!row.NextAttemptAt.After(row.CreatedAt) {
			t.Fatalf("after a 451: %+v", row)
		}
		if n, _ := snd.SendDue(ctx); n != 0 {
			t.Errorf("a mail waiting for its retry was sent at once")
		}
		var waits []time.Duration
		for i := 0; i < 5 && row.Status != outbound.Sent; i++ {
			waits = append(waits, row.NextAttemptAt.Sub(db.Now()))
			// The wait is over: move the clock instead of sleeping.
			if _, err := d.Write.Exec(`UPDATE mail_outbox SET next_attempt_at = $1`, db.Now()); err != nil {
				t.Fatal(err)
			}
			if _, err := snd.SendDue(ctx); err != nil {
				t.Fatal(err)
			}
			row = outbox(t, s, tk.ID)[0]
		}
		if len(waits) != 2 || waits[1] < waits[0]+30*time.Minute {
			t.Errorf("waits between attempts %v, want doubling from an hour", waits)
		}
		if row.Status != outbound.Sent || row.Attempts != 3 || row.LastError != "" || len(rec.Deliveries()) != 1 {
			t.Errorf("after two refusals: %+v, %d deliveries", row, len(rec.Deliveries()))
		}
	})
}

func TestPermanentRefusalAndGivingUpFail(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s, _ := setup(t, d)
		ctx := context.Background()
		rec, relay := startRelay(t)
		rec.RejectRcpt("nobody@example.com")
		tk := mailTicket(t, s, "nobody@example.com", nil)
		snd := newSender(s, relay)
		if _, err := snd.SendDue(ctx); err != nil {
			t.Fatal(err)
		}
		if row := outbox(t, s, tk.ID)[0]; row.Status != outbound.Failed || !strings.Contains(row.LastError, "550") {
			t.Errorf("after a 550: %+v", row)
		}
		rec.RefuseData(1000)
		other := mailTicket(t, s, "later@example.com", nil)
		snd.GiveUp = time.Nanosecond // already tried for longer than that
		if _, err := snd.SendDue(ctx); err != nil {
			t.Fatal(err)
		}
		if row := outbox(t, s, other.ID)[0]; row.Status != outbound.Failed || !strings.Contains(row.LastError, "451") {
			t.Errorf("past the give-up time: %+v", row)
		}
	})
}

// A crash after the relay's 250 and before the row is marked sent: the
// lease runs out and the mail goes again, the same bytes and Message-ID.
func TestResendAfterCrashIsTheSameMail(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s, op := setup(t, d)
		ctx := context.Background()
		rec, relay := startRelay(t)
		tk := mailTicket(t, s, "ada@example.com", nil)
		ref, _ := s.Blobs.PutBytes([]byte("a file"))
		if _, err := s.Tickets.AddMessage(ctx, tk.ID, ticket.NewMessage{Kind: ticket.Reply, OperatorID: op.ID,
			Body: "See attached.", Attachments: []ticket.NewAttachment{{SHA256: ref.SHA256, Size: ref.Size,
				Filename: "a.txt", ContentType: "text/plain"}}}); err != nil {
			t.Fatal(err)
		}
		crashed := newSender(s, relay)
		crashed.Lease = time.Millisecond
		if n, err := crashed.DeliverWithoutMarking(ctx); err != nil || n != 2 {
			t.Fatalf("first run: %d, %v", n, err)
		}
		for _, m := range outbox(t, s, tk.ID) {
			if m.Status != outbound.Sending {
				t.Errorf("after the crash mail %d is %s", m.ID, m.Status)
			}
		}
		time.Sleep(5 * time.Millisecond) // the dead sender's lease runs out
		if n, err := newSender(s, relay).SendDue(ctx); err != nil || n != 2 {
			t.Fatalf("after restart: %d, %v", n, err)
		}
		got := rec.Deliveries()
		if len(got) != 4 {
			t.Fatalf("%d deliveries, want each mail twice", len(got))
		}
		for i := 0; i < 2; i++ {
			if !bytes.Equal(got[i].Data, got[i+2].Data) {
				t.Errorf("mail %d differs on the re-send:\n%s\n---\n%s", i, got[i].Data, got[i+2].Data)
			}
		}
		for _, m := range outbox(t, s, tk.ID) {
			if m.Status != outbound.Sent || m.Attempts != 2 {
				t.Errorf("mail %d: %s after %d attempts", m.ID, m.Status, m.Attempts)
			}
		}
	})
}

func parse(t *testing.T, data []byte) *mail.Message {
	t.Helper()
	m, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%v in\n%s", err, data)
	}
	return m
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// The worker loop as serve runs it: it sends what is queued, and stops
// when told to.
func TestSenderRunDeliversAndStops(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s, _ := setup(t, d)
		rec, relay := startRelay(t)
		snd := newSender(s, relay)
		snd.Poll = 10 * time.Millisecond
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { defer close(done); snd.Run(ctx) }()
		tk := mailTicket(t, s, "ada@example.com", nil)
		for i := 0; i < 500 && outbox(t, s, tk.ID)[0].Status != outbound.Sent; i++ {
			time.Sleep(10 * time.Millisecond)
		}
		cancel()
		<-done
		if got := rec.Deliveries(); len(got) != 1 || outbox(t, s, tk.ID)[0].Status != outbound.Sent {
			t.Errorf("the running sender delivered %d mails; row %+v", len(got), outbox(t, s, tk.ID)[0].Status)
		}
	})
}
