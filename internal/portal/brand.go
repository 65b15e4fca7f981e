package portal

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/frontdesk/frontdesk/internal/brand"
	"github.com/frontdesk/frontdesk/internal/httpx"
)

// registerBrand serves the install's brand to every public page: its
// colour as a stylesheet (the pages' policy allows no inline style) and
// its logo. Both are the same for everyone and change rarely.
func (p *Portal) registerBrand(mux *http.ServeMux) {
	mux.Handle("GET /brand.css", httpx.JSONErrors(p.log, p.brandCSS))
	mux.Handle("GET /brand/logo", httpx.JSONErrors(p.log, p.brandLogo))
}

func (p *Portal) brandCSS(w http.ResponseWriter, r *http.Request) error {
	b, err := p.s.Brand.Get(r.Context())
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "text/css; charset=utf-8")
	h.Set("Cache-Control", "public, max-age=60")
	h.Set("X-Content-Type-Options", "nosniff")
	if b.Color != "" { // checked as #rrggbb when saved
		_, err = fmt.Fprintf(w, ":root{--accent:%s;--brand:%s}\n", b.Color, b.Color)
	}
	return err
}

func (p *Portal) brandLogo(w http.ResponseWriter, r *http.Request) error {
	data, ctype, err := p.s.Brand.Logo(r.Context())
	if errors.Is(err, brand.ErrNoLogo) {
		return httpx.NewError(http.StatusNotFound, "not_found", "no logo")
	}
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", "public, max-age=300")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	h.Set("Cross-Origin-Resource-Policy", "cross-origin") // mails and the widget show it on other sites
	_, err = w.Write(data)
	return err
}
