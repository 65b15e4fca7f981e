package demo

import (
	"context"
	"errors"
	"slices"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/team"
)

// staffMember is a demo operator; key is the local part of the address.
type staffMember struct {
	key, name string
	role      operator.Role
}

var staffList = []staffMember{
	{"maya", "Maya Chen", operator.Admin},
	{"daniel", "Daniel Okafor", operator.Admin},
	{"sofia", "Sofia Martins", operator.Agent},
	{"liam", "Liam Novak", operator.Agent},
	{"priya", "Priya Raman", operator.Agent},
	{"jonas", "Jonas Weber", operator.Agent},
	{"amara", "Amara Diallo", operator.Agent},
	{"tom", "Tom Becker", operator.Agent},
}

// teamSpec is a demo team; an empty pipeline means the default one.
type teamSpec struct {
	slug, name, pipeline string
	weight               int // share of the tickets
	members              []string
	mode                 team.AssignmentMode
}

var teamSpecs = []teamSpec{
	{"support", "Support", "", 40, []string{"maya", "sofia", "liam", "amara", "tom"}, team.RoundRobin},
	{"billing", "Billing", "", 20, []string{"priya", "liam", "maya"}, team.Manual},
	{"technical", "Technical", "Technical", 30, []string{"daniel", "jonas", "amara"}, team.FewestOpen},
	{"sales", "Sales", "Sales", 10, []string{"tom", "maya"}, team.Manual},
}

var pipelineSpecs = map[string][]pipeline.StatusInput{
	"Technical": {
		{Name: "Triage", Kind: pipeline.Open}, {Name: "Investigating", Kind: pipeline.Open},
		{Name: "Waiting on customer", Kind: pipeline.Open},
		{Name: "Resolved", Kind: pipeline.Closed}, {Name: "Won't fix", Kind: pipeline.Closed},
	},
	"Sales": {
		{Name: "Lead", Kind: pipeline.Open}, {Name: "Qualified", Kind: pipeline.Open},
		{Name: "Proposal sent", Kind: pipeline.Open},
		{Name: "Won", Kind: pipeline.Closed}, {Name: "Lost", Kind: pipeline.Closed},
	},
}

// ensureOperators creates the demo operators, or gives existing ones the
// demo password (and activates them) so the printed sign-in works.
func (f *filler) ensureOperators(ctx context.Context) error {
	f.staff = map[string]operator.Operator{}
	admin := operator.Operator{Role: operator.Admin}
	for _, m := range staffList {
		email := m.key + "@" + f.opts.Domain
		op, err := f.s.Operators.GetByEmail(ctx, email)
		switch {
		case errors.Is(err, domain.ErrNotFound):
			op, err = f.s.Operators.Create(ctx, operator.NewOperator{Email: email, Name: m.name, Role: m.role,
				Password: f.opts.Password})
		case err == nil:
			active := true
			op, err = f.s.Operators.Update(ctx, admin, op.ID, operator.Patch{Password: &f.opts.Password, Active: &active})
		}
		if err != nil {
			return err
		}
		f.staff[m.key] = op
		f.sum.Operators = append(f.sum.Operators, op)
	}
	return nil
}

// ensureTeams finds or creates each demo team with its pipeline and
// members; a team that exists keeps its settings and gains the members.
func (f *filler) ensureTeams(ctx context.Context) error {
	for _, spec := range teamSpecs {
		t, err := f.ensureTeam(ctx, spec)
		if err != nil {
			return err
		}
		p, err := f.s.Pipelines.Get(ctx, t.PipelineID)
		if err != nil {
			return err
		}
		dt := &demoTeam{Team: t, spec: spec, pipeline: p}
		for _, id := range t.MemberIDs {
			if op, ok := f.staffByID(id); ok {
				dt.members = append(dt.members, op)
			}
		}
		f.teams = append(f.teams, dt)
		f.sum.Teams = append(f.sum.Teams, t.Ref())
	}
	return nil
}

func (f *filler) ensureTeam(ctx context.Context, spec teamSpec) (team.Team, error) {
	ids := make([]int64, len(spec.members))
	for i, key := range spec.members {
		ids[i] = f.staff[key].ID
	}
	t, err := f.s.Teams.Find(ctx, f.s.DB.Read, spec.slug)
	if err == nil {
		return f.addMembers(ctx, t, ids)
	}
	if !errors.Is(err, domain.ErrNotFound) {
		return t, err
	}
	p, err := f.ensurePipeline(ctx, spec.pipeline)
	if err != nil {
		return t, err
	}
	all := team.Channels{Email: true, Form: true, Widget: true, LiveChat: true}
	return f.s.Teams.Create(ctx, team.Input{Name: &spec.name, Slug: &spec.slug, PipelineID: &p.ID,
		AssignmentMode: &spec.mode, Channels: &all, MemberIDs: &ids}, p.ID)
}

func (f *filler) addMembers(ctx context.Context, t team.Team, ids []int64) (team.Team, error) {
	members := slices.Clone(t.MemberIDs)
	for _, id := range ids {
		if !slices.Contains(members, id) {
			members = append(members, id)
		}
	}
	if len(members) == len(t.MemberIDs) {
		return t, nil
	}
	return f.s.Teams.Update(ctx, t.ID, team.Input{MemberIDs: &members})
}

// ensurePipeline returns the pipeline called name, made from its spec when
// missing; the empty name is the default pipeline.
func (f *filler) ensurePipeline(ctx context.Context, name string) (pipeline.Pipeline, error) {
	if name == "" {
		return f.s.Pipelines.EnsureDefault(ctx)
	}
	all, err := f.s.Pipelines.List(ctx)
	if err != nil {
		return pipeline.Pipeline{}, err
	}
	for _, p := range all {
		if p.Name == name {
			return p, nil
		}
	}
	return f.s.Pipelines.Create(ctx, name, pipelineSpecs[name])
}

func (f *filler) staffByID(id int64) (operator.Operator, bool) {
	for _, op := range f.staff {
		if op.ID == id {
			return op, true
		}
	}
	return operator.Operator{}, false
}
