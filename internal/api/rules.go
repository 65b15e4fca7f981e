package api

import (
	"net/http"

	"github.com/frontdesk/frontdesk/internal/automation"
	"github.com/frontdesk/frontdesk/internal/httpx"
)

// ruleBody creates or changes an automation rule; on a change, a key
// left out keeps its value and a key given replaces it whole.
type ruleBody struct {
	Name     *string              `json:"name"`
	Enabled  *bool                `json:"enabled"`
	Scope    *automation.Scope    `json:"scope"`
	Position *int                 `json:"position"`
	When     *automation.When     `json:"when"`
	If       *[][]automation.Cond `json:"if"`
	Then     *[]automation.Action `json:"then"`
}

func (b ruleBody) over(r automation.Rule) automation.Rule {
	set(&r.Name, b.Name)
	set(&r.Enabled, b.Enabled)
	set(&r.Scope, b.Scope)
	set(&r.Position, b.Position)
	set(&r.When, b.When)
	set(&r.If, b.If)
	set(&r.Then, b.Then)
	return r
}

func (a *API) listRules(w http.ResponseWriter, r *http.Request) error {
	all, err := a.S.Automations.List(r.Context())
	if err != nil {
		return err
	}
	return ok(w, map[string]any{"items": all})
}

func (a *API) getRule(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	rule, err := a.S.Automations.Get(r.Context(), id)
	if err != nil {
		return err
	}
	return ok(w, rule)
}

func (a *API) createRule(w http.ResponseWriter, r *http.Request) error {
	if err := requireAdmin(r, "create rules"); err != nil {
		return err
	}
	var in ruleBody
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	rule, err := a.S.Automations.Create(r.Context(), in.over(automation.Rule{}))
	if err != nil {
		return err
	}
	return created(w, rule)
}

func (a *API) updateRule(w http.ResponseWriter, r *http.Request) error {
	if err := requireAdmin(r, "change rules"); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in ruleBody
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	cur, err := a.S.Automations.Get(r.Context(), id)
	if err != nil {
		return err
	}
	rule, err := a.S.Automations.Update(r.Context(), in.over(cur))
	if err != nil {
		return err
	}
	return ok(w, rule)
}

func (a *API) deleteRule(w http.ResponseWriter, r *http.Request) error {
	if err := requireAdmin(r, "delete rules"); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := a.S.Automations.Delete(r.Context(), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
