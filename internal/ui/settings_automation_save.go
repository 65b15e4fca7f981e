package ui

import (
	"errors"
	"net/http"

	"github.com/frontdesk/frontdesk/internal/domain"
)

// settingsAutomationSave creates (no id) or updates a rule; refusals go
// on their lines.
func (u *UI) settingsAutomationSave(w http.ResponseWriter, r *http.Request) error {
	id, err := optionalPathID(r)
	if err != nil {
		return err
	}
	f := ruleFormFrom(r.PostForm)
	rule, rows := f.rule(id)
	if id == 0 {
		rule, err = u.s.Automations.Create(r.Context(), rule)
	} else {
		rule, err = u.s.Automations.Update(r.Context(), rule)
	}
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		rest := f.place(ve.Fields, rows)
		v, verr := u.ruleView(r, id, f)
		if verr != nil {
			return verr
		}
		v.Errors, v.Error = fieldErrors(rest, isRuleFormKey)
		if v.Error == "" && len(rest) == 0 {
			v.Error = "Some lines need a change: see below."
		}
		return u.render(w, r, http.StatusUnprocessableEntity, "settings_automation", "", v)
	} else if err != nil {
		return err
	}
	done := "rule-saved"
	if id == 0 {
		done = "rule-created"
	}
	http.Redirect(w, r, "/settings/automations/"+id64(rule.ID)+"?done="+done, http.StatusSeeOther)
	return nil
}

func isRuleFormKey(k string) bool {
	switch k {
	case "name", "pipeline", "team", "channel", "position", "event", "status", "anchor", "after", "if", "then":
		return true
	}
	return false
}

func (u *UI) settingsAutomationDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := u.s.Automations.Delete(r.Context(), id); err != nil {
		return err
	}
	http.Redirect(w, r, "/settings/automations?done=rule-deleted", http.StatusSeeOther)
	return nil
}
