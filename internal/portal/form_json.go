package portal

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/form"
	"github.com/frontdesk/frontdesk/internal/httpx"
)

// FormJSON describes a published form for the widget (docs/forms.md).
type FormJSON struct {
	Team   FormTeamJSON   `json:"team"`
	Fields []form.Field   `json:"fields"`
	Brand  *FormBrandJSON `json:"brand,omitempty"` // Settings → Brand, when set
}

// FormTeamJSON is the team as the widget shows it.
// FormBrandJSON is the install's brand, for the widget's header.
type FormBrandJSON struct {
	Name  string `json:"name,omitempty"`
	Color string `json:"color,omitempty"`
	Logo  string `json:"logo,omitempty"` // absolute URL of the logo image
}

type FormTeamJSON struct {
	Slug  string `json:"slug"`
	Name  string `json:"name"`
	Color string `json:"color"`
}

// describe answers GET /widget/v1/{slug}/form.
func (f *Forms) describe(w http.ResponseWriter, r *http.Request) error {
	if !f.reads.Allow(r.Context(), clientIP(r)) {
		return httpx.TooMany(w, time.Minute/formJSONBurst, "too many requests, slow down")
	}
	p, err := f.load(r.Context(), r.PathValue("slug"))
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	out := FormJSON{Team: FormTeamJSON{Slug: p.team.Slug, Name: p.team.Name, Color: p.widget.Color}, Fields: p.form.Fields}
	if b, err := f.s.Brand.Get(r.Context()); err == nil && (b.Name != "" || b.Color != "" || b.HasLogo()) {
		out.Brand = &FormBrandJSON{Name: b.Name, Color: b.Color}
		if b.HasLogo() {
			out.Brand.Logo = fmt.Sprintf("%s/brand/logo?v=%d", strings.TrimRight(f.baseURL, "/"), b.Version())
		}
	}
	httpx.WriteJSON(w, http.StatusOK, out)
	return nil
}

// formCORS lets the widget, running in a page on another site, read the
// description; it carries nothing private, so any origin may.
func formCORS(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		next.ServeHTTP(w, r)
	})
}
