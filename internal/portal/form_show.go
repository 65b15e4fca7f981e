package portal

import "net/http"

// show renders a team's published form with each field's default.
func (f *Forms) show(w http.ResponseWriter, r *http.Request) error {
	p, err := f.load(r.Context(), r.PathValue("slug"))
	if err != nil {
		return err
	}
	return f.render(w, http.StatusOK, "portal_form", f.view(r, p, nil, nil))
}
