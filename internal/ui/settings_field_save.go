package ui

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/field"
)

// settingsFieldSave creates (no id) or updates a field. The name is not
// sent on an edit: it never changes, so the stored one is kept.
func (u *UI) settingsFieldSave(w http.ResponseWriter, r *http.Request) error {
	id, err := optionalPathID(r)
	if err != nil {
		return err
	}
	f := fieldFormFrom(r.PostForm)
	var d field.Def
	if id != 0 {
		if d, err = u.s.Fields.Get(r.Context(), id); err != nil {
			return err
		}
		f.Name = d.Name
	}
	in, badPosition := f.input()
	switch {
	case badPosition != "":
		err = domain.Invalid("position", badPosition)
	case id == 0:
		d, err = u.s.Fields.Create(r.Context(), in)
	default:
		d, err = u.s.Fields.Update(r.Context(), id, in)
	}
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		v, verr := u.fieldView(r, id, f)
		if verr != nil {
			return verr
		}
		v.Errors, v.Error = fieldErrors(optionErrors(ve.Fields), isFieldFormKey)
		return u.render(w, r, http.StatusUnprocessableEntity, "settings_field", "", v)
	} else if err != nil {
		return err
	}
	done := "field-saved"
	if id == 0 {
		done = "field-created"
	}
	http.Redirect(w, r, "/settings/fields/"+strconv.FormatInt(d.ID, 10)+"?done="+done, http.StatusSeeOther)
	return nil
}

// optionErrors puts the message of one option ("options[2]") on the
// options box, naming the line.
func optionErrors(fields map[string]string) map[string]string {
	out := map[string]string{}
	for k, msg := range fields {
		if i, ok := strings.CutPrefix(k, "options["); ok {
			n, _ := strconv.Atoi(strings.TrimSuffix(i, "]"))
			k, msg = "options", "line "+strconv.Itoa(n+1)+": "+msg
		}
		if _, taken := out[k]; !taken {
			out[k] = msg
		}
	}
	return out
}

func isFieldFormKey(k string) bool {
	switch k {
	case "name", "label", "help", "type", "options", "pipelines", "position":
		return true
	}
	return false
}

// settingsFieldDelete removes a field and its values; a field a status
// requires is kept and the refusal names the statuses.
func (u *UI) settingsFieldDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	err = u.s.Fields.Delete(r.Context(), id)
	if errors.Is(err, domain.ErrConflict) {
		d, gerr := u.s.Fields.Get(r.Context(), id)
		if gerr != nil {
			return gerr
		}
		v, verr := u.fieldView(r, id, fieldFormOf(d))
		if verr != nil {
			return verr
		}
		v.Error = sentenceCase(err.Error())
		return u.render(w, r, http.StatusConflict, "settings_field", "", v)
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, "/settings/fields?done=field-deleted", http.StatusSeeOther)
	return nil
}
