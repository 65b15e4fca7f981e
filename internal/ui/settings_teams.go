package ui

import (
	"errors"
	"net/http"
	"slices"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/team"
)

// TeamsView lists the teams.
type TeamsView struct {
	SettingsBase
	Teams     []TeamRow
	Pipelines map[int64]string
}

// TeamRow is one line of the teams list.
type TeamRow struct {
	team.Team
	Pipeline string
	Mode     string
}

func (u *UI) settingsTeams(w http.ResponseWriter, r *http.Request) error {
	ts, err := u.s.Teams.List(r.Context())
	if err != nil {
		return err
	}
	ps, err := u.s.Pipelines.List(r.Context())
	if err != nil {
		return err
	}
	names := map[int64]string{}
	for _, p := range ps {
		names[p.ID] = p.Name
	}
	v := TeamsView{SettingsBase: u.settingsBase(r, "teams")}
	v.Flash = notice(r)
	for _, t := range ts {
		mode := string(t.AssignmentMode)
		if i := slices.IndexFunc(assignmentModes, func(m Mode) bool { return m.Value == mode }); i >= 0 {
			mode = assignmentModes[i].Label
		}
		v.Teams = append(v.Teams, TeamRow{Team: t, Pipeline: names[t.PipelineID], Mode: mode})
	}
	return u.render(w, r, http.StatusOK, "settings_teams", "", v)
}

func (u *UI) settingsTeamNew(w http.ResponseWriter, r *http.Request) error {
	v, err := u.teamView(r, 0, TeamForm{Mode: string(team.Manual),
		Channels: team.Channels{Email: true, Form: true, Widget: true}})
	if err != nil {
		return err
	}
	return u.render(w, r, http.StatusOK, "settings_team", "", v)
}

func (u *UI) settingsTeamEdit(w http.ResponseWriter, r *http.Request) error {
	t, err := u.pathTeam(r)
	if err != nil {
		return err
	}
	id := t.ID
	v, err := u.teamView(r, id, teamFormOf(t))
	if err != nil {
		return err
	}
	v.Flash = notice(r)
	return u.render(w, r, http.StatusOK, "settings_team", "", v)
}

// settingsTeamSave creates (no id) or updates a team.
func (u *UI) settingsTeamSave(w http.ResponseWriter, r *http.Request) error {
	id, err := optionalPathID(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return err
	}
	f := teamFormFrom(r.PostForm)
	var t team.Team
	if id == 0 {
		def, derr := u.s.Pipelines.EnsureDefault(r.Context())
		if derr != nil {
			return derr
		}
		t, err = u.s.Teams.Create(r.Context(), f.input(true), def.ID)
	} else {
		t, err = u.s.Teams.Update(r.Context(), id, f.input(false))
	}
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		v, verr := u.teamView(r, id, f)
		if verr != nil {
			return verr
		}
		v.Errors, v.Error = fieldErrors(ve.Fields, func(k string) bool { return slices.Contains(teamFields, k) })
		return u.render(w, r, http.StatusUnprocessableEntity, "settings_team", "", v)
	} else if err != nil {
		return err
	}
	done := "team-saved"
	if id == 0 {
		done = "team-created"
	}
	toTeamSettings(w, r, t.ID, "", done)
	return nil
}

// pathTeam is the team named by the path's {id}, with its members.
func (u *UI) pathTeam(r *http.Request) (team.Team, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return team.Team{}, err
	}
	return u.s.Teams.Get(r.Context(), id)
}

// postedTeam is pathTeam for a form posted about the team.
func (u *UI) postedTeam(r *http.Request) (team.Team, error) {
	t, err := u.pathTeam(r)
	if err != nil {
		return t, err
	}
	return t, r.ParseForm()
}

// toTeamSettings sends the browser back to page of team id's settings
// ("" for the team itself), saying what was done.
func toTeamSettings(w http.ResponseWriter, r *http.Request, id int64, page, done string) {
	to := "/settings/teams/" + strconv.FormatInt(id, 10)
	if page != "" {
		to += "/" + page
	}
	http.Redirect(w, r, to+"?done="+done, http.StatusSeeOther)
}
