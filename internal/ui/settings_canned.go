package ui

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/team"
)

// CannedView is the canned responses list, or one response's form.
type CannedView struct {
	SettingsBase
	Groups []CannedGroup
	Teams  []team.Team
	ID     int64
	Form   chat.Canned
	TeamID int64 // the form's team, 0: every team
}

// CannedGroup is the responses of one team, or the shared ones.
type CannedGroup struct {
	Team  string
	Items []chat.Canned
}

func (u *UI) cannedView(r *http.Request) (CannedView, error) {
	v := CannedView{SettingsBase: u.settingsBase(r, "canned")}
	var err error
	v.Teams, err = u.s.Teams.List(r.Context())
	return v, err
}

func (u *UI) settingsCanned(w http.ResponseWriter, r *http.Request) error {
	v, err := u.cannedView(r)
	if err != nil {
		return err
	}
	list, err := u.s.Chats.CannedList(r.Context())
	if err != nil {
		return err
	}
	names := map[int64]string{}
	for _, t := range v.Teams {
		names[t.ID] = t.Name
	}
	for _, c := range list {
		name := "Every team"
		if c.TeamID != nil {
			name = names[*c.TeamID]
		}
		if n := len(v.Groups); n == 0 || v.Groups[n-1].Team != name {
			v.Groups = append(v.Groups, CannedGroup{Team: name})
		}
		v.Groups[len(v.Groups)-1].Items = append(v.Groups[len(v.Groups)-1].Items, c)
	}
	v.Flash = notice(r)
	return u.render(w, r, http.StatusOK, "settings_canned", "", v)
}

// settingsCannedEdit is the form: empty for a new response.
func (u *UI) settingsCannedEdit(w http.ResponseWriter, r *http.Request) error {
	v, err := u.cannedView(r)
	if err != nil {
		return err
	}
	if v.ID, err = optionalPathID(r); err != nil {
		return err
	}
	if v.ID != 0 {
		if v.Form, err = u.s.Chats.CannedByID(r.Context(), v.ID); err != nil {
			return err
		}
		if v.Form.TeamID != nil {
			v.TeamID = *v.Form.TeamID
		}
	}
	return u.render(w, r, http.StatusOK, "settings_canned_form", "", v)
}

func (u *UI) settingsCannedSave(w http.ResponseWriter, r *http.Request) error {
	id, err := optionalPathID(r)
	if err != nil {
		return err
	}
	in := chat.Canned{ID: id, Shortcut: r.PostFormValue("shortcut"), Body: r.PostFormValue("body")}
	teamID, _ := strconv.ParseInt(r.PostFormValue("team_id"), 10, 64)
	if teamID > 0 {
		in.TeamID = &teamID
	}
	_, err = u.s.Chats.SaveCanned(r.Context(), in)
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		v, verr := u.cannedView(r)
		if verr != nil {
			return verr
		}
		v.ID, v.Form, v.TeamID = id, in, teamID
		v.Errors, v.Error = fieldErrors(ve.Fields, func(k string) bool { return k == "shortcut" || k == "body" || k == "team_id" })
		return u.render(w, r, http.StatusUnprocessableEntity, "settings_canned_form", "", v)
	} else if err != nil {
		return err
	}
	done := "canned-saved"
	if id == 0 {
		done = "canned-created"
	}
	http.Redirect(w, r, "/settings/canned?done="+done, http.StatusSeeOther)
	return nil
}

func (u *UI) settingsCannedDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := u.s.Chats.DeleteCanned(r.Context(), id); err != nil {
		return err
	}
	http.Redirect(w, r, "/settings/canned?done=canned-deleted", http.StatusSeeOther)
	return nil
}
