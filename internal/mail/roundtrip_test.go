package mail_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"net"
	"net/mail"
	"net/smtp"
	"strconv"
	"strings"
	"testing"
	"time"

	gosmtp "github.com/emersion/go-smtp"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/mail/inbound"
	"github.com/frontdesk/frontdesk/internal/mail/outbound"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// world is a Frontdesk with its SMTP listener and processing worker
// running, and a sender pointed at a recording relay.
type world struct {
	t      *testing.T
	d      *db.DB
	s      *app.Services
	listen string
	relay  *testutil.Relay
	sender *outbound.Sender
}

func newWorld(t *testing.T, d *db.DB) *world {
	w := &world{t: t, d: d, s: testutil.Services(t, d), relay: &testutil.Relay{}}
	ctx, cancel := context.WithCancel(context.Background())
	worker := w.s.Mail.Worker(slog.New(slog.DiscardHandler), 2)
	worker.Poll = 50 * time.Millisecond
	w.s.Mail.Wake = worker.Wake
	done := make(chan struct{})
	go func() { worker.Run(ctx); close(done) }()
	srv := w.s.Mail.NewSMTPServer(inbound.SMTPConfig{Domain: "mx.test"}, slog.New(slog.DiscardHandler))
	ln := listen(t)
	go srv.Serve(ln)
	w.listen = ln.Addr().String()

	rs := gosmtp.NewServer(w.relay)
	rs.Domain = "relay.test"
	rln := listen(t)
	go rs.Serve(rln)
	r, err := outbound.ParseRelay("smtp://" + rln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	w.sender = &outbound.Sender{DB: d, Blobs: w.s.Blobs, Relay: r, Log: slog.New(slog.DiscardHandler)}
	t.Cleanup(func() {
		_ = srv.Shutdown(context.Background())
		rs.Close()
		cancel()
		<-done
	})
	return w
}

func listen(t *testing.T) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return ln
}

// send hands one mail to our SMTP listener as a mail server would, and
// waits until the worker has filed it; it returns the raw mail's outcome.
func (w *world) send(from string, to []string, data string) (status string, ticketID int64) {
	w.t.Helper()
	var before int
	_ = w.d.Read.QueryRow(`SELECT COUNT(*) FROM raw_mails`).Scan(&before)
	if err := smtp.SendMail(w.listen, nil, from, to, []byte(crlf(data))); err != nil {
		w.t.Fatalf("our listener refused the mail: %v", err)
	}
	var tid *int64
	waitFor(w.t, "the mail to be filed", func() bool {
		return w.d.Read.QueryRow(`SELECT status, ticket_id FROM raw_mails WHERE status <> 'received'
			ORDER BY id LIMIT 1 OFFSET $1`, before).Scan(&status, &tid) == nil
	})
	if tid != nil {
		ticketID = *tid
	}
	return status, ticketID
}

// flush runs the sender once and returns the mails the relay got from it.
func (w *world) flush() []testutil.Delivery {
	w.t.Helper()
	before := len(w.relay.Deliveries())
	if _, err := w.sender.SendDue(context.Background()); err != nil {
		w.t.Fatal(err)
	}
	return w.relay.Deliveries()[before:]
}

func (w *world) count(query string, args ...any) int {
	w.t.Helper()
	var n int
	if err := w.d.Read.QueryRow(query, args...).Scan(&n); err != nil {
		w.t.Fatal(err)
	}
	return n
}

func (w *world) messages(id int64) []ticket.Message {
	w.t.Helper()
	ms, err := w.s.Tickets.Messages(context.Background(), id, false)
	if err != nil {
		w.t.Fatal(err)
	}
	return ms
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// read parses a mail and returns it with its decoded text parts joined.
func read(t *testing.T, data []byte) (*mail.Message, string) {
	t.Helper()
	m, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%v in\n%s", err, data)
	}
	var text strings.Builder
	walk(t, m.Header.Get("Content-Type"), m.Body, &text)
	return m, text.String()
}

