package ui_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// outbox lists the kinds of mail queued for ticket id, oldest first.
func (e *env) outbox(id int64) []string {
	e.t.Helper()
	rows, err := e.s.DB.Read.Query(`SELECT kind FROM mail_outbox WHERE ticket_id = $1 ORDER BY id`, id)
	if err != nil {
		e.t.Fatal(err)
	}
	defer rows.Close()
	var kinds []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			e.t.Fatal(err)
		}
		kinds = append(kinds, k)
	}
	return kinds
}

// "Send and close" answers and closes in one step with one mail, where a
// close on its own sends the closing notice; a refused status keeps the
// answer out and the text in the composer.
func TestSendAndClose(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.open("Printer on fire", 1, "")
		page := fmt.Sprintf("/tickets/%d", tk.Number)
		body := e.get(page, http.StatusOK)
		closedID := optionValue(t, body, "Close")
		expect(t, "composer", body, []string{`<option value="" data-reply="Send" data-note="Add note" selected>Keep New</option>`,
			`data-reply="Send and close"`, `data-reply="Send and set Waiting"`}, nil)

		res, out := e.post(page+"/messages", url.Values{"kind": {"reply"}, "body": {"Fixed, closing."}, "then": {closedID}}, true)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("send and close: %d %s", res.StatusCode, out)
		}
		got, _ := e.s.Tickets.Get(t.Context(), tk.ID)
		if got.IsOpen() || strings.Join(e.outbox(tk.ID), ",") != "reply" {
			t.Errorf("after send and close: status %s, mails %v; want closed and one reply", got.Status.Name, e.outbox(tk.ID))
		}

		other := e.open("Second", 0, "")
		res, _ = e.post(fmt.Sprintf("/tickets/%d", other.Number), url.Values{"status": {closedID}}, true)
		if res.StatusCode != http.StatusSeeOther || strings.Join(e.outbox(other.ID), ",") != "closed" {
			t.Errorf("a close alone: %d, mails %v; want the closing notice", res.StatusCode, e.outbox(other.ID))
		}

		res, out = e.post(page+"/messages", url.Values{"kind": {"reply"}, "body": {"Kept <b>text</b>"}, "then": {"999999"}}, true)
		if res.StatusCode != http.StatusUnprocessableEntity || len(e.outbox(tk.ID)) != 1 {
			t.Fatalf("an unknown status: %d, mails %v", res.StatusCode, e.outbox(tk.ID))
		}
		expect(t, "refused", out, []string{"Kept &lt;b&gt;text&lt;/b&gt;</textarea>", `id="body-error">Nothing was sent: No status`},
			[]string{"<b>text"})
	})
}

// A sidebar change sent by the page's script applies at once and gets a
// plain answer: 204, or 422 with the reason as text.
func TestSidebarChangeByScript(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.open("Printer on fire", 1, "")
		page := fmt.Sprintf("/tickets/%d", tk.Number)
		c := e.client("agent")
		hdr := map[string]string{"X-Frontdesk-Fetch": "1"}
		form := url.Values{"_csrf": {e.csrf(c, page)}, "priority": {"3"}}
		res, _ := e.do(c, http.MethodPost, page, form, hdr)
		got, _ := e.s.Tickets.Get(t.Context(), tk.ID)
		if res.StatusCode != http.StatusNoContent || got.Priority != 3 {
			t.Errorf("priority by script: %d, priority %d", res.StatusCode, got.Priority)
		}
		form = url.Values{"_csrf": {e.csrf(c, page)}, "team": {"no-such-team"}}
		res, body := e.do(c, http.MethodPost, page, form, hdr)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/plain") ||
			!strings.Contains(body, "team") {
			t.Errorf("a refused team: %d %q %q", res.StatusCode, res.Header.Get("Content-Type"), body)
		}
	})
}

// optionValue is the value of the first option whose text is label.
func optionValue(t *testing.T, page, label string) string {
	t.Helper()
	end := strings.Index(page, ">"+label+"</option>")
	if end < 0 {
		t.Fatalf("no option %q", label)
	}
	start := strings.LastIndex(page[:end], `<option value="`) + len(`<option value="`)
	return page[start : strings.Index(page[start:], `"`)+start]
}
