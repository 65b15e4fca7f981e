package api

import (
	"net/http"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/pipeline"
)

type statusBody struct {
	ID           int64         `json:"id"`
	Name         string        `json:"name"`
	CustomerName *string       `json:"customer_name"`
	Kind         pipeline.Kind `json:"kind"`
	Required     []string      `json:"required"`
}

type pipelineBody struct {
	Name     *string        `json:"name"`
	Statuses *[]statusBody  `json:"statuses"`
	Reassign map[string]ref `json:"reassign"`
	Position *int           `json:"position"`
	Teams    *[]int64       `json:"teams"`
}

func (b pipelineBody) statuses() []pipeline.StatusInput {
	if b.Statuses == nil {
		return nil
	}
	out := make([]pipeline.StatusInput, len(*b.Statuses))
	for i, s := range *b.Statuses {
		out[i] = pipeline.StatusInput{ID: s.ID, Name: s.Name, Kind: s.Kind, Required: s.Required, CustomerName: s.CustomerName}
	}
	return out
}

func (a *API) listPipelines(w http.ResponseWriter, r *http.Request) error {
	list, err := a.S.Pipelines.List(r.Context())
	if err != nil {
		return err
	}
	if list == nil {
		list = []pipeline.Pipeline{}
	}
	return ok(w, map[string]any{"items": list})
}

func (a *API) getPipeline(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	p, err := a.S.Pipelines.Get(r.Context(), id)
	if err != nil {
		return err
	}
	return ok(w, p)
}

func (a *API) createPipeline(w http.ResponseWriter, r *http.Request) error {
	if err := requireAdmin(r, "create pipelines"); err != nil {
		return err
	}
	var in pipelineBody
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	sts := in.statuses()
	if sts == nil {
		sts = []pipeline.StatusInput{}
	}
	n := pipeline.New{Name: deref(in.Name), Statuses: sts, Position: in.Position}
	if in.Teams != nil {
		n.Teams = *in.Teams
	}
	p, err := a.S.Pipelines.CreateWith(r.Context(), n)
	if err != nil {
		return err
	}
	return created(w, p)
}

func (a *API) updatePipeline(w http.ResponseWriter, r *http.Request) error {
	if err := requireAdmin(r, "change pipelines"); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in pipelineBody
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	u := pipeline.Update{Name: in.Name, Statuses: in.statuses(), ActorID: actor(r).ID,
		Reassign: map[int64]string{}, Position: in.Position, Teams: in.Teams}
	for k, v := range in.Reassign {
		from, err := strconv.ParseInt(k, 10, 64)
		if err != nil {
			return fieldErr("reassign."+k, "keys must be the ids of removed statuses")
		}
		u.Reassign[from] = string(v)
	}
	p, err := a.S.Pipelines.Update(r.Context(), id, u)
	if err != nil {
		return err
	}
	return ok(w, p)
}

func (a *API) deletePipeline(w http.ResponseWriter, r *http.Request) error {
	if err := requireAdmin(r, "delete pipelines"); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := a.S.Pipelines.Delete(r.Context(), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
