package ui

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/domain"
)

// contactMerge folds the contact ?from into this one. A refusal of the
// domain (two different external ids) is shown on the confirmation page.
func (u *UI) contactMerge(w http.ResponseWriter, r *http.Request) error {
	id, err := contactID(r)
	if err != nil {
		return err
	}
	from := r.PostFormValue("from")
	fromID, _ := strconv.ParseInt(from, 10, 64)
	sc, _ := fromContext(r.Context())
	_, err = u.s.Contacts.Merge(r.Context(), fromID, id, sc.operator.ID)
	var ve *domain.ValidationError
	if errors.Is(err, domain.ErrConflict) || errors.Is(err, domain.ErrNotFound) || errors.As(err, &ve) {
		into, gerr := u.s.Contacts.Get(r.Context(), id)
		if gerr != nil {
			return gerr
		}
		v, verr := u.mergeView(r, into, from)
		if verr != nil {
			return verr
		}
		v.Error = "These contacts were not merged. " + refusal(err, ve)
		return u.render(w, r, http.StatusConflict, "contact_merge", "", v)
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, contactURL(id)+"?done=merged", http.StatusSeeOther)
	return nil
}

// refusal is the domain's reason, as a sentence.
func refusal(err error, ve *domain.ValidationError) string {
	if ve != nil {
		for _, msg := range ve.Fields {
			return sentenceCase(msg)
		}
	}
	return sentenceCase(err.Error())
}
