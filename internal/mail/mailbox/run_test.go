package mailbox_test

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/mail/mailbox"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// A server that is down is retried; the failure shows on the mailbox
// until a sync succeeds.
func TestRunRetriesWhileTheServerIsDown(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := ln.Addr().String()
		ln.Close() // nobody listens here now
		ms := &memServer{t: t}
		_, port, _ := net.SplitHostPort(addr)
		f := newFixture(t, d, atoi(port))
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { defer close(done); f.syncer.Run(ctx, f.box.ID) }()
		defer func() { cancel(); <-done }()

		eventually(t, "the failure recorded", func() bool {
			return strings.Contains(f.reload(t).LastError, "could not connect to "+addr)
		})
		*ms = *startMemAt(t, addr, false)
		c := ms.client()
		defer c.Close()
		appendMail(t, c, "INBOX", 1, 2, false)
		eventually(t, "the import after the outage", func() bool { return f.intake.count() == 2 })
		eventually(t, "the error cleared", func() bool {
			m := f.reload(t)
			return m.LastError == "" && m.LastSyncAt != nil
		})
	})
}

// With IDLE a new message arrives without waiting for the poll; without
// it, the poll finds it.
func TestRunFollowsNewMail(t *testing.T) {
	for _, idle := range []bool{true, false} {
		name := map[bool]string{true: "idle", false: "poll"}[idle]
		t.Run(name, func(t *testing.T) {
			d := testutil.NewSQLite(t)
			ms := startMem(t, idle)
			f := newFixture(t, d, ms.port())
			f.syncer.Poll = 100 * time.Millisecond
			if idle {
				f.syncer.Poll = time.Hour // only IDLE can bring the mail in time
			}
			c := ms.client()
			defer c.Close()
			appendMail(t, c, "INBOX", 1, 1, false)
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan struct{})
			go func() { defer close(done); f.syncer.Run(ctx, f.box.ID) }()
			defer func() { cancel(); <-done }()
			eventually(t, "the first message", func() bool { return f.intake.count() == 1 })
			appendMail(t, c, "INBOX", 2, 2, false)
			eventually(t, "the new messages", func() bool { return f.intake.count() == 3 })
		})
	}
}

// The manager starts a syncer for a mailbox added while it runs and stops
// the one of a mailbox removed.
func TestManagerFollowsMailboxChanges(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		ms := startMem(t, true)
		f := newFixture(t, d, ms.port())
		c := ms.client()
		defer c.Close()
		appendMail(t, c, "INBOX", 1, 2, false)
		if err := c.Create("Sales", nil).Wait(); err != nil {
			t.Fatal(err)
		}
		appendMail(t, c, "Sales", 100, 3, false)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		mg := &mailbox.Manager{Syncer: f.syncer, Reload: time.Hour}
		go func() { defer close(done); mg.Run(ctx) }()
		defer func() { cancel(); <-done }()
		eventually(t, "INBOX synced", func() bool { return f.intake.count() == 2 })

		_, err := f.svc.Create(ctx, f.team, mailbox.Input{Host: "127.0.0.1", Port: ms.port(), TLS: mailbox.NoTLS,
			Username: imapUser, Password: imapPass, Folder: "Sales", Enabled: true})
		if err != nil {
			t.Fatal(err)
		}
		eventually(t, "the added mailbox synced", func() bool { return f.intake.count() == 5 })
		if err := f.svc.Delete(ctx, f.team, f.box.ID); err != nil {
			t.Fatal(err)
		}
		appendMail(t, c, "Sales", 103, 1, false)
		eventually(t, "the other mailbox still synced", func() bool { return f.intake.count() == 6 })
	})
}
