package e2e

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// A mail that cannot be filed shows in the failed-mail list with its
// reason; Retry tries it again and says what happened.
func TestFailedMailList(t *testing.T) {
	p := newPage(t)
	cmd := exec.Command(srv.bin, "mail", "import", "--db", srv.db, "--data", filepath.Join(filepath.Dir(srv.db), "data"), "-")
	cmd.Stdin = strings.NewReader("To: support@localhost\r\nSubject: Anonymous complaint\r\n\r\nNobody signed this.\r\n")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.HasPrefix(string(out), "failed (raw mail") {
		t.Fatalf("mail import: %v %s", err, out)
	}
	p.signIn(adminEmail, adminPassword)
	p.do(
		chromedp.Click(chromedp.CSS(`header.bar nav a[href="/mail/failed"]`)),
		chromedp.WaitVisible(chromedp.CSS("table.settings-table")),
	)
	row := get(p, chromedp.Text(chromedp.CSS("table.settings-table tbody tr")))
	if !strings.Contains(row, "Anonymous complaint") || !strings.Contains(row, "no valid From address") {
		t.Errorf("the failed mail's row says %q", row)
	}
	p.checkAxe("the failed-mail list")
	p.do(
		chromedp.Click(chromedp.CSS(`table.settings-table tbody tr button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("p.flash")),
	)
	if flash := get(p, chromedp.Text(chromedp.CSS("p.flash"))); !strings.Contains(flash, "failed again") {
		t.Errorf("after Retry the page says %q", flash)
	}
}
