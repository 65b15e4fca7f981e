package ui

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/domain"
)

// settingsFormSave applies the pressed button (add, move, remove or save)
// to the fields as typed and saves the whole form, so nothing typed is
// lost between steps. A broken rule shows the form again, unsaved, with
// each message beside its field.
func (u *UI) settingsFormSave(w http.ResponseWriter, r *http.Request) error {
	t, err := u.postedTeam(r)
	if err != nil {
		return err
	}
	id := t.ID
	op := r.PostForm.Get("op")
	fields := applyOp(formFieldsFrom(r.PostForm), op)
	published := r.PostForm.Get("published") != ""
	_, err = u.s.Forms.Save(r.Context(), id, fields)
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		v := u.formView(r, t, published, fields, ve.Fields)
		if v.Error == "" {
			v.Error = "Not saved yet: please correct the marked fields."
		}
		return u.render(w, r, http.StatusUnprocessableEntity, "settings_form", "", v)
	} else if err != nil {
		return err
	}
	if err := u.s.Forms.SetPublished(r.Context(), id, published); err != nil {
		return err
	}
	to := "/settings/teams/" + strconv.FormatInt(id, 10) + "/form?done=form-saved"
	if op == "add" {
		to += "#field-" + strconv.Itoa(len(fields)-1)
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}
