package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

var salesStatuses = []pipeline.StatusInput{
	{Name: "Lead", Kind: pipeline.Open}, {Name: "Qualified", Kind: pipeline.Open},
	{Name: "Negotiation", Kind: pipeline.Open}, {Name: "Won", Kind: pipeline.Closed}, {Name: "Lost", Kind: pipeline.Closed},
}

// sales creates the "Sales" pipeline and a team "sales" that uses it.
func sales(t *testing.T, s *app.Services) pipeline.Pipeline {
	t.Helper()
	ctx := context.Background()
	p, err := s.Pipelines.Create(ctx, "Sales", salesStatuses)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Teams.Create(ctx, team.Input{Name: testutil.Ptr("Sales")}, p.ID); err != nil {
		t.Fatal(err)
	}
	return p
}

// openIn opens a ticket in team "sales" and moves it to status.
func openIn(t *testing.T, s *app.Services, subject, status string) ticket.Ticket {
	t.Helper()
	ctx := context.Background()
	tk, err := s.Tickets.Create(ctx, ticket.NewTicket{Subject: subject, Team: "sales",
		Contact: contact.Identity{Email: "buyer@example.com"}})
	if err != nil {
		t.Fatal(err)
	}
	if tk.Status.Name != status {
		if tk, err = s.Tickets.Update(ctx, tk.ID, ticket.Patch{Status: &status}); err != nil {
			t.Fatal(err)
		}
	}
	return tk
}

func mustTicket(t *testing.T, s *app.Services, id int64) ticket.Ticket {
	t.Helper()
	tk, err := s.Tickets.Get(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return tk
}

func mustPipeline(t *testing.T, s *app.Services, id int64) pipeline.Pipeline {
	t.Helper()
	p, err := s.Pipelines.Get(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// shape renders statuses as "Name:kind" in order, for comparisons.
func shape(p pipeline.Pipeline) []string {
	out := make([]string, len(p.Statuses))
	for i, st := range p.Statuses {
		out[i] = st.Name + ":" + string(st.Kind)
		if st.Position != i {
			out[i] += fmt.Sprintf("@%d", st.Position)
		}
	}
	return out
}

// inputs returns p's statuses as update inputs, keeping their ids.
func inputs(p pipeline.Pipeline) []pipeline.StatusInput {
	out := make([]pipeline.StatusInput, len(p.Statuses))
	for i, st := range p.Statuses {
		out[i] = pipeline.StatusInput{ID: st.ID, Name: st.Name, Kind: st.Kind}
	}
	return out
}

func status(t *testing.T, p pipeline.Pipeline, name string) pipeline.Status {
	t.Helper()
	st, ok := p.Find(name)
	if !ok {
		t.Fatalf("pipeline %q has no status %q", p.Name, name)
	}
	return st
}

func lastEvent(t *testing.T, s *app.Services, ticketID int64) ticket.Event {
	t.Helper()
	events, err := s.Tickets.History(context.Background(), ticketID)
	if err != nil || len(events) == 0 {
		t.Fatalf("history of %d: %v, %v", ticketID, events, err)
	}
	return events[len(events)-1]
}

func TestDefaultPipeline(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		p, err := s.Pipelines.EnsureDefault(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"New:open", "In Progress:open", "Waiting:open", "Closed:closed"}
		if p.Name != "Support" || !slices.Equal(shape(p), want) {
			t.Errorf("default pipeline %q %v, want Support %v", p.Name, shape(p), want)
		}
		if p.FirstOpen().Name != "New" || p.FirstClosed().Name != "Closed" {
			t.Errorf("first open %q, first closed %q", p.FirstOpen().Name, p.FirstClosed().Name)
		}
		all, err := s.Pipelines.List(ctx)
		if err != nil || len(all) != 1 || all[0].ID != p.ID {
			t.Errorf("after a second EnsureDefault, pipelines = %+v (%v), want only Support", all, err)
		}
	})
}

func TestCreateValidates(t *testing.T) {
	open, closed := pipeline.StatusInput{Name: "Open", Kind: pipeline.Open}, pipeline.StatusInput{Name: "Done", Kind: pipeline.Closed}
	cases := []struct {
		name     string
		pipeline string
		statuses []pipeline.StatusInput
		field    string
	}{
		{"no statuses", "Empty", nil, "statuses"},
		{"only open", "Open only", []pipeline.StatusInput{open, {Name: "Also open", Kind: pipeline.Open}}, "statuses"},
		{"only closed", "Closed only", []pipeline.StatusInput{closed}, "statuses"},
		{"duplicate status name in any case", "Dup", []pipeline.StatusInput{open, closed, {Name: " open ", Kind: pipeline.Open}}, "statuses[2].name"},
		{"empty status name", "Blank", []pipeline.StatusInput{{Name: "  ", Kind: pipeline.Open}, closed}, "statuses[0].name"},
		{"unknown kind", "Kinds", []pipeline.StatusInput{open, closed, {Name: "Limbo", Kind: "pending"}}, "statuses[2].kind"},
		{"empty pipeline name", " ", []pipeline.StatusInput{open, closed}, "name"},
		{"pipeline name taken in another case", "SUPPORT", []pipeline.StatusInput{open, closed}, "name"},
	}
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		for _, tc := range cases {
			_, err := s.Pipelines.Create(ctx, tc.pipeline, tc.statuses)
			if testutil.Fields(err)[tc.field] == "" {
				t.Errorf("%s: error %v, want a message for %s", tc.name, err, tc.field)
			}
		}
		if all, _ := s.Pipelines.List(ctx); len(all) != 1 {
			t.Errorf("%d pipelines after refused creates, want only the default", len(all))
		}
		p, err := s.Pipelines.Create(ctx, " Sales ", salesStatuses)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"Lead:open", "Qualified:open", "Negotiation:open", "Won:closed", "Lost:closed"}
		if got := mustPipeline(t, s, p.ID); got.Name != "Sales" || !slices.Equal(shape(got), want) {
			t.Errorf("created %q %v, want Sales %v", got.Name, shape(got), want)
		}
	})
}

