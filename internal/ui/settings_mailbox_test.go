package ui_test

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// imapServer is go-imap's in-memory server on loopback, holding n messages
// in the INBOX of user "desk" with password "pw".
func imapServer(t *testing.T, n int) int {
	t.Helper()
	user := imapmemserver.NewUser("desk", "pw")
	if err := user.Create("INBOX", nil); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		if _, err := user.Append("INBOX", literal("Subject: hi\r\n\r\nhello\r\n"), &imap.AppendOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	mem := imapmemserver.New()
	mem.AddUser(user)
	srv := imapserver.New(&imapserver.Options{InsecureAuth: true,
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return mem.NewSession(), nil, nil
		}})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().(*net.TCPAddr).Port
}

func TestSettingsMailboxes(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		teams, err := e.s.Teams.List(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		base := "/settings/teams/" + itoa(teams[0].ID) + "/mailboxes"
		expect(t, "team page", e.getAs("admin", "/settings/teams/"+itoa(teams[0].ID), http.StatusOK), []string{`href="` + base + `"`}, nil)
		expect(t, "empty", e.getAs("admin", base, http.StatusOK), []string{"No mailboxes yet", "Add a mailbox"}, nil)

		bad := e.postAs("admin", base, url.Values{"host": {""}, "port": {"70000"}, "tls": {"tls"}, "username": {"desk"}}, http.StatusUnprocessableEntity)
		expect(t, "bad", bad, []string{`id="host-error"`, `id="port-error"`, "Must be between 1 and 65535", `id="password-error"`, `value="desk"`}, nil)

		port := imapServer(t, 3)
		form := url.Values{"host": {"127.0.0.1"}, "port": {strconv.Itoa(port)}, "tls": {"none"}, "username": {"desk"},
			"password": {"pw"}, "folder": {""}, "enabled": {"on"}}
		e.postAs("admin", base, form, http.StatusSeeOther)
		list := e.getAs("admin", base+"?done=mailbox-added", http.StatusOK)
		expect(t, "listed", list, []string{"Mailbox added.", "desk", "127.0.0.1:" + strconv.Itoa(port), "INBOX", "Syncing", "Never"}, []string{`value="pw"`})
		mid := regexp.MustCompile(base + `/(\d+)/test`).FindStringSubmatch(list)
		if mid == nil {
			t.Fatalf("no test button: %s", list)
		}
		one := base + "/" + mid[1]
		expect(t, "probe", e.postAs("admin", one+"/test", url.Values{}, http.StatusOK),
			[]string{`the folder &#34;INBOX&#34; holds 3 messages`}, nil)

		// A wrong password, kept blank on edit means "keep": change it for real.
		form.Set("password", "wrong")
		e.postAs("admin", one, form, http.StatusSeeOther)
		expect(t, "probe refused", e.postAs("admin", one+"/test", url.Values{}, http.StatusOK),
			[]string{"The test of 127.0.0.1:" + strconv.Itoa(port) + " failed: the server refused the login of &#34;desk&#34;"}, nil)
		expect(t, "edit", e.getAs("admin", one, http.StatusOK), []string{"Edit mailbox", "Left blank, the stored password is kept"}, []string{`value="wrong"`})

		for _, p := range []string{base, one} {
			e.getAs("agent", p, http.StatusForbidden)
		}
		for _, p := range []string{base, one, one + "/test", one + "/delete"} {
			e.postAs("agent", p, url.Values{}, http.StatusForbidden)
		}
		other := "/settings/teams/" + itoa(teams[0].ID+1000) + "/mailboxes/" + mid[1]
		e.postAs("admin", other+"/delete", url.Values{}, http.StatusNotFound)
		e.postAs("admin", one+"/delete", url.Values{}, http.StatusSeeOther)
		expect(t, "removed", e.getAs("admin", base+"?done=mailbox-deleted", http.StatusOK), []string{"Mailbox removed.", "No mailboxes yet"}, nil)
	})
}

type lit struct{ *strings.Reader }

func (l lit) Size() int64 { return l.Reader.Size() }

func literal(s string) lit { return lit{strings.NewReader(s)} }
