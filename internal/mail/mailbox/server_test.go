package mailbox_test

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/mail/mailbox"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

const (
	imapUser = "support@example.com"
	imapPass = "s3cret pass"
)

// memServer is go-imap's in-memory server on a loopback port.
type memServer struct {
	t    testing.TB
	user *imapmemserver.User
	srv  *imapserver.Server
	addr string
	idle bool
}

func startMem(t testing.TB, idle bool) *memServer {
	t.Helper()
	ms := &memServer{t: t, user: imapmemserver.NewUser(imapUser, imapPass), idle: idle}
	if err := ms.user.Create("INBOX", nil); err != nil {
		t.Fatal(err)
	}
	ms.listen("127.0.0.1:0")
	return ms
}

func (ms *memServer) listen(addr string) {
	ms.t.Helper()
	mem := imapmemserver.New()
	mem.AddUser(ms.user)
	ms.srv = imapserver.New(&imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return flushingSession{mem.NewSession()}, nil, nil
		},
		InsecureAuth: true, Caps: imap.CapSet{imap.CapIMAP4rev1: {}},
	})
	front, err := net.Listen("tcp", addr)
	if err != nil {
		ms.t.Fatal(err)
	}
	ms.addr = front.Addr().String()
	ln := front
	if !ms.idle {
		if ln, err = net.Listen("tcp", "127.0.0.1:0"); err != nil {
			ms.t.Fatal(err)
		}
		withoutIdle(ms.t, front, ln.Addr().String())
	}
	go ms.srv.Serve(ln)
	ms.t.Cleanup(func() { ms.srv.Close() })
}

func (ms *memServer) port() int {
	_, p, _ := net.SplitHostPort(ms.addr)
	n, _ := strconv.Atoi(p)
	return n
}

// client is a mail client of the same account, as a person would use.
func (ms *memServer) client() *imapclient.Client {
	ms.t.Helper()
	c, err := imapclient.DialInsecure(ms.addr, nil)
	if err != nil {
		ms.t.Fatal(err)
	}
	if err := c.Login(imapUser, imapPass).Wait(); err != nil {
		ms.t.Fatal(err)
	}
	return c
}

// appendMail puts n new messages into the folder; seen ones carry \Seen.
func appendMail(t testing.TB, c *imapclient.Client, folder string, from, n int, seen bool) {
	t.Helper()
	for i := from; i < from+n; i++ {
		raw := rawMail(i)
		var opts imap.AppendOptions
		if seen {
			opts.Flags = []imap.Flag{imap.FlagSeen}
		}
		cmd := c.Append(folder, int64(len(raw)), &opts)
		if _, err := cmd.Write(raw); err != nil {
			t.Fatal(err)
		}
		if err := cmd.Close(); err != nil {
			t.Fatal(err)
		}
		if _, err := cmd.Wait(); err != nil {
			t.Fatal(err)
		}
	}
}

func rawMail(i int) []byte {
	return fmt.Appendf(nil, "From: Customer %d <c%d@example.org>\r\nTo: support@example.com\r\n"+
		"Subject: Question %d\r\nMessage-ID: <q%d@example.org>\r\nDate: Mon, 2 Jan 2006 15:04:05 +0000\r\n\r\n"+
		"Hello, this is question number %d.\r\n", i, i, i, i, i)
}

// seenFlags returns, per UID, whether the message has \Seen.
func seenFlags(t testing.TB, c *imapclient.Client) map[imap.UID]bool {
	t.Helper()
	if _, err := c.Select("INBOX", &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		t.Fatal(err)
	}
	msgs, err := c.Fetch(imap.SeqSet{{Start: 1, Stop: 0}}, &imap.FetchOptions{UID: true, Flags: true}).Collect()
	if err != nil {
		t.Fatal(err)
	}
	out := map[imap.UID]bool{}
	for _, m := range msgs {
		for _, f := range m.Flags {
			out[m.UID] = out[m.UID] || f == imap.FlagSeen
		}
		out[m.UID] = out[m.UID] || false
	}
	return out
}

// recorder is an intake that remembers what it got.
type recorder struct {
	mu    sync.Mutex
	got   []string
	teams []int64
	hook  func(n int) error // called with the count so far, after recording
}

func (r *recorder) AcceptIMAP(_ context.Context, raw []byte, teamID int64) error {
	r.mu.Lock()
	r.got = append(r.got, string(raw))
	r.teams = append(r.teams, teamID)
	n, hook := len(r.got), r.hook
	r.mu.Unlock()
	if hook != nil {
		return hook(n)
	}
	return nil
}

func (r *recorder) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.got)
}

// fixture is a mailbox of the default team pointing at ms.
type fixture struct {
	svc    *mailbox.Service
	syncer *mailbox.Syncer
	intake *recorder
	team   int64
	box    mailbox.Mailbox
}

func newFixture(t testing.TB, d *db.DB, addrPort int) *fixture {
	t.Helper()
	s := testutil.Services(t, d)
	teams, err := s.Teams.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{svc: &mailbox.Service{DB: d}, intake: &recorder{}, team: teams[0].ID}
	f.syncer = &mailbox.Syncer{Mailboxes: f.svc, Intake: f.intake, Batch: 3, MaxBackoff: 50 * time.Millisecond}
	f.box, err = f.svc.Create(context.Background(), f.team, mailbox.Input{Host: "127.0.0.1", Port: addrPort,
		TLS: mailbox.NoTLS, Username: imapUser, Password: imapPass, Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fixture) reload(t testing.TB) mailbox.Mailbox {
	t.Helper()
	m, err := f.svc.Get(context.Background(), f.box.ID)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// eventually waits for cond, failing after a generous deadline.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func startMemAt(t testing.TB, addr string, idle bool) *memServer {
	t.Helper()
	ms := &memServer{t: t, user: imapmemserver.NewUser(imapUser, imapPass), idle: idle}
	if err := ms.user.Create("INBOX", nil); err != nil {
		t.Fatal(err)
	}
	ms.listen(addr)
	return ms
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
