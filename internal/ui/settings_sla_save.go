package ui

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/sla"
)

func (u *UI) settingsSLANew(w http.ResponseWriter, r *http.Request) error {
	f := slaFormOf(sla.Record{})
	f.Warn = "15"
	pipelines, err := u.s.Pipelines.List(r.Context())
	if err != nil {
		return err
	}
	for _, p := range pipelines { // the default: Waiting pauses
		for _, st := range p.Statuses {
			f.Pause[st.ID] = strings.EqualFold(st.Name, "waiting")
		}
	}
	v, err := u.slaView(r, 0, f)
	if err != nil {
		return err
	}
	return u.render(w, r, http.StatusOK, "settings_sla_policy", "", v)
}

func (u *UI) settingsSLAEdit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	p, err := u.s.SLA.Get(r.Context(), id)
	if err != nil {
		return err
	}
	v, err := u.slaView(r, id, slaFormOf(p))
	if err != nil {
		return err
	}
	v.Flash = notice(r)
	return u.render(w, r, http.StatusOK, "settings_sla_policy", "", v)
}

// settingsSLASave creates (no id) or updates a policy; every problem is
// shown on its field and nothing is saved until all are fixed.
func (u *UI) settingsSLASave(w http.ResponseWriter, r *http.Request) error {
	id, err := optionalPathID(r)
	if err != nil {
		return err
	}
	f := slaFormFrom(r.PostForm)
	in, unreadable := f.input()
	var p sla.Record
	switch {
	case len(unreadable) > 0: // never save a target read as none
		err = &domain.ValidationError{Fields: map[string]string{}}
	case id == 0:
		p, err = u.s.SLA.Create(r.Context(), in)
	default:
		p, err = u.s.SLA.Update(r.Context(), id, in)
	}
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		v, verr := u.slaView(r, id, f)
		if verr != nil {
			return verr
		}
		v.Errors, v.Error = fieldErrors(ve.Fields, isSLAField)
		for field := range unreadable {
			v.Errors[field] = "Write whole minutes, such as 60 for an hour, or leave it blank for none."
		}
		return u.render(w, r, http.StatusUnprocessableEntity, "settings_sla_policy", "", v)
	} else if err != nil {
		return err
	}
	done := "sla-saved"
	if id == 0 {
		done = "sla-created"
	}
	http.Redirect(w, r, "/settings/sla/"+strconv.FormatInt(p.ID, 10)+"?done="+done, http.StatusSeeOther)
	return nil
}

// isSLAField: messages shown beside their field; match lists and status
// lists show on their group.
func isSLAField(k string) bool {
	for _, p := range []string{"name", "targets", "warn_minutes", "calendar_id", "match.", "pause_statuses"} {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

func (u *UI) settingsSLADelete(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := u.s.SLA.Delete(r.Context(), id); err != nil {
		return err
	}
	http.Redirect(w, r, "/settings/sla?done=sla-deleted", http.StatusSeeOther)
	return nil
}
