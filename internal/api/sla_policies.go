package api

import (
	"bytes"
	"encoding/json"
	"net/http"

	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/sla"
)

// slaPolicyBody creates or changes an SLA policy. On a change, a field
// left out keeps its value; match and targets are replaced whole when
// sent; calendar_id null means the team's hours; pause_statuses null
// means the pipelines' "Waiting" statuses.
type slaPolicyBody struct {
	Name          *string            `json:"name"`
	Position      *int               `json:"position"`
	Match         *sla.Match         `json:"match"`
	CalendarID    nullableID         `json:"calendar_id"`
	Targets       *sla.TargetMinutes `json:"targets"`
	PauseStatuses json.RawMessage    `json:"pause_statuses"`
	WarnMinutes   *int               `json:"warn_minutes"`
}

func (b slaPolicyBody) over(in sla.Input) (sla.Input, error) {
	set(&in.Name, b.Name)
	set(&in.Position, b.Position)
	set(&in.Match, b.Match)
	set(&in.Targets, b.Targets)
	set(&in.WarnMinutes, b.WarnMinutes)
	if b.CalendarID.Set {
		in.CalendarID = nil
		if b.CalendarID.Value != 0 {
			in.CalendarID = &b.CalendarID.Value
		}
	}
	if len(b.PauseStatuses) > 0 {
		in.PauseStatuses = nil
		if !bytes.Equal(bytes.TrimSpace(b.PauseStatuses), []byte("null")) {
			if err := json.Unmarshal(b.PauseStatuses, &in.PauseStatuses); err != nil {
				return in, httpx.NewError(http.StatusBadRequest, "bad_request", "pause_statuses must be a list of status ids or null")
			}
		}
	}
	return in, nil
}

func (a *API) listSLAPolicies(w http.ResponseWriter, r *http.Request) error {
	all, err := a.S.SLA.List(r.Context())
	if err != nil {
		return err
	}
	return ok(w, map[string]any{"items": all})
}

func (a *API) getSLAPolicy(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	p, err := a.S.SLA.Get(r.Context(), id)
	if err != nil {
		return err
	}
	return ok(w, p)
}

func (a *API) createSLAPolicy(w http.ResponseWriter, r *http.Request) error {
	if err := requireAdmin(r, "create SLA policies"); err != nil {
		return err
	}
	var b slaPolicyBody
	if err := httpx.DecodeJSON(r, &b); err != nil {
		return err
	}
	in, err := b.over(sla.Input{})
	if err != nil {
		return err
	}
	p, err := a.S.SLA.Create(r.Context(), in)
	if err != nil {
		return err
	}
	return created(w, p)
}

func (a *API) updateSLAPolicy(w http.ResponseWriter, r *http.Request) error {
	if err := requireAdmin(r, "change SLA policies"); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var b slaPolicyBody
	if err := httpx.DecodeJSON(r, &b); err != nil {
		return err
	}
	cur, err := a.S.SLA.Get(r.Context(), id)
	if err != nil {
		return err
	}
	in, err := b.over(sla.InputOf(cur))
	if err != nil {
		return err
	}
	p, err := a.S.SLA.Update(r.Context(), id, in)
	if err != nil {
		return err
	}
	return ok(w, p)
}

func (a *API) deleteSLAPolicy(w http.ResponseWriter, r *http.Request) error {
	if err := requireAdmin(r, "delete SLA policies"); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := a.S.SLA.Delete(r.Context(), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
