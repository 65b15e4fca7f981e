package portal_test

import (
	"context"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// The brand shows on the public page (name, logo, colour through
// /brand.css), and an install without one shows nothing of it.
func TestPublicPageBrand(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		tk := e.ticket("Printer prints blank pages", "Paula")
		page := e.get("/t/" + tk.PublicToken).Body.String()
		contains(t, page, []string{`href="/brand.css"`}, []string{`class="brandbar"`})
		if rec := e.get("/brand.css"); rec.Code != 200 || strings.Contains(rec.Body.String(), "--accent") {
			t.Fatalf("brand.css before a brand: %d %q", rec.Code, rec.Body.String())
		}
		if rec := e.get("/brand/logo"); rec.Code != 404 {
			t.Fatalf("logo before one: %d", rec.Code)
		}

		if _, err := e.s.Brand.Save(ctx, "Acme <b>Support</b>", "#AA3300"); err != nil {
			t.Fatal(err)
		}
		png := []byte("\x89PNG\r\n\x1a\nrest")
		if err := e.s.Brand.SetLogo(ctx, "image/png", png); err != nil {
			t.Fatal(err)
		}
		page = e.get("/t/" + tk.PublicToken).Body.String()
		contains(t, page, []string{`class="brandbar"`, `<img src="/brand/logo?v=`, "Acme &lt;b&gt;Support&lt;/b&gt;"}, []string{"<b>Support"})
		if css := e.get("/brand.css").Body.String(); !strings.Contains(css, "--accent:#aa3300") {
			t.Errorf("brand.css %q", css)
		}
		rec := e.get("/brand/logo")
		if rec.Code != 200 || rec.Body.String() != string(png) || rec.Header().Get("Content-Type") != "image/png" {
			t.Errorf("logo: %d %q", rec.Code, rec.Header().Get("Content-Type"))
		}
		if err := e.s.Brand.SetLogo(ctx, "image/svg+xml", []byte("<svg/>")); err == nil {
			t.Error("an SVG logo was taken")
		}
	})
}

// The widget's description carries the brand once there is one, and the
// form page shows its name.
func TestWidgetAndFormBrand(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newFormEnv(t, d)
		if _, body := e.get("/widget/v1/support/form"); strings.Contains(body, `"brand"`) {
			t.Errorf("a brand before one was set: %s", body)
		}
		if _, err := e.s.Brand.Save(context.Background(), "Acme", "#aa3300"); err != nil {
			t.Fatal(err)
		}
		if err := e.s.Brand.SetLogo(context.Background(), "image/png", []byte("\x89PNG\r\n\x1a\nx")); err != nil {
			t.Fatal(err)
		}
		_, body := e.get("/widget/v1/support/form")
		formContains(t, "json", body, []string{`"brand":{"name":"Acme","color":"#aa3300","logo":"http`, `/brand/logo?v=`}, nil)
		_, page := e.get("/support/support")
		formContains(t, "form page", page, []string{`href="/brand.css"`, `<img src="/brand/logo?v=`, "Acme · Support"}, nil)
	})
}
