package mailbox_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2/imapclient"

	"github.com/frontdesk/frontdesk/internal/mail/mailbox"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// dovecot is a Dovecot of the Debian package, started for one test on a
// free loopback port with a throwaway configuration and maildir.
type dovecot struct {
	port int
	dir  string
}

func startDovecot(t *testing.T) *dovecot {
	t.Helper()
	bin, err := exec.LookPath("dovecot")
	if err != nil {
		bin = "/usr/sbin/dovecot"
	}
	if _, err := os.Stat(bin); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("dovecot is required under CI: apt-get install dovecot-imapd (scripts/test does)")
		}
		t.Skip("dovecot not installed; scripts/test installs dovecot-imapd")
	}
	// Our own directory, readable by the mail user: t.TempDir is private
	// to us, and Dovecot run by root hands the mail to the dovecot user.
	dir, err := os.MkdirTemp("", "frontdesk-dovecot-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	mailUser := dovecotMailUser(t, dir)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	dc := &dovecot{port: ln.Addr().(*net.TCPAddr).Port, dir: dir}
	ln.Close()
	conf := filepath.Join(dir, "dovecot.conf")
	write(t, filepath.Join(dir, "users"), imapUser+":{PLAIN}"+imapPass+"\n")
	write(t, conf, dc.config(mailUser))
	cmd := exec.Command(bin, "-F", "-c", conf)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("start dovecot: %v", err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	})
	dc.waitReady(t)
	return dc
}

// dovecotMailUser is who owns the mail: as root, the dovecot user (Dovecot
// refuses to give mail to root); otherwise ourselves, running all of it.
func dovecotMailUser(t *testing.T, dir string) *user.User {
	t.Helper()
	name := ""
	if os.Getuid() == 0 {
		name = "dovecot"
	}
	u, err := user.Current()
	if name != "" {
		u, err = user.Lookup(name)
	}
	if err != nil {
		t.Fatal(err)
	}
	mail := filepath.Join(dir, "mail")
	if err := os.Mkdir(mail, 0o755); err != nil {
		t.Fatal(err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if err := os.Chown(mail, uid, gid); err != nil {
		t.Fatal(err)
	}
	return u
}

func (dc *dovecot) config(u *user.User) string {
	c := `base_dir = {dir}/run
state_dir = {dir}/state
log_path = {dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = {uid}
mail_location = maildir:{dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN {dir}/users
}
userdb {
  driver = static
  args = uid={uid} gid={gid} home={dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = {port}
  }
  inet_listener imaps {
    port = 0
  }
}
`
	if os.Getuid() != 0 {
		c += "default_internal_user = {name}\ndefault_login_user = {name}\ndefault_internal_group = {group}\n"
	}
	group := u.Username
	if g, err := user.LookupGroupId(u.Gid); err == nil {
		group = g.Name
	}
	r := strings.NewReplacer("{dir}", dc.dir, "{uid}", u.Uid, "{gid}", u.Gid, "{port}", strconv.Itoa(dc.port),
		"{name}", u.Username, "{group}", group)
	return r.Replace(c)
}

func (dc *dovecot) waitReady(t *testing.T) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", dc.port), time.Second)
		if err == nil {
			c.Close()
			return
		}
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(filepath.Join(dc.dir, "dovecot.log"))
			t.Fatalf("dovecot did not start: %v\n%s", err, log)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (dc *dovecot) client(t *testing.T) *imapclient.Client {
	t.Helper()
	c, err := imapclient.DialInsecure(fmt.Sprintf("127.0.0.1:%d", dc.port), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Login(imapUser, imapPass).Wait(); err != nil {
		log, _ := os.ReadFile(filepath.Join(dc.dir, "dovecot.log"))
		t.Fatalf("login to dovecot: %v\n%s", err, log)
	}
	return c
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// One sync against a real server: Dovecot from Debian, over IMAP with
// IDLE, mail appended by a client, \Seen untouched.
func TestDovecot(t *testing.T) {
	dc := startDovecot(t)
	d := testutil.NewSQLite(t)
	f := newFixture(t, d, dc.port)
	c := dc.client(t)
	defer c.Close()
	appendMail(t, c, "INBOX", 1, 3, false)
	appendMail(t, c, "INBOX", 4, 1, true)
	n, err := mailbox.Probe(context.Background(), f.box, nil)
	if err != nil || n != 4 {
		t.Fatalf("probe: %d, %v", n, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	f.syncer.Poll = time.Hour // new mail must come through IDLE
	go func() { defer close(done); f.syncer.Run(ctx, f.box.ID) }()
	defer func() { cancel(); <-done }()
	eventually(t, "the first four", func() bool { return f.intake.count() == 4 })
	appendMail(t, c, "INBOX", 5, 2, false)
	eventually(t, "two more through IDLE", func() bool { return f.intake.count() == 6 })
	for i, raw := range f.intake.got {
		if !strings.Contains(raw, "Subject: Question "+strconv.Itoa(i+1)+"\r\n") {
			t.Errorf("message %d: %q", i+1, raw)
		}
	}
	seen := seenFlags(t, c)
	if len(seen) != 6 || seen[1] || !seen[4] || seen[6] {
		t.Errorf("flags after sync: %v", seen)
	}
	m := f.reload(t)
	if m.LastUID != 6 || m.MessagesImported != 6 || m.UIDValidity == 0 || m.LastError != "" {
		t.Errorf("mailbox: %+v", m)
	}
}
