package portal_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

func TestCommentAddsACustomerMessageAndReopens(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.ticket("VPN drops every hour", "Vera")
		v := e.visit(tk.PublicToken)
		base := "/t/" + tk.PublicToken
		if rec := e.post(base+"/close", v, nil, nil, nil); rec.Code != http.StatusSeeOther {
			t.Fatalf("close: %d %s", rec.Code, rec.Body.String())
		}
		if e.reload(tk.ID).IsOpen() {
			t.Fatal("close left the ticket open")
		}
		rec := e.post(base+"/comments", v, map[string]string{"body": "It happened again at 10:00."},
			[]upload{{"log.txt", []byte("vpn log lines")}}, nil)
		if rec.Code != http.StatusSeeOther || !strings.HasPrefix(rec.Header().Get("Location"), base+"?done=comment") {
			t.Fatalf("comment: %d to %q", rec.Code, rec.Header().Get("Location"))
		}
		now := e.reload(tk.ID)
		if !now.IsOpen() {
			t.Errorf("the comment left the ticket %s", now.Status.Name)
		}
		msgs := e.thread(tk.ID)
		last := msgs[len(msgs)-1]
		if last.Kind != ticket.Customer || last.Author.ID != tk.Contact.ID || last.Body != "It happened again at 10:00." ||
			len(last.Attachments) != 1 || last.Attachments[0].Filename != "log.txt" {
			t.Errorf("last message %+v", last)
		}
		page := e.get(base + "?done=comment").Body.String()
		contains(t, page, []string{"It happened again at 10:00.", "log.txt", "Your comment was added"}, nil)
		file := e.get(fmt.Sprintf("%s/files/%d", base, last.Attachments[0].ID))
		if file.Code != http.StatusOK || file.Body.String() != "vpn log lines" {
			t.Errorf("the customer's file: %d %q", file.Code, file.Body.String())
		}
	})
}

func TestCloseAndReopen(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.ticket("Change my address", "Carl")
		v := e.visit(tk.PublicToken)
		base := "/t/" + tk.PublicToken
		rec := e.post(base+"/close", v, nil, nil, nil)
		if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != base+"?done=closed" {
			t.Fatalf("close: %d to %q", rec.Code, rec.Header().Get("Location"))
		}
		closed := e.reload(tk.ID)
		if closed.Status.Kind != pipeline.Closed || closed.Status.Name != "Closed" {
			t.Errorf("after close: %+v", closed.Status)
		}
		contains(t, e.get(base+"?done=closed").Body.String(),
			[]string{"Reopen this request", "Your request is closed"}, []string{"Close this request"})
		history, err := e.s.Tickets.History(context.Background(), tk.ID)
		if err != nil {
			t.Fatal(err)
		}
		if last := history[len(history)-1]; last.Kind != ticket.EventStatus || last.Actor != nil {
			t.Errorf("close event %+v: want a status event without an operator", last)
		}
		if rec := e.post(base+"/reopen", v, nil, nil, nil); rec.Code != http.StatusSeeOther {
			t.Fatalf("reopen: %d", rec.Code)
		}
		if st := e.reload(tk.ID).Status; st.Name != "New" {
			t.Errorf("after reopen: %s, want the first open status", st.Name)
		}
		contains(t, e.get(base).Body.String(), []string{"Close this request"}, []string{"Reopen this request"})
	})
}

func TestFileLimits(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.ticket("Screenshots of the error", "Finn")
		v := e.visit(tk.PublicToken)
		before := len(e.thread(tk.ID))
		six := make([]upload, 6)
		for i := range six {
			six[i] = upload{fmt.Sprintf("shot%d.png", i), []byte("png")}
		}
		cases := []struct {
			name  string
			files []upload
			want  string
		}{
			{"too many", six, "Attach at most 5 files"},
			{"too large", []upload{{"huge.bin", bytes.Repeat([]byte("x"), 10<<20+1)}}, "huge.bin” is too large: at most 10 MB per file."},
			{"nothing at all", nil, "Write a comment or attach a file."},
		}
		for _, c := range cases {
			body := "Here they are"
			if c.files == nil {
				body = "  "
			}
			rec := e.post("/t/"+tk.PublicToken+"/comments", v, map[string]string{"body": body}, c.files, nil)
			if rec.Code != http.StatusUnprocessableEntity {
				t.Errorf("%s: %d, want 422", c.name, rec.Code)
			}
			contains(t, rec.Body.String(), []string{c.want}, nil)
			if c.files != nil {
				contains(t, rec.Body.String(), []string{">Here they are</textarea>"}, nil)
			}
		}
		if n := len(e.thread(tk.ID)); n != before {
			t.Errorf("refused comments added %d messages", n-before)
		}
	})
}

