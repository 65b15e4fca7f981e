package ui

import (
	"errors"
	"net/http"
	"slices"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/team"
)

// OperatorEditView is one operator's own page: name, email, role, teams.
type OperatorEditView struct {
	SettingsBase
	Edited  operator.Operator // as typed after a refused save
	Teams   []team.Team
	InTeams []int64
}

// Field is an input of the form.
func (v OperatorEditView) Field(id string) SField {
	f := SField{ID: id, Error: v.Errors[id], Required: true}
	switch id {
	case "email":
		f.Label, f.Value, f.Type = "Email", v.Edited.Email, "email"
	case "name":
		f.Label, f.Value = "Name", v.Edited.Name
	}
	return f
}

// InTeam reports whether the operator is (or was ticked as) in team id.
func (v OperatorEditView) InTeam(id int64) bool { return slices.Contains(v.InTeams, id) }

func (u *UI) operatorEditPage(w http.ResponseWriter, r *http.Request, status int, v OperatorEditView) error {
	teams, err := u.s.Teams.List(r.Context())
	if err != nil {
		return err
	}
	v.Teams = teams
	return u.render(w, r, status, "settings_operator", "", v)
}

// settingsOperatorEdit shows the page of operator {id}.
func (u *UI) settingsOperatorEdit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	op, err := u.s.Operators.Get(r.Context(), id)
	if err != nil {
		return err
	}
	in, err := u.s.Operators.Teams(r.Context(), id)
	if err != nil {
		return err
	}
	v := OperatorEditView{SettingsBase: u.settingsBase(r, "operators"), Edited: op, InTeams: in}
	v.Flash = notice(r)
	return u.operatorEditPage(w, r, http.StatusOK, v)
}

// operatorEditSave saves the whole form of the operator's page; refused
// fields are marked there, with what was typed kept.
func (u *UI) operatorEditSave(w http.ResponseWriter, r *http.Request, id int64) error {
	f := r.PostForm
	name, email, role := f.Get("name"), f.Get("email"), operator.Role(f.Get("role"))
	teams := []int64{}
	for _, s := range f["team"] {
		if t, err := strconv.ParseInt(s, 10, 64); err == nil {
			teams = append(teams, t)
		}
	}
	_, err := u.s.Operators.Update(r.Context(), me(r), id, operator.Patch{Name: &name, Email: &email, Role: &role, Teams: &teams})
	var ve *domain.ValidationError
	if errors.As(err, &ve) || errors.Is(err, domain.ErrConflict) {
		v := OperatorEditView{SettingsBase: u.settingsBase(r, "operators"), InTeams: teams,
			Edited: operator.Operator{ID: id, Name: name, Email: email, Role: role}}
		if ve != nil {
			v.Errors, v.Error = fieldErrors(ve.Fields, func(k string) bool {
				return slices.Contains([]string{"email", "name", "role"}, k)
			})
		} else {
			v.Errors["role"] = sentenceCase(err.Error())
		}
		return u.operatorEditPage(w, r, http.StatusUnprocessableEntity, v)
	} else if err != nil {
		return err
	}
	u.s.Teams.Forget() // memberships are cached with the teams
	http.Redirect(w, r, "/settings/operators/"+strconv.FormatInt(id, 10)+"?done=operator-saved", http.StatusSeeOther)
	return nil
}
