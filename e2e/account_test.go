package e2e

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// addAgent creates an operator with the CLI, as an admin on the server
// would, so a test can change that operator's password without touching
// the admin the other tests sign in as.
func addAgent(t *testing.T, email, password string) {
	t.Helper()
	addAgentWith(t, email, "Pat Agent", password)
}

// addAgentNamed adds an agent nobody signs in as.
func addAgentNamed(t *testing.T, email, name string) {
	t.Helper()
	addAgentWith(t, email, name, "a password nobody types")
}

func addAgentWith(t *testing.T, email, name, password string) {
	t.Helper()
	cmd := exec.Command(srv.bin, "user", "create", "--db", srv.db, "--email", email, "--name", name,
		"--role", "agent", "--password-stdin")
	cmd.Stdin = strings.NewReader(password + "\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("user create: %v\n%s", err, out)
	}
}

// TestAccountPasswordChange: an operator signed in on two browsers opens
// My account from the top bar, is refused with a wrong current password,
// changes it with the right one, stays signed in there, and the other
// browser's session has ended.
func TestAccountPasswordChange(t *testing.T) {
	const email, old, next = "pat@e2e.test", "first password of pat", "second password of pat"
	addAgent(t, email, old)
	other := newPage(t)
	other.signIn(email, old)
	p := newPage(t)
	p.signIn(email, old)
	p.do(
		chromedp.Click(chromedp.CSS("header.bar details.profile:not(.availability) summary")),
		chromedp.Click(chromedp.CSS(`header.bar details.profile:not(.availability) .profile-menu a[href="/settings/account"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#current_password`)),
	)
	p.checkAxe("my account")
	p.screenshot("account")

	changePassword(p, "not my password", next)
	p.do(chromedp.WaitVisible(chromedp.CSS("#current_password-error")))
	if msg := get(p, chromedp.Text(chromedp.CSS("#current_password-error"))); msg == "" {
		t.Error("a wrong current password shows no message beside its field")
	}
	p.screenshot("account-wrong-password")

	changePassword(p, old, next)
	p.do(chromedp.WaitVisible(chromedp.CSS(".flash, [role=status]")))
	p.open("/")
	p.do(chromedp.WaitVisible(chromedp.CSS("header.bar")))

	other.open("/")
	other.do(chromedp.WaitVisible(chromedp.CSS("form[action='/login']")))
	if path := other.path(); !strings.HasPrefix(path, "/login") {
		t.Errorf("the other browser is still signed in after the password change, at %s", path)
	}
	other.signIn(email, next)
}

func changePassword(p *page, current, next string) {
	p.t.Helper()
	// a refused form comes back with what was typed; start from empty fields
	p.do(
		chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("form[action$='/password'] input[type=password]").forEach(i => i.value = "")`),
		chromedp.SendKeys(chromedp.CSS("#current_password"), current),
		chromedp.SendKeys(chromedp.CSS("#password"), next),
		chromedp.SendKeys(chromedp.CSS("#password_confirm"), next),
		chromedp.Click(chromedp.CSS(`form[action="/settings/account/password"] button[type=submit]`)),
	)
}
