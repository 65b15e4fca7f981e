package ui_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/widget"
)

// builderForm reads the builder page's inputs as a browser would send
// them (text inputs, textareas, selected options, ticked boxes).
func builderForm(t *testing.T, body string) url.Values {
	t.Helper()
	f := url.Values{}
	for _, m := range regexp.MustCompile(`<input (?:type="(?:hidden|text)" )?(?:id="[^"]*" )?name="([^"]+)" value="([^"]*)"`).FindAllStringSubmatch(body, -1) {
		f.Set(m[1], unescape(m[2]))
	}
	for _, m := range regexp.MustCompile(`(?s)<textarea id="[^"]*" name="([^"]+)"[^>]*>(.*?)</textarea>`).FindAllStringSubmatch(body, -1) {
		f.Set(m[1], unescape(m[2]))
	}
	for _, m := range regexp.MustCompile(`(?s)<select id="[^"]*" name="([^"]+)"[^>]*>(.*?)</select>`).FindAllStringSubmatch(body, -1) {
		if sel := regexp.MustCompile(`<option value="([^"]*)" selected>`).FindStringSubmatch(m[2]); sel != nil {
			f.Set(m[1], sel[1])
		}
	}
	for _, m := range regexp.MustCompile(`<input type="checkbox"(?: role="switch")? name="([^"]+)"(?: id="[^"]*")? checked>`).FindAllStringSubmatch(body, -1) {
		f.Set(m[1], "on")
	}
	return f
}

func unescape(s string) string {
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'", "&amp;", "&").Replace(s)
}

func TestFormBuilder(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		page := e.getAs("admin", "/settings/teams/1/form", http.StatusOK)
		expect(t, "builder", page, []string{"Field 1: Your name", "Field 4: How can we help?", e.s.Tickets.BaseURL + "/support/support",
			`name="published" id="published" checked`}, nil)
		f := builderForm(t, page)
		if f.Get("count") != "4" || f.Get("label-1") != "Email" || f.Get("target-1") != "contact.email" {
			t.Fatalf("builder inputs = %v", f)
		}
		// Add a field, then make it a choice list with no options: refused,
		// and everything typed stays.
		f.Set("op", "add")
		e.postAs("admin", "/settings/teams/1/form", f, http.StatusSeeOther)
		f = builderForm(t, e.getAs("admin", "/settings/teams/1/form", http.StatusOK))
		f.Set("label-4", "Plan <b>tier</b>")
		f.Set("type-4", "select")
		f.Set("label-0", "Full name")
		f.Set("op", "save")
		body := e.postAs("admin", "/settings/teams/1/form", f, http.StatusUnprocessableEntity)
		expect(t, "no options", body, []string{"A choice list needs at least one option", `value="Plan &lt;b&gt;tier&lt;/b&gt;"`,
			`value="Full name"`}, []string{"<b>tier</b>"})
		if got, _ := e.s.Forms.Get(ctx, 1); got.Fields[0].Label != "Your name" {
			t.Error("a refused save changed the form")
		}
		f.Set("options-4", "Free\nPro\n")
		e.postAs("admin", "/settings/teams/1/form", f, http.StatusSeeOther)
		// Move it up above the description, then remove the first field.
		f = builderForm(t, e.getAs("admin", "/settings/teams/1/form", http.StatusOK))
		f.Set("op", "up:4")
		e.postAs("admin", "/settings/teams/1/form", f, http.StatusSeeOther)
		f = builderForm(t, e.getAs("admin", "/settings/teams/1/form", http.StatusOK))
		f.Set("op", "remove:0")
		f.Del("published")
		e.postAs("admin", "/settings/teams/1/form", f, http.StatusSeeOther)
		got, err := e.s.Forms.Get(ctx, 1)
		if err != nil {
			t.Fatal(err)
		}
		var labels []string
		for _, fl := range got.Fields {
			labels = append(labels, fl.Label)
		}
		if strings.Join(labels, "|") != "Email|Subject|Plan <b>tier</b>|How can we help?" || got.Published {
			t.Errorf("form after add, move up, remove, unpublish = %v published=%v", labels, got.Published)
		}
	})
}

func TestWidgetSettings(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		page := e.getAs("admin", "/settings/teams/1/widget", http.StatusOK)
		before, _ := e.s.Widgets.Get(ctx, 1)
		expect(t, "widget page", page, []string{`value="&lt;script src=&#34;` + e.s.Tickets.BaseURL + `/widget.js&#34; data-team=&#34;support&#34; async&gt;&lt;/script&gt;"`,
			`value="` + e.s.Tickets.BaseURL + `/support/support"`, before.Secret, `data-copy="snippet"`, "Rotate secret"}, nil)
		body := e.postAs("admin", "/settings/teams/1/widget", url.Values{"origins": {"https://shop.example\nnot an origin"},
			"color": {"#112233"}, "require_verified": {"on"}}, http.StatusUnprocessableEntity)
		expect(t, "bad origin", body, []string{`&#34;not an origin&#34; is not an origin`, "https://shop.example\nnot an origin"}, nil)
		e.postAs("admin", "/settings/teams/1/widget", url.Values{"origins": {"https://shop.example\r\n"},
			"color": {"#112233"}, "require_verified": {"on"}}, http.StatusSeeOther)
		s, _ := e.s.Widgets.Get(ctx, 1)
		if len(s.Origins) != 1 || s.Origins[0] != "https://shop.example" || !s.RequireVerified || s.Color != "#112233" {
			t.Errorf("saved settings = %+v", s)
		}
		e.postAs("admin", "/settings/teams/1/widget/rotate", url.Values{}, http.StatusSeeOther)
		after, _ := e.s.Widgets.Get(ctx, 1)
		if after.Secret == before.Secret || after.Verify("u1", widget.Sign(before.Secret, "u1")) {
			t.Error("rotation kept the old secret")
		}
		expect(t, "after rotation", e.getAs("admin", "/settings/teams/1/widget?done=widget-rotated", http.StatusOK),
			[]string{after.Secret, "New widget secret made"}, []string{before.Secret})
	})
}

func TestFormAndWidgetSettingsAreAdminOnlyAndNeedCSRF(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		for _, path := range []string{"/settings/teams/1/form", "/settings/teams/1/widget"} {
			expect(t, path, e.getAs("agent", path, http.StatusForbidden), []string{"Only an admin can change the settings."}, nil)
		}
		for _, path := range []string{"/settings/teams/1/form", "/settings/teams/1/widget", "/settings/teams/1/widget/rotate"} {
			e.postAs("agent", path, url.Values{"op": {"add"}, "count": {"0"}, "color": {"#000000"}}, http.StatusForbidden)
			res, _ := e.do(e.client("admin"), http.MethodPost, path, url.Values{"op": {"add"}, "count": {"0"}}, nil)
			if res.StatusCode != http.StatusForbidden {
				t.Errorf("POST %s without CSRF token: %d", path, res.StatusCode)
			}
		}
		before, _ := e.s.Widgets.Get(context.Background(), 1)
		if f, _ := e.s.Forms.Get(context.Background(), 1); f.Custom {
			t.Error("a refused post changed the form")
		}
		if after, _ := e.s.Widgets.Get(context.Background(), 1); after.Secret != before.Secret {
			t.Error("a refused post rotated the secret")
		}
		e.getAs("admin", "/settings/teams/99/form", http.StatusNotFound)
	})
}
