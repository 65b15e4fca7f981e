package portal

import (
	"net/http"
	"time"

	"github.com/frontdesk/frontdesk/internal/form"
	"github.com/frontdesk/frontdesk/internal/httpx"
)

// FormJSON describes a published form for the widget (docs/forms.md).
type FormJSON struct {
	Team   FormTeamJSON `json:"team"`
	Fields []form.Field `json:"fields"`
}

// FormTeamJSON is the team as the widget shows it.
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
	httpx.WriteJSON(w, http.StatusOK, FormJSON{Team: FormTeamJSON{Slug: p.team.Slug, Name: p.team.Name,
		Color: p.widget.Color}, Fields: p.form.Fields})
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
