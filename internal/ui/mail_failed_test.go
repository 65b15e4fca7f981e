package ui_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/mail/inbound"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func TestFailedMailListRetryAndDownload(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		take := func(raw string) int64 {
			a, err := e.s.Mail.Accept(ctx, []byte(raw), inbound.Source{Kind: inbound.SourceImport})
			if err != nil {
				t.Fatal(err)
			}
			return a.ID
		}
		broken := take("To: support@localhost\r\nSubject: Mystery <b>mail</b>\r\n\r\nwho sent this?\r\n")
		if _, err := e.s.Mail.Process(ctx, broken); err != nil {
			t.Fatal(err)
		}
		// A good mail whose processing gave up while the database was away.
		good := take("From: Ann <ann@example.com>\r\nTo: support@localhost\r\nSubject: Refund\r\n\r\nPlease refund.\r\n")
		if err := e.s.Mail.MarkFailed(ctx, good, nil, errors.New("database was away")); err != nil {
			t.Fatal(err)
		}
		agent := e.client("agent")
		_, page := e.do(agent, http.MethodGet, "/mail/failed", nil, nil)
		expect(t, "list", page, []string{"Mystery &lt;b&gt;mail&lt;/b&gt;", "no valid From address",
			"database was away", fmt.Sprintf(`action="/mail/failed/%d/retry"`, good),
			fmt.Sprintf(`href="/mail/failed/%d/raw"`, broken), `href="/mail/failed" aria-current="page"`},
			[]string{"<b>mail</b>"})

		retry := fmt.Sprintf("/mail/failed/%d/retry", good)
		if res, _ := e.do(agent, http.MethodPost, retry, url.Values{}, nil); res.StatusCode != http.StatusForbidden {
			t.Errorf("retry without CSRF: %d, want 403", res.StatusCode)
		}
		res, _ := e.post(retry, url.Values{}, true)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("retry: %d", res.StatusCode)
		}
		_, page = e.do(agent, http.MethodGet, res.Header.Get("Location"), nil, nil)
		expect(t, "after retry", page, []string{fmt.Sprintf("Mail %d filed on ticket #", good), "Mystery"},
			[]string{"database was away"})
		res, _ = e.post(retry, url.Values{}, true)
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("retrying a filed mail: %d, want 404", res.StatusCode)
		}

		raw := fmt.Sprintf("/mail/failed/%d/raw", broken)
		res, body := e.do(agent, http.MethodGet, raw, nil, nil)
		if res.StatusCode != http.StatusOK || body != "To: support@localhost\r\nSubject: Mystery <b>mail</b>\r\n\r\nwho sent this?\r\n" ||
			res.Header.Get("Content-Disposition") != fmt.Sprintf(`attachment; filename=mail-%d.eml`, broken) {
			t.Errorf("download: %d %q %v", res.StatusCode, body, res.Header)
		}
		if res, _ := e.do(e.newClient(), http.MethodGet, raw, nil, nil); res.StatusCode != http.StatusSeeOther {
			t.Errorf("download without a session: %d, want a redirect to sign in", res.StatusCode)
		}
	})
}
