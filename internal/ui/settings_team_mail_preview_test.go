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

// The HTML preview is its own sandboxed page whose policy lets the mail's
// inline styles show; the settings page frames it instead of inlining it.
func TestSettingsTeamMailPreviewFrame(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		team, err := e.s.Teams.Find(context.Background(), d.Read, "support")
		if err != nil {
			t.Fatal(err)
		}
		path := "/settings/teams/" + itoa(team.ID) + "/mail"
		page := e.getAs("admin", path, http.StatusOK)
		expect(t, "frame", page, []string{`class="mail-frame"`, `src="` + path + `/preview?`}, []string{"srcdoc", `style="`})

		e.getAs("agent", path+"/preview?kind=reply", http.StatusForbidden)
		e.getAs("admin", path+"/preview?kind=nonsense", http.StatusNotFound)
		q := url.Values{"kind": {"received"}, "subject": {"Hi"}, "body": {"Dear {{contact.first_name}} <script>x()</script>"}}
		res, body := e.do(e.client("admin"), http.MethodGet, path+"/preview?"+q.Encode(), nil, nil)
		csp := res.Header.Get("Content-Security-Policy")
		if res.StatusCode != http.StatusOK || !strings.Contains(csp, "sandbox") || !strings.Contains(csp, "style-src 'unsafe-inline'") ||
			strings.Contains(csp, "script-src") || res.Header.Get("X-Frame-Options") != "SAMEORIGIN" {
			t.Fatalf("preview: %d %q %q", res.StatusCode, csp, res.Header.Get("X-Frame-Options"))
		}
		expect(t, "typed", body, []string{"Dear Ada", "&lt;script&gt;"}, []string{"<script>"})
		expect(t, "saved", e.getAs("admin", path+"/preview?kind=reply", http.StatusOK),
			[]string{"We have sent a new parcel"}, nil)
	})
}
