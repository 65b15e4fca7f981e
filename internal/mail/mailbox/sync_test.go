package mailbox_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func TestSyncImportsNewMailOnceAndLeavesFlags(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		ms := startMem(t, false)
		f := newFixture(t, d, ms.port())
		ctx := context.Background()
		c := ms.client()
		defer c.Close()
		appendMail(t, c, "INBOX", 1, 3, false)
		appendMail(t, c, "INBOX", 4, 2, true) // already read in someone's mail client
		before := seenFlags(t, c)

		n, err := f.syncer.SyncOnce(ctx, f.box.ID)
		if err != nil || n != 5 {
			t.Fatalf("first sync: %d, %v; want 5 messages", n, err)
		}
		appendMail(t, c, "INBOX", 6, 4, false)
		n, err = f.syncer.SyncOnce(ctx, f.box.ID)
		if err != nil || n != 4 {
			t.Fatalf("second sync: %d, %v; want the 4 new ones", n, err)
		}
		if n, _ := f.syncer.SyncOnce(ctx, f.box.ID); n != 0 {
			t.Errorf("third sync imported %d, want 0", n)
		}
		for i, raw := range f.intake.got {
			if !strings.Contains(raw, "Subject: Question "+itoa(i+1)+"\r\n") || f.intake.teams[i] != f.team {
				t.Errorf("message %d: team %d, %q", i, f.intake.teams[i], raw)
			}
		}
		m := f.reload(t)
		if m.LastUID != 9 || m.MessagesImported != 9 || m.LastSyncAt == nil || m.LastError != "" || m.UIDValidity == 0 {
			t.Errorf("mailbox after sync: %+v", m)
		}
		after := seenFlags(t, c)
		for uid, seen := range before {
			if after[uid] != seen {
				t.Errorf("UID %d: \\Seen went from %v to %v", uid, seen, after[uid])
			}
		}
		if after[1] || !after[4] || after[9] {
			t.Errorf("flags after sync: %v", after)
		}
	})
}

func TestSyncStartsOverWhenUIDValidityChanges(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		ms := startMem(t, false)
		f := newFixture(t, d, ms.port())
		ctx := context.Background()
		c := ms.client()
		defer c.Close()
		appendMail(t, c, "INBOX", 1, 3, false)
		if _, err := f.syncer.SyncOnce(ctx, f.box.ID); err != nil {
			t.Fatal(err)
		}
		old := f.reload(t).UIDValidity
		// The folder is rebuilt (a server migration, say): UIDs start at 1
		// again, below our position.
		if err := ms.user.Delete("INBOX"); err != nil {
			t.Fatal(err)
		}
		if err := ms.user.Create("INBOX", nil); err != nil {
			t.Fatal(err)
		}
		appendMail(t, c, "INBOX", 1, 3, false)
		appendMail(t, c, "INBOX", 10, 1, false)
		n, err := f.syncer.SyncOnce(ctx, f.box.ID)
		if err != nil || n != 4 {
			t.Fatalf("sync after UIDVALIDITY change: %d, %v; want all 4 again", n, err)
		}
		if got := f.intake.got[len(f.intake.got)-1]; !strings.Contains(got, "Question 10") {
			t.Errorf("last delivered: %q", got)
		}
		m := f.reload(t)
		if m.UIDValidity == old || m.LastUID != 4 {
			t.Errorf("position: uidvalidity %d (old %d), last uid %d", m.UIDValidity, old, m.LastUID)
		}
	})
}

func TestSyncCrashBeforeAdvanceDeliversAgain(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		ms := startMem(t, false)
		f := newFixture(t, d, ms.port())
		c := ms.client()
		defer c.Close()
		appendMail(t, c, "INBOX", 1, 5, false)
		ctx, crash := context.WithCancel(context.Background())
		// The process dies right after the intake kept message 2, before
		// the position is written.
		f.intake.hook = func(n int) error {
			if n == 2 {
				crash()
			}
			return nil
		}
		if _, err := f.syncer.SyncOnce(ctx, f.box.ID); err == nil {
			t.Fatal("the interrupted sync reported success")
		}
		if m := f.reload(t); m.LastUID != 1 {
			t.Fatalf("position after the crash: %d, want 1", m.LastUID)
		}
		f.intake.hook = nil
		n, err := f.syncer.SyncOnce(context.Background(), f.box.ID)
		if err != nil || n != 4 {
			t.Fatalf("sync after restart: %d, %v; want messages 2 to 5", n, err)
		}
		if f.intake.got[1] != f.intake.got[2] || !strings.Contains(f.intake.got[1], "Question 2") {
			t.Errorf("message 2 not delivered again: %q / %q", f.intake.got[1], f.intake.got[2])
		}
		if m := f.reload(t); m.LastUID != 5 {
			t.Errorf("position: %d, want 5", m.LastUID)
		}
	})
}

func TestSyncIntakeFailureKeepsPosition(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		ms := startMem(t, false)
		f := newFixture(t, d, ms.port())
		c := ms.client()
		defer c.Close()
		appendMail(t, c, "INBOX", 1, 4, false)
		f.intake.hook = func(n int) error {
			if n == 3 {
				return errors.New("disk full")
			}
			return nil
		}
		_, err := f.syncer.SyncOnce(context.Background(), f.box.ID)
		if err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Fatalf("err = %v", err)
		}
		if m := f.reload(t); m.LastUID != 2 || m.MessagesImported != 2 {
			t.Errorf("position %d, imported %d; want 2 and 2", m.LastUID, m.MessagesImported)
		}
	})
}

func itoa(n int) string { return strconv.Itoa(n) }
