package app_test

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/mail/inbound"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// mailWith is a mail to the support alias; with a file when file is set.
func mailWith(subject, body, file string) []byte {
	head := "From: Kim <kim@example.com>\r\nTo: support@localhost\r\nSubject: " + subject +
		"\r\nMessage-ID: <" + strings.ReplaceAll(subject, " ", ".") + "@example.com>\r\nMIME-Version: 1.0\r\n"
	if file == "" {
		return []byte(head + "Content-Type: text/plain\r\n\r\n" + body + "\r\n")
	}
	return []byte(head + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n" + body +
		"\r\n--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"invoice.txt\"\r\n\r\n" + file +
		"\r\n--b--\r\n")
}

type sweepEnv struct {
	t *testing.T
	s *app.Services
	d *db.DB
}

// take accepts raw and, unless pending, processes it; then backdates it.
func (e *sweepEnv) take(raw []byte, process bool, age time.Duration) int64 {
	e.t.Helper()
	ctx := context.Background()
	a, err := e.s.Mail.Accept(ctx, raw, inbound.Source{Kind: inbound.SourceImport})
	if err != nil {
		e.t.Fatal(err)
	}
	if process {
		if res, err := e.s.Mail.Process(ctx, a.ID); err != nil || res.Status != inbound.StatusProcessed {
			e.t.Fatalf("process: %+v %v", res, err)
		}
	}
	if _, err := e.d.Write.Exec(`UPDATE raw_mails SET received_at = $1 WHERE id = $2`, db.Norm(time.Now().Add(-age)), a.ID); err != nil {
		e.t.Fatal(err)
	}
	return a.ID
}

func (e *sweepEnv) exists(query string, args ...any) bool {
	e.t.Helper()
	var n int
	if err := e.d.Read.QueryRow(query, args...).Scan(&n); err != nil {
		e.t.Fatal(err)
	}
	return n > 0
}

// ageFiles makes every file under dir look written two hours ago.
func ageFiles(t *testing.T, dir string) {
	old := time.Now().Add(-2 * time.Hour)
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			err = os.Chtimes(p, old, old)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Raw mails are kept for their retention, then go with their bytes and
// files; failed and unprocessed ones stay whatever their age, and so do
// the tickets, messages and attachments made from them.
func TestSweepPrunesRawMailsAndOrphanBlobs(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := &sweepEnv{t: t, s: testutil.Services(t, d), d: d}
		day := 24 * time.Hour
		big := strings.Repeat("All the pages come out blank. ", 40_000) // over 1 MB: stored as a file
		oldSmall := e.take(mailWith("old small", "Printer broken.", "invoice 42"), true, 100*day)
		oldBig := e.take(mailWith("old big", big, ""), true, 100*day)
		failedBig := e.take(mailWith("failed big", big+"!", ""), true, 100*day)
		if _, err := d.Write.Exec(`UPDATE raw_mails SET status = 'failed' WHERE id = $1`, failedBig); err != nil {
			t.Fatal(err)
		}
		recent := e.take(mailWith("recent", "Still broken.", ""), true, 10*day)
		pending := e.take(mailWith("pending", "Not yet read.", ""), false, 100*day)
		orphan, err := e.s.Blobs.PutBytes([]byte("an upload whose comment was refused"))
		if err != nil {
			t.Fatal(err)
		}
		shaOf := func(id int64) (sha string) {
			if err := d.Read.QueryRow(`SELECT sha256 FROM raw_mails WHERE id = $1`, id).Scan(&sha); err != nil {
				t.Fatal(err)
			}
			return sha
		}
		bigFile, failedFile := e.s.Blobs.Path(shaOf(oldBig)), e.s.Blobs.Path(shaOf(failedBig))
		var ticketID int64
		if err := d.Read.QueryRow(`SELECT ticket_id FROM raw_mails WHERE id = $1`, oldSmall).Scan(&ticketID); err != nil {
			t.Fatal(err)
		}
		ageFiles(t, e.s.Blobs.Dir)
		fresh, err := e.s.Blobs.PutBytes([]byte("an upload whose message is being saved right now"))
		if err != nil {
			t.Fatal(err)
		}
		w := &app.Sweeper{S: e.s, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), RawMailRetention: 90 * day}
		pruned, _, err := w.Once(context.Background())
		if err != nil || pruned != 2 {
			t.Fatalf("sweep pruned %d, %v; want the two old filed mails", pruned, err)
		}
		for _, id := range []int64{oldSmall, oldBig} {
			if e.exists(`SELECT COUNT(*) FROM raw_mails WHERE id = $1`, id) ||
				e.exists(`SELECT COUNT(*) FROM raw_mail_contents WHERE raw_mail_id = $1`, id) {
				t.Errorf("raw mail %d past its retention is still stored", id)
			}
		}
		for _, id := range []int64{failedBig, recent, pending} {
			if !e.exists(`SELECT COUNT(*) FROM raw_mails WHERE id = $1`, id) {
				t.Errorf("raw mail %d was pruned: failed, recent or unprocessed mails stay", id)
			}
		}
		failed, err := e.s.Mail.Failed(context.Background(), 0, 10)
		if err != nil || len(failed) != 1 || failed[0].ID != failedBig {
			t.Errorf("failed mail list %+v, %v; want the old failed mail", failed, err)
		}
		if raw, err := e.s.Mail.Raw(context.Background(), failedBig); err != nil || !strings.Contains(string(raw), "failed big") {
			t.Errorf("the failed mail's bytes: %v", err)
		}
		for name, p := range map[string]string{"pruned mail's file": bigFile, "orphan upload": e.s.Blobs.Path(orphan.SHA256)} {
			if _, err := os.Stat(p); !os.IsNotExist(err) {
				t.Errorf("%s still on disk (%v)", name, err)
			}
		}
		for name, p := range map[string]string{"failed mail's file": failedFile, "fresh upload": e.s.Blobs.Path(fresh.SHA256)} {
			if _, err := os.Stat(p); err != nil {
				t.Errorf("%s was removed: %v", name, err)
			}
		}
		var attachment string
		if err := d.Read.QueryRow(`SELECT sha256 FROM attachments WHERE filename = 'invoice.txt'`).Scan(&attachment); err != nil {
			t.Fatal(err)
		}
		if b, err := e.s.Blobs.ReadAll(attachment); err != nil || string(b) != "invoice 42" {
			t.Errorf("the attachment of a pruned mail: %q, %v", b, err)
		}
		if msgs, err := e.s.Tickets.Messages(context.Background(), ticketID, false); err != nil ||
			len(msgs) == 0 || !strings.Contains(msgs[0].Body, "Printer broken.") {
			t.Errorf("the message made from a pruned mail: %+v, %v", msgs, err)
		}
	})
}
