package inbound_test

import (
	"bufio"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/mail/inbound"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// rawConn is an SMTP client at the socket level, to be slow on purpose.
type rawConn struct {
	t *testing.T
	c net.Conn
	r *bufio.Reader
}

func rawDial(t *testing.T, addr string) *rawConn {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	// A bound for a broken listener, not a measured figure: the test fails
	// instead of hanging.
	_ = c.SetReadDeadline(time.Now().Add(20 * time.Second))
	rc := &rawConn{t: t, c: c, r: bufio.NewReader(c)}
	if greeting := rc.reply(); !strings.HasPrefix(greeting, "220") {
		t.Fatalf("greeting %q", greeting)
	}
	return rc
}

// reply reads one reply (the last line of a multi-line one); "" when the
// server hung up.
func (rc *rawConn) reply() string {
	for {
		line, err := rc.r.ReadString('\n')
		if err != nil {
			return ""
		}
		if len(line) < 4 || line[3] != '-' {
			return strings.TrimSpace(line)
		}
	}
}

func (rc *rawConn) say(line string) string {
	if _, err := rc.c.Write([]byte(line + "\r\n")); err != nil {
		return ""
	}
	return rc.reply()
}

// open starts a mail transaction up to DATA's 354.
func (rc *rawConn) open() {
	rc.t.Helper()
	for _, cmd := range []string{"EHLO client.example", "MAIL FROM:<eve@example.com>", "RCPT TO:<support@localhost>",
		"DATA"} {
		if got := rc.say(cmd); !strings.HasPrefix(got, "250") && !strings.HasPrefix(got, "354") {
			rc.t.Fatalf("%s: %q", cmd, got)
		}
	}
}

// closed reports whether the server hung up (after any last reply).
func (rc *rawConn) closed() bool {
	for i := 0; i < 3; i++ {
		if rc.reply() == "" {
			return true
		}
	}
	return false
}

// TestSMTPLineTooLongIsPermanent: a line over the limit will not get
// shorter when the sender tries again, so it gets a 5xx, not 451.
func TestSMTPLineTooLongIsPermanent(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		rc := rawDial(t, e.listen(inbound.SMTPConfig{Domain: "mx.test"}))
		rc.open()
		got := rc.say("Subject: long\r\n\r\n" + strings.Repeat("x", 3000) + "\r\n.")
		if !strings.HasPrefix(got, "500 5.5.2") {
			t.Errorf("a 3,000-character line: %q, want 500 5.5.2", got)
		}
		var n int
		if err := d.Read.QueryRow(`SELECT COUNT(*) FROM raw_mails`).Scan(&n); err != nil || n != 0 {
			t.Errorf("%d raw mails stored (%v), want none", n, err)
		}
	})
}

// TestSMTPSlowSendersLoseTheirSlot: a client that says nothing, or sends
// its mail a byte at a time for longer than the DATA deadline, is hung up
// on, and its connection slot goes to the next client.
func TestSMTPSlowSendersLoseTheirSlot(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		addr := e.listen(inbound.SMTPConfig{Domain: "mx.test", MaxConnsPerIP: 1,
			CommandTimeout: 300 * time.Millisecond, DataTimeout: time.Second})
		idle := rawDial(t, addr)
		if got := idle.reply(); !strings.HasPrefix(got, "421") || !idle.closed() {
			t.Errorf("idle client: %q, want 421 and the connection closed", got)
		}

		slow := rawDial(t, addr) // the slot is free again
		slow.open()
		stop := make(chan struct{})
		go func() { // a byte every 100 ms: each read in time, the whole far too long
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				case <-time.After(100 * time.Millisecond):
				}
				if _, err := slow.c.Write([]byte{"trickle\r\n"[i%9]}); err != nil {
					return
				}
			}
		}()
		got := slow.reply()
		close(stop)
		if strings.HasPrefix(got, "250") || !slow.closed() {
			t.Errorf("trickling client: %q, want no 250 and the connection closed", got)
		}
		next := rawDial(t, addr)
		next.open()
		if got := next.say("Subject: quick\r\n\r\nHello.\r\n."); !strings.HasPrefix(got, "250") {
			t.Errorf("the next client's mail: %q, want 250", got)
		}
	})
}

// TestSMTPSteadySenderIsNotCutOff: the command timeout applies to each
// wait for bytes, not to the whole mail: a sender on a slow line that
// keeps sending gets its 250 within the DATA deadline.
func TestSMTPSteadySenderIsNotCutOff(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		rc := rawDial(t, e.listen(inbound.SMTPConfig{Domain: "mx.test", CommandTimeout: 300 * time.Millisecond,
			DataTimeout: time.Minute}))
		rc.open()
		for _, part := range []string{"Subject: slow line\r\n", "\r\n", "Hello, ", "this ", "arrives ", "slowly.\r\n",
			"Bye.\r\n"} {
			time.Sleep(150 * time.Millisecond) // in all longer than one command timeout
			if _, err := rc.c.Write([]byte(part)); err != nil {
				t.Fatalf("the listener hung up mid-mail (%q): %v; it said %q", part, err, rc.reply())
			}
		}
		if got := rc.say("."); !strings.HasPrefix(got, "250") {
			t.Errorf("a steady slow sender: %q, want 250", got)
		}
	})
}
