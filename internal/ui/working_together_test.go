package ui_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// outboxTo lists the subjects and texts of the mails queued to address.
func outboxTo(t *testing.T, d *db.DB, address string) []string {
	t.Helper()
	rows, err := d.Read.QueryContext(context.Background(), `SELECT kind, subject, body_text, body_html FROM mail_outbox
		WHERE to_email = $1 ORDER BY id`, address)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var k, s, b, h string
		if err := rows.Scan(&k, &s, &b, &h); err != nil {
			t.Fatal(err)
		}
		out = append(out, k+"|"+s+"|"+b+"|"+h)
	}
	return out
}

// An @name in a note tells that operator in the app and by mail; the
// author, and names inside addresses, tell no one.
func TestNoteMentionNotifies(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.openFor("Broken printer", 1, ada)
		path := "/tickets/" + itoa(tk.Number)
		e.postAs("admin", path+"/messages", url.Values{"kind": {"note"},
			"body": {"@agent can you check? Mail me at boss@agent.example, cc @admin."}}, http.StatusSeeOther)
		mails := outboxTo(t, d, "agent@example.com")
		if len(mails) != 1 || !strings.HasPrefix(mails[0], "mention|The admin mentioned you on [#"+itoa(tk.Number)+"] Broken printer|") ||
			!strings.Contains(mails[0], "can you check?") || !strings.Contains(mails[0], "/tickets/"+itoa(tk.Number)) {
			t.Fatalf("mails to the agent: %q", mails)
		}
		if got := outboxTo(t, d, "admin@example.com"); len(got) != 0 {
			t.Errorf("the author was told: %q", got)
		}
		if got := outboxTo(t, d, "ada@example.com"); len(got) != 0 {
			t.Errorf("the customer got mail about a note: %q", got)
		}
		inbox := e.getAs("agent", "/inbox", http.StatusOK)
		expect(t, "badge", inbox, []string{`class="notif-count">1<span class="sr"> unread`}, nil)
		list := e.getAs("agent", "/notifications", http.StatusOK)
		expect(t, "list", list, []string{"The admin mentioned you in a note", "Broken printer", "can you check?"}, nil)
		expect(t, "nothing for the admin", e.getAs("admin", "/notifications", http.StatusOK), []string{"No notifications"}, nil)

		id := between(list, `href="/notifications/`, `"`)
		e.getAs("admin", "/notifications/"+id, http.StatusNotFound) // not the admin's
		res, _ := e.do(e.client("agent"), http.MethodGet, "/notifications/"+id, nil, nil)
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != path {
			t.Fatalf("open: %d %s", res.StatusCode, res.Header.Get("Location"))
		}
		expect(t, "read", e.getAs("agent", "/inbox", http.StatusOK), nil, []string{`class="notif-count"`})
	})
}

// A signature per team goes under mailed public answers, never under notes.
func TestSignatureOnMailedAnswers(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		support, err := e.s.Teams.Find(ctx, d.Read, "support")
		if err != nil {
			t.Fatal(err)
		}
		field := "signature_" + itoa(support.ID)
		expect(t, "not in the team", e.postAs("agent", "/settings/account/signatures", url.Values{field: {"Kim"}},
			http.StatusUnprocessableEntity), []string{"You can only sign for the teams you are in"}, nil)
		e.postAs("admin", "/settings/operators/"+itoa(e.ids["agent"]), url.Values{"name": {"The agent"},
			"email": {"agent@example.com"}, "role": {"agent"}, "team": {itoa(support.ID)}}, http.StatusSeeOther)
		expect(t, "account", e.getAs("agent", "/settings/account", http.StatusOK), []string{`id="` + field + `"`, "Signature for Support"}, nil)
		e.postAs("agent", "/settings/account/signatures", url.Values{field: {"Kim <b>Agent</b>\nSupport desk"}}, http.StatusSeeOther)
		expect(t, "saved", e.getAs("agent", "/settings/account?done=signatures-saved", http.StatusOK),
			[]string{"Signatures saved.", "Kim &lt;b&gt;Agent&lt;/b&gt;\nSupport desk</textarea>"}, nil)

		tk := e.openFor("Broken printer", 1, ada)
		path := "/tickets/" + itoa(tk.Number) + "/messages"
		e.postAs("agent", path, url.Values{"kind": {"note"}, "body": {"Checked the logs."}}, http.StatusSeeOther)
		e.postAs("agent", path, url.Values{"kind": {"reply"}, "body": {"Please restart it."}}, http.StatusSeeOther)
		mails := outboxTo(t, d, "ada@example.com")
		last := mails[len(mails)-1]
		if !strings.HasPrefix(last, "reply|") || !strings.Contains(last, "Please restart it.\n\n-- \nKim <b>Agent</b>\nSupport desk") ||
			!strings.Contains(last, "-- <br>Kim &lt;b&gt;Agent&lt;/b&gt;<br>Support desk") || strings.Contains(last, "Checked the logs") {
			t.Fatalf("the reply mail: %q", last)
		}
		page := e.getAs("agent", "/tickets/"+itoa(tk.Number), http.StatusOK)
		if strings.Contains(page, "Support desk") {
			t.Error("the signature shows in the thread; it belongs to the mail only")
		}
	})
}

// between returns the text of s after the first from and before the next to.
func between(s, from, to string) string {
	_, rest, _ := strings.Cut(s, from)
	v, _, _ := strings.Cut(rest, to)
	return v
}