func TestDelete(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		withTickets := sales(t, s)
		openIn(t, s, "Deal", "Lead")
		support, err := s.Teams.Find(ctx, d.Read, "support")
		if err != nil {
			t.Fatal(err)
		}
		// The sales team moves to Support's pipeline; its ticket stays behind.
		if _, err := s.Teams.Update(ctx, mustTeam(t, s, "sales").ID, team.Input{PipelineID: &support.PipelineID}); err != nil {
			t.Fatal(err)
		}
		usedByTeam, err := s.Pipelines.Create(ctx, "Billing", pipeline.DefaultStatuses)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Teams.Create(ctx, team.Input{Name: testutil.Ptr("Billing")}, usedByTeam.ID); err != nil {
			t.Fatal(err)
		}
		unused, err := s.Pipelines.Create(ctx, "Spare", pipeline.DefaultStatuses)
		if err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name string
			id   int64
			want error
		}{
			{"holds tickets", withTickets.ID, domain.ErrConflict},
			{"used by a team", usedByTeam.ID, domain.ErrConflict},
			{"default used by the support team", support.PipelineID, domain.ErrConflict},
			{"missing", 999999, domain.ErrNotFound},
			{"unused", unused.ID, nil},
		}
		for _, tc := range cases {
			if err := s.Pipelines.Delete(ctx, tc.id); !errors.Is(err, tc.want) {
				t.Errorf("%s: error %v, want %v", tc.name, err, tc.want)
			}
		}
		if _, err := s.Pipelines.Get(ctx, unused.ID); !errors.Is(err, pipeline.ErrNotFound) {
			t.Errorf("deleted pipeline still readable: %v", err)
		}
		for _, id := range []int64{withTickets.ID, usedByTeam.ID, support.PipelineID} {
			if got := mustPipeline(t, s, id); len(got.Statuses) == 0 {
				t.Errorf("pipeline %q lost its statuses after a refused delete", got.Name)
			}
		}
	})
}

func mustTeam(t *testing.T, s *app.Services, slug string) team.Team {
	t.Helper()
	tm, err := s.Teams.Find(context.Background(), s.DB.Read, slug)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}