func walk(t *testing.T, ctype string, body io.Reader, out *strings.Builder) {
	if ctype == "" { // an attachment or a bare part is text by default
		ctype = "text/plain"
	}
	mt, params, err := mime.ParseMediaType(ctype)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(mt, "multipart/") {
		b, _ := io.ReadAll(body)
		out.Write(b)
		return
	}
	r := multipart.NewReader(body, params["boundary"])
	for {
		p, err := r.NextPart() // decodes quoted-printable
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		walk(t, p.Header.Get("Content-Type"), p, out)
	}
}

func subject(m *mail.Message) string {
	s, _ := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	return s
}

// The email channel end to end over real SMTP: a customer's mail opens a
// ticket, replies reach the customer and the Cc'd participant without the
// internal note, the customer's and an operator's answers by mail thread
// onto the ticket, and our own mail coming back opens nothing.
func TestMailRoundTrip(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		ctx := context.Background()
		op, err := w.s.Operators.Create(ctx, operator.NewOperator{Email: "grace@help.example.org",
			Name: "Grace Hopper", Role: operator.Agent, Password: "correct horse battery"})
		if err != nil {
			t.Fatal(err)
		}

		// 1. The customer writes, with a colleague in Cc.
		status, id := w.send("ada@example.com", []string{"support@localhost"}, `From: Ada Lovelace <ada@example.com>
To: support@localhost
Cc: Bob Builder <bob@example.com>
Subject: Printer on fire
Message-ID: <first@ada.example>
Date: Mon, 2 Jun 2025 10:00:00 +0000

The office printer is smoking.
`)
		if status != inbound.StatusProcessed || id == 0 {
			t.Fatalf("the first mail: %s, ticket %d", status, id)
		}
		tk, err := w.s.Tickets.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if tk.Contact.Email != "ada@example.com" || tk.Subject != "Printer on fire" {
			t.Errorf("ticket contact %q subject %q", tk.Contact.Email, tk.Subject)
		}
		ps, err := ticket.Participants(ctx, d.Read, id)
		if err != nil || len(ps) != 1 || ps[0].Email != "bob@example.com" {
			t.Errorf("participants %+v %v, want bob@example.com", ps, err)
		}
		number := "[#" + itoa(tk.Number) + "]"
		got := w.flush()
		if len(got) != 1 || !contains(got[0].To, "ada@example.com") {
			t.Fatalf("after the first mail the relay got %+v", got)
		}
		ack, text := read(t, got[0].Data)
		if ack.Header.Get("Auto-Submitted") != "auto-replied" || ack.Header.Get("X-Frontdesk-Mail") != "yes" ||
			!strings.Contains(subject(ack), number) || !strings.Contains(text, tk.PublicURL) {
			t.Errorf("ticket received mail: headers %v subject %q text\n%s", ack.Header, subject(ack), text)
		}

		// 2. An operator notes internally, then replies.
		const note, answer = "NOTE-SECRET-7731 refund quietly", "Please unplug the printer now."
		for _, m := range []ticket.NewMessage{{Kind: ticket.Note, Body: note, OperatorID: op.ID},
			{Kind: ticket.Reply, Body: answer, OperatorID: op.ID}} {
			if _, err := w.s.Tickets.AddMessage(ctx, id, m); err != nil {
				t.Fatal(err)
			}
		}
		got = w.flush()
		if len(got) != 1 {
			t.Fatalf("after the note and the reply the relay got %d mails, want 1", len(got))
		}
		for _, g := range w.relay.Deliveries() {
			if bytes.Contains(g.Data, []byte("NOTE-SECRET")) || bytes.Contains(g.Data, []byte("refund quietly")) {
				t.Errorf("the internal note reached the relay:\n%s", g.Data)
			}
		}
		rp, text := read(t, got[0].Data)
		replyTo := "support+" + tk.PublicToken + "@localhost"
		replyID := rp.Header.Get("Message-ID")
		if !contains(got[0].To, "ada@example.com") || !contains(got[0].To, "bob@example.com") ||
			!strings.Contains(rp.Header.Get("To"), "ada@example.com") ||
			!strings.Contains(rp.Header.Get("Cc"), "bob@example.com") {
			t.Errorf("reply envelope %v, To %q, Cc %q", got[0].To, rp.Header.Get("To"), rp.Header.Get("Cc"))
		}
		if !strings.Contains(text, answer) || strings.Contains(text, "NOTE-SECRET") {
			t.Errorf("reply text:\n%s", text)
		}
		if rp.Header.Get("Reply-To") != replyTo || !strings.HasPrefix(replyID, "<") {
			t.Errorf("reply Reply-To %q (want %q), Message-ID %q", rp.Header.Get("Reply-To"), replyTo, replyID)
		}

		// 3. The ticket is closed; the customer answers from their client.
		if _, err := w.s.Tickets.Update(ctx, id, ticket.Patch{Status: testutil.Ptr("closed")}); err != nil {
			t.Fatal(err)
		}
		status, tid := w.send("ada@example.com", []string{replyTo}, `From: Ada Lovelace <ada@example.com>
To: `+replyTo+`
Subject: Re: `+subject(rp)+`
Message-ID: <answer@ada.example>
In-Reply-To: `+replyID+`
References: <first@ada.example> `+replyID+`

Unplugged, it still smells.
`)
		ms := w.messages(id)
		last := ms[len(ms)-1]
		if status != inbound.StatusProcessed || tid != id || last.Kind != ticket.Customer ||
			!strings.Contains(last.Body, "still smells") {
			t.Errorf("the customer's answer: %s on ticket %d (want %d), last message %+v", status, tid, id, last)
		}
		if tk, _ = w.s.Tickets.Get(ctx, id); !tk.IsOpen() {
			t.Errorf("the customer's answer left the ticket %q", tk.Status.Name)
		}

		// 4. The operator answers from their own mail client.
		status, tid = w.send(op.Email, []string{replyTo}, `From: Grace Hopper <`+op.Email+`>
To: `+replyTo+`
Subject: Re: `+subject(rp)+`
Message-ID: <grace-1@help.example.org>
In-Reply-To: <answer@ada.example>

An engineer is on the way.
`)
		ms = w.messages(id)
		last = ms[len(ms)-1]
		if status != inbound.StatusProcessed || tid != id || last.Kind != ticket.Reply ||
			last.Author.Type != "operator" || last.Author.ID != op.ID || !strings.Contains(last.Body, "engineer") {
			t.Errorf("the operator's mail: %s on ticket %d (want %d), last message %+v", status, tid, id, last)
		}
		got = w.flush()
		var delivered bool
		for _, g := range got {
			_, text := read(t, g.Data)
			delivered = delivered || contains(g.To, "ada@example.com") && strings.Contains(text, "engineer is on the way")
		}
		if !delivered {
			t.Errorf("the operator's mailed reply did not reach the customer; relay got %d mails", len(got))
		}
		// The "closed" notice queued in step 3 is out of date once the
		// customer's answer reopened the ticket: it is dropped, not sent.
		if n := w.count(`SELECT COUNT(*) FROM mail_outbox WHERE kind = 'closed' AND status = 'suppressed'`); n != 1 {
			t.Errorf("%d stale closed notices suppressed, want 1", n)
		}

		// 5. Our own mail comes back to the listener.
		tickets := w.count(`SELECT COUNT(*) FROM tickets`)
		msgs := len(w.messages(id))
		status, _ = w.send("support@localhost", []string{"support@localhost"}, string(got[0].Data))
		if status != inbound.StatusIgnored || w.count(`SELECT COUNT(*) FROM tickets`) != tickets ||
			len(w.messages(id)) != msgs {
			t.Errorf("our own mail fed back: %s; tickets %d -> %d, messages %d -> %d", status, tickets,
				w.count(`SELECT COUNT(*) FROM tickets`), msgs, len(w.messages(id)))
		}
		if w.count(`SELECT COUNT(*) FROM tickets`) != 1 {
			t.Errorf("%d tickets after the whole conversation, want 1", w.count(`SELECT COUNT(*) FROM tickets`))
		}
	})
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// crlf gives data the line ends of SMTP, whatever it had.
func crlf(data string) string {
	return strings.ReplaceAll(strings.ReplaceAll(data, "\r\n", "\n"), "\n", "\r\n")
}
