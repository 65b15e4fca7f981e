package api

import (
	"encoding/json"
	"net/http"

	"github.com/frontdesk/frontdesk/internal/field"
	"github.com/frontdesk/frontdesk/internal/httpx"
)

// fieldBody creates or changes a custom field; on a change, a key left
// out keeps its value.
type fieldBody struct {
	Name      *string     `json:"name"`
	Label     *string     `json:"label"`
	Help      *string     `json:"help"`
	Type      *field.Type `json:"type"`
	Options   *[]string   `json:"options"`
	OnCard    *bool       `json:"on_card"`
	Position  *int        `json:"position"`
	Pipelines *[]int64    `json:"pipelines"`
}

func (b fieldBody) over(in field.Input) field.Input {
	set(&in.Name, b.Name)
	set(&in.Label, b.Label)
	set(&in.Help, b.Help)
	set(&in.Type, b.Type)
	set(&in.Options, b.Options)
	set(&in.OnCard, b.OnCard)
	set(&in.Position, b.Position)
	set(&in.Pipelines, b.Pipelines)
	if b.Type != nil && !in.Type.HasOptions() && b.Options == nil {
		in.Options = nil // a field turned into text sheds its options
	}
	return in
}

// set copies v into dst when the request gave it (PATCH semantics).
func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

func (a *API) listFields(w http.ResponseWriter, r *http.Request) error {
	all, err := a.S.Fields.List(r.Context())
	if err != nil {
		return err
	}
	return ok(w, map[string]any{"items": all})
}

func (a *API) getField(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	d, err := a.S.Fields.Get(r.Context(), id)
	if err != nil {
		return err
	}
	return ok(w, d)
}

func (a *API) createField(w http.ResponseWriter, r *http.Request) error {
	if err := requireAdmin(r, "create fields"); err != nil {
		return err
	}
	var in fieldBody
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	d, err := a.S.Fields.Create(r.Context(), in.over(field.Input{}))
	if err != nil {
		return err
	}
	return created(w, d)
}

func (a *API) updateField(w http.ResponseWriter, r *http.Request) error {
	if err := requireAdmin(r, "change fields"); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in fieldBody
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	cur, err := a.S.Fields.Get(r.Context(), id)
	if err != nil {
		return err
	}
	d, err := a.S.Fields.Update(r.Context(), id, in.over(field.InputOf(cur)))
	if err != nil {
		return err
	}
	return ok(w, d)
}

func (a *API) deleteField(w http.ResponseWriter, r *http.Request) error {
	if err := requireAdmin(r, "delete fields"); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := a.S.Fields.Delete(r.Context(), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// customValues reads a ticket's "fields" object, numbers kept as written.
func customValues(raw map[string]json.RawMessage) (map[string]any, error) {
	if raw == nil {
		return nil, nil
	}
	out := make(map[string]any, len(raw))
	for name, v := range raw {
		val, err := field.DecodeJSON(v)
		if err != nil {
			return nil, fieldErr("fields."+name, "is not a JSON value")
		}
		out[name] = val
	}
	return out, nil
}
