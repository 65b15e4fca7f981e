package inbound_test

import (
	"context"
	"database/sql"
	"fmt"
	"net"
	"net/smtp"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// TestCrashKeepsEveryAcceptedMailOnce sends 2,000 mails over SMTP from
// four senders to the built binary and kills it with SIGKILL twice on the
// way. Senders behave as mail servers do: a mail without a 250 is sent
// again. Afterwards every mail is a message exactly once.
func TestCrashKeepsEveryAcceptedMailOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and sends 2,000 mails")
	}
	bin := filepath.Join(t.TempDir(), "frontdesk")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/frontdesk/frontdesk/cmd/frontdesk").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	t.Run("sqlite", func(t *testing.T) {
		crashRun(t, bin, filepath.Join(t.TempDir(), "fd.db"))
	})
	t.Run("postgres", func(t *testing.T) {
		crashRun(t, bin, freshPostgres(t))
	})
}

const crashMails = 2000

func crashRun(t *testing.T, bin, dsn string) {
	dir := t.TempDir()
	node := &crashNode{t: t, bin: bin, dsn: dsn, data: dir, smtp: freeAddr(t), http: freeAddr(t)}
	node.start()
	defer node.stop()
	var delivered atomic.Int64
	var wg sync.WaitGroup
	next := make(chan int)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				sendUntilAccepted(node.smtp, i)
				delivered.Add(1)
			}
		}()
	}
	go func() {
		for i := range crashMails {
			next <- i
		}
		close(next)
	}()
	for _, at := range []int64{crashMails / 3, 2 * crashMails / 3} {
		for delivered.Load() < at {
			time.Sleep(5 * time.Millisecond)
		}
		node.kill()
		node.start()
	}
	wg.Wait()
	checkExactlyOnce(t, dsn)
	if t.Failed() {
		b, _ := os.ReadFile(filepath.Join(dir, "server.log"))
		t.Logf("server log (end):\n%s", b[max(0, len(b)-4000):])
	}
}

// sendUntilAccepted sends mail i until the server answers 250.
func sendUntilAccepted(addr string, i int) {
	body := fmt.Sprintf("From: Sender %d <s%d@crash.example>\r\nTo: support@localhost\r\nSubject: crash %d\r\n"+
		"Message-ID: <crash-%d@crash.example>\r\n\r\n%s\r\n", i%50, i%50, i, i, strings.Repeat("All work and no play. ", 80))
	for {
		if err := smtp.SendMail(addr, nil, "s@crash.example", []string{"support@localhost"}, []byte(body)); err == nil {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func checkExactlyOnce(t *testing.T, dsn string) {
	ctx := context.Background()
	d, err := db.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		var waiting int
		if err := d.Read.QueryRowContext(ctx, `SELECT COUNT(*) FROM raw_mails WHERE status = 'received'`).Scan(&waiting); err != nil {
			t.Fatal(err)
		}
		if waiting == 0 {
			break
		}
		if time.Now().After(deadline) {
			var jobs, due int
			_ = d.Read.QueryRowContext(ctx, `SELECT COUNT(*), COUNT(CASE WHEN run_at <= $1 THEN 1 END) FROM jobs`, db.Now()).Scan(&jobs, &due)
			var msgs, raws int
			_ = d.Read.QueryRowContext(ctx, `SELECT COUNT(*) FROM messages`).Scan(&msgs)
			_ = d.Read.QueryRowContext(ctx, `SELECT COUNT(*) FROM raw_mails`).Scan(&raws)
			var minID, maxID int64
			_ = d.Read.QueryRowContext(ctx, `SELECT MIN(id), MAX(id) FROM raw_mails WHERE status = 'received'`).Scan(&minID, &maxID)
			t.Errorf("%d mails still waiting to be processed (%d jobs, %d due; %d messages, %d raw mails, waiting ids %d..%d)", waiting, jobs, due, msgs, raws, minID, maxID)
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	rows, err := d.Read.QueryContext(ctx, `SELECT mail_message_id, COUNT(*) FROM messages
		WHERE mail_message_id LIKE 'crash-%' GROUP BY mail_message_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	seen := map[string]int{}
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			t.Fatal(err)
		}
		seen[id] = n
	}
	for i := range crashMails {
		if n := seen[fmt.Sprintf("crash-%d@crash.example", i)]; n != 1 {
			t.Errorf("mail %d is %d messages, want exactly 1", i, n)
		}
	}
	var failed int
	_ = d.Read.QueryRowContext(ctx, `SELECT COUNT(*) FROM raw_mails WHERE status = 'failed'`).Scan(&failed)
	if failed != 0 {
		t.Errorf("%d mails failed", failed)
	}
}

type crashNode struct {
	t                          *testing.T
	bin, dsn, data, smtp, http string
	cmd                        *exec.Cmd
}

func (n *crashNode) start() {
	n.t.Helper()
	n.cmd = exec.Command(n.bin, "serve", "--db", n.dsn, "--data", n.data, "--http", n.http,
		"--base-url", "http://"+n.http, "--smtp-listen", n.smtp)
	n.cmd.Env = append(os.Environ(), "FRONTDESK_ADMIN_EMAIL=admin@crash.example", "FRONTDESK_ADMIN_PASSWORD=correct horse battery")
	log, err := os.OpenFile(filepath.Join(n.data, "server.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		n.t.Fatal(err)
	}
	defer log.Close()
	n.cmd.Stdout, n.cmd.Stderr = log, log
	if err := n.cmd.Start(); err != nil {
		n.t.Fatal(err)
	}
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if c, err := net.Dial("tcp", n.smtp); err == nil {
			c.Close()
			return
		}
	}
	n.t.Fatal("the server did not start listening for SMTP")
}

func (n *crashNode) kill() {
	_ = n.cmd.Process.Signal(syscall.SIGKILL)
	_ = n.cmd.Wait()
}

func (n *crashNode) stop() {
	_ = n.cmd.Process.Signal(syscall.SIGTERM)
	_ = n.cmd.Wait()
}

func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// freshPostgres creates an empty database on the test server for a
// separate process to use, and drops it after the test.
func freshPostgres(t *testing.T) string {
	base := testutil.PostgresURL()
	if base == "" {
		if testutil.Strict() {
			t.Fatal("PostgreSQL is required: set FRONTDESK_TEST_POSTGRES")
		}
		t.Skip("FRONTDESK_TEST_POSTGRES not set")
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("fdcrash_%d_%d", os.Getpid(), time.Now().UnixNano()%1_000_000)
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if c, err := sql.Open("pgx", base); err == nil {
			_, _ = c.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
			c.Close()
		}
	})
	i := strings.LastIndex(base, "/")
	rest := ""
	if q := strings.IndexByte(base[i:], '?'); q >= 0 {
		rest = base[i+q:]
	}
	return base[:i+1] + name + rest
}