func TestCrossSiteAndForeignFormsAreRefused(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		a, b := e.ticket("Ticket A", "Anna"), e.ticket("Ticket B", "Bert")
		va, vb := e.visit(a.PublicToken), e.visit(b.PublicToken)
		bFile := e.message(b.ID, ticket.Reply, "Here is B's invoice", "b-invoice.pdf", "B's secret invoice")
		comment := map[string]string{"body": "sneaky"}
		cases := []struct {
			name    string
			path    string
			v       visit
			fields  map[string]string
			headers map[string]string
		}{
			{"cross-site fetch", "/t/" + a.PublicToken + "/comments", va, comment, map[string]string{"Sec-Fetch-Site": "cross-site"}},
			{"same-site subdomain", "/t/" + a.PublicToken + "/close", va, nil, map[string]string{"Sec-Fetch-Site": "same-site"}},
			{"foreign origin", "/t/" + a.PublicToken + "/comments", va, comment,
				map[string]string{"Sec-Fetch-Site": "", "Origin": "https://evil.example"}},
			{"sandboxed frame", "/t/" + a.PublicToken + "/close", va, nil, map[string]string{"Sec-Fetch-Site": "cross-site", "Origin": "null"}},
			{"no form token", "/t/" + a.PublicToken + "/comments", va, map[string]string{"body": "x", "_form": ""}, nil},
			{"no cookie", "/t/" + a.PublicToken + "/comments", visit{form: va.form}, comment, nil},
			{"A's form on B", "/t/" + b.PublicToken + "/comments", visit{cookie: va.cookie, form: va.form}, comment, nil},
			{"B's form on A", "/t/" + a.PublicToken + "/close", visit{cookie: vb.cookie, form: vb.form}, nil, nil},
		}
		for _, c := range cases {
			rec := e.post(c.path, c.v, c.fields, nil, c.headers)
			if rec.Code != http.StatusForbidden {
				t.Errorf("%s: %d, want 403", c.name, rec.Code)
			}
		}
		if n := len(e.thread(a.ID)) + len(e.thread(b.ID)); n != 3 {
			t.Errorf("refused posts changed the threads: %d messages", n)
		}
		if !e.reload(a.ID).IsOpen() || !e.reload(b.ID).IsOpen() {
			t.Error("a refused close closed a ticket")
		}
		// What Chromium sends for our own form under Referrer-Policy: no-referrer.
		if rec := e.post("/t/"+a.PublicToken+"/close", va, nil, nil, map[string]string{"Origin": "null"}); rec.Code != http.StatusSeeOther {
			t.Errorf("our own form with Origin null: %d, want 303", rec.Code)
		}
		// A's token reaches none of B's files.
		rec := e.get(fmt.Sprintf("/t/%s/files/%d", a.PublicToken, bFile.Attachments[0].ID))
		if rec.Code != http.StatusNotFound || strings.Contains(rec.Body.String(), "secret invoice") {
			t.Errorf("A's link fetched B's file: %d", rec.Code)
		}
	})
}

const (
	scriptPayload = `<script>window.__pwned=1</script>`
	imgPayload    = `"><img src=x onerror=window.__pwned=1>`
)

func TestScriptPayloadsStayInert(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.ticket("Help "+scriptPayload+imgPayload, imgPayload+scriptPayload)
		v := e.visit(tk.PublicToken)
		rec := e.post("/t/"+tk.PublicToken+"/comments", v, map[string]string{"body": "Body " + scriptPayload + imgPayload},
			[]upload{{imgPayload + scriptPayload + ".txt", []byte("x")}}, nil)
		if rec.Code != http.StatusSeeOther {
			t.Fatalf("comment: %d %s", rec.Code, rec.Body.String())
		}
		page := e.get("/t/" + tk.PublicToken).Body.String()
		contains(t, page, []string{"&lt;script&gt;window.__pwned=1&lt;/script&gt;", "&lt;img src=x onerror=window.__pwned=1&gt;"},
			[]string{"<script", "<img"})
	})
}
