package ui

import (
	"net/http"
)

// settingsForm shows the builder of a team's website form.
func (u *UI) settingsForm(w http.ResponseWriter, r *http.Request) error {
	t, err := u.pathTeam(r)
	if err != nil {
		return err
	}
	id := t.ID
	f, err := u.s.Forms.Get(r.Context(), id)
	if err != nil {
		return err
	}
	v := u.formView(r, t, f.Published, f.Fields, nil)
	v.Flash = notice(r)
	return u.render(w, r, http.StatusOK, "settings_form", "", v)
}
