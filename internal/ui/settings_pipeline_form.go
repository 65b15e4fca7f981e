package ui

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/pipeline"
)

// StatusRow is one status in the pipeline form; ID is zero for a new one.
type StatusRow struct {
	ID           int64
	Name         string
	CustomerName string // "": customers see Name
	Kind         string
	Required     []string
}

// Removed is a status taken out of the form that still exists; if it
// holds tickets, Target says where they go.
type Removed struct {
	ID      int64
	Name    string
	Tickets int
	Target  string
}

// PipelineForm is the pipeline form as typed. Reordering, adding and
// removing rebuild it on the server, so it works without JavaScript.
type PipelineForm struct {
	Name     string
	Statuses []StatusRow
	Removed  []Removed
	Teams    []int64 // the teams it is limited to; none: every team
}

func pipelineFormOf(p pipeline.Pipeline) PipelineForm {
	f := PipelineForm{Name: p.Name, Teams: p.Teams}
	for _, s := range p.Statuses {
		f.Statuses = append(f.Statuses, StatusRow{ID: s.ID, Name: s.Name, CustomerName: s.CustomerName,
			Kind: string(s.Kind), Required: s.Required})
	}
	return f
}

func pipelineFormFrom(v url.Values) PipelineForm {
	f := PipelineForm{Name: v.Get("name"), Teams: []int64{}}
	n, _ := strconv.Atoi(v.Get("n"))
	for i := 0; i < n && i < 200; i++ {
		id, _ := strconv.ParseInt(v.Get(fmt.Sprintf("sid_%d", i)), 10, 64)
		f.Statuses = append(f.Statuses, StatusRow{ID: id, Name: v.Get(fmt.Sprintf("sname_%d", i)),
			CustomerName: v.Get(fmt.Sprintf("scust_%d", i)), Kind: v.Get(fmt.Sprintf("skind_%d", i)), Required: v[fmt.Sprintf("sreq_%d", i)]})
	}
	for _, t := range v["teams"] {
		if id, err := strconv.ParseInt(t, 10, 64); err == nil {
			f.Teams = append(f.Teams, id)
		}
	}
	for _, r := range v["removed"] {
		id, name, _ := strings.Cut(r, ":")
		rid, err := strconv.ParseInt(id, 10, 64)
		if err == nil && rid > 0 {
			f.Removed = append(f.Removed, Removed{ID: rid, Name: name, Target: v.Get("reassign_" + id)})
		}
	}
	return f
}

// edit applies a reorder, add or remove button; it reports false for Save.
func (f *PipelineForm) edit(op string) bool {
	verb, arg, _ := strings.Cut(op, "-")
	i, err := strconv.Atoi(arg)
	ok := err == nil && i >= 0 && i < len(f.Statuses)
	switch {
	case verb == "add":
		f.Statuses = append(f.Statuses, StatusRow{Kind: string(pipeline.Open)})
	case verb == "up" && ok && i > 0:
		f.Statuses[i-1], f.Statuses[i] = f.Statuses[i], f.Statuses[i-1]
	case verb == "down" && ok && i < len(f.Statuses)-1:
		f.Statuses[i+1], f.Statuses[i] = f.Statuses[i], f.Statuses[i+1]
	case verb == "remove" && ok:
		if s := f.Statuses[i]; s.ID != 0 {
			f.Removed = append(f.Removed, Removed{ID: s.ID, Name: s.Name})
		}
		f.Statuses = append(f.Statuses[:i], f.Statuses[i+1:]...)
	case verb == "up" || verb == "down" || verb == "remove":
	default:
		return false
	}
	return true
}

func (f PipelineForm) inputs() []pipeline.StatusInput {
	out := []pipeline.StatusInput{}
	for _, s := range f.Statuses {
		cn := s.CustomerName
		out = append(out, pipeline.StatusInput{ID: s.ID, Name: s.Name, Kind: pipeline.Kind(s.Kind), Required: s.Required,
			CustomerName: &cn})
	}
	return out
}

func (f PipelineForm) reassign() map[int64]string {
	out := map[int64]string{}
	for _, r := range f.Removed {
		if r.Target != "" {
			out[r.ID] = r.Target
		}
	}
	return out
}

// countRemoved fills in how many tickets each removed status holds.
func (u *UI) countRemoved(ctx context.Context, f *PipelineForm) error {
	for i := range f.Removed {
		n, err := u.s.Tickets.CountInStatus(ctx, u.s.DB.Read, f.Removed[i].ID)
		if err != nil {
			return err
		}
		f.Removed[i].Tickets = n
	}
	return nil
}

// PipelineView is the create and edit form of a pipeline.
type PipelineView struct {
	SettingsBase
	ID   int64
	Form PipelineForm
	// Properties are what a status may require; Teams what the pipeline
	// may be limited to.
	Properties []pipeline.Property
	Teams      []Option
	// Automation is HubSpot's ready rules for the saved pipeline; nil
	// while creating one or when the form was refused.
	Automation *PipelineAutomation
}

// choices fills in the properties and teams the form offers, ticking the
// form's teams.
func (u *UI) choices(ctx context.Context, v *PipelineView) error {
	var err error
	if v.Properties, err = u.s.Pipelines.Properties(ctx, v.ID); err != nil {
		return err
	}
	teams, err := u.s.Teams.List(ctx)
	for _, t := range teams {
		v.Teams = append(v.Teams, Option{Value: id64(t.ID), Label: t.Name, Selected: slices.Contains(v.Form.Teams, t.ID)})
	}
	return err
}

// Requires reports whether status row i requires property name.
func (v PipelineView) Requires(i int, name string) bool {
	return i < len(v.Form.Statuses) && slices.Contains(v.Form.Statuses[i].Required, name)
}

// Action is where the form posts.
func (v PipelineView) Action() string {
	if v.ID == 0 {
		return "/settings/pipelines"
	}
	return "/settings/pipelines/" + strconv.FormatInt(v.ID, 10)
}

// StatusError is the message for status i's name or kind.
func (v PipelineView) StatusError(i int) string {
	p := fmt.Sprintf("statuses[%d]", i)
	cust := ""
	if e := v.Errors[p+".customer_name"]; e != "" {
		cust = "The name customers see: " + strings.ToLower(e[:1]) + e[1:]
	}
	return strings.TrimSpace(v.Errors[p+".name"] + " " + v.Errors[p+".kind"] + " " + v.Errors[p+".id"] + " " +
		v.Errors[p+".required"] + " " + cust)
}

// Last is the index of the last status row.
func (v PipelineView) Last() int { return len(v.Form.Statuses) - 1 }
