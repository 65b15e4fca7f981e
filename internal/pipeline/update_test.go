package pipeline_test

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

func TestUpdateRenamesAndReorders(t *testing.T) {
	// Each step edits the current status list; the result must have shape want.
	steps := []struct {
		name string
		edit func(in []pipeline.StatusInput) []pipeline.StatusInput
		want []string
	}{
		{"rename", func(in []pipeline.StatusInput) []pipeline.StatusInput {
			in[1].Name = "Hot lead"
			return in
		}, []string{"Lead:open", "Hot lead:open", "Negotiation:open", "Won:closed", "Lost:closed"}},
		{"reorder", func(in []pipeline.StatusInput) []pipeline.StatusInput {
			return []pipeline.StatusInput{in[2], in[0], in[1], in[4], in[3]}
		}, []string{"Negotiation:open", "Lead:open", "Hot lead:open", "Lost:closed", "Won:closed"}},
		{"swap two names", func(in []pipeline.StatusInput) []pipeline.StatusInput {
			in[0].Name, in[1].Name = in[1].Name, in[0].Name
			return in
		}, []string{"Lead:open", "Negotiation:open", "Hot lead:open", "Lost:closed", "Won:closed"}},
		{"rename to the same name in another case", func(in []pipeline.StatusInput) []pipeline.StatusInput {
			in[2].Name = "HOT LEAD"
			return in
		}, []string{"Lead:open", "Negotiation:open", "HOT LEAD:open", "Lost:closed", "Won:closed"}},
		{"add a status", func(in []pipeline.StatusInput) []pipeline.StatusInput {
			return slices.Insert(in, 1, pipeline.StatusInput{Name: "Demo", Kind: pipeline.Open})
		}, []string{"Lead:open", "Demo:open", "Negotiation:open", "HOT LEAD:open", "Lost:closed", "Won:closed"}},
	}
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		p := sales(t, s)
		tk := openIn(t, s, "Big deal", "Qualified")
		qualified := status(t, p, "Qualified").ID
		for _, st := range steps {
			got, err := s.Pipelines.Update(ctx, p.ID, pipeline.Update{Statuses: st.edit(inputs(mustPipeline(t, s, p.ID)))})
			if err != nil {
				t.Fatalf("%s: %v", st.name, err)
			}
			if !slices.Equal(shape(got), st.want) {
				t.Errorf("%s: statuses %v, want %v", st.name, shape(got), st.want)
			}
			now := mustTicket(t, s, tk.ID)
			renamed, _ := got.StatusByID(qualified)
			if now.Status.ID != qualified || now.Status.Name != renamed.Name {
				t.Errorf("%s: ticket status %+v, want it to stay in status %d, now %q", st.name, now.Status, qualified, renamed.Name)
			}
		}
		renamed, err := s.Pipelines.Update(ctx, p.ID, pipeline.Update{Name: testutil.Ptr(" Deals ")})
		if err != nil || renamed.Name != "Deals" || len(renamed.Statuses) != 6 {
			t.Errorf("rename pipeline: %q with %d statuses (%v), want Deals keeping its statuses", renamed.Name, len(renamed.Statuses), err)
		}
	})
}

func TestUpdateRefusals(t *testing.T) {
	cases := []struct {
		name   string
		update func(p, support pipeline.Pipeline) pipeline.Update
		field  string
	}{
		{"two statuses with one name", func(p, _ pipeline.Pipeline) pipeline.Update {
			in := inputs(p)
			in[1].Name = "lead"
			return pipeline.Update{Statuses: in}
		}, "statuses[1].name"},
		{"no closed status left", func(p, _ pipeline.Pipeline) pipeline.Update {
			in := inputs(p)
			in[3].Kind, in[4].Kind = pipeline.Open, pipeline.Open
			return pipeline.Update{Statuses: in}
		}, "statuses"},
		{"status of another pipeline", func(p, support pipeline.Pipeline) pipeline.Update {
			in := inputs(p)
			in[0].ID = support.Statuses[0].ID
			return pipeline.Update{Statuses: in}
		}, "statuses[0].id"},
		{"one status twice", func(p, _ pipeline.Pipeline) pipeline.Update {
			in := inputs(p)
			in[1].ID = in[0].ID
			return pipeline.Update{Statuses: in}
		}, "statuses[1].id"},
		{"name of another pipeline", func(p, _ pipeline.Pipeline) pipeline.Update {
			return pipeline.Update{Name: testutil.Ptr("support")}
		}, "name"},
	}
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		p := sales(t, s)
		support, err := s.Pipelines.EnsureDefault(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range cases {
			_, err := s.Pipelines.Update(ctx, p.ID, tc.update(p, support))
			if testutil.Fields(err)[tc.field] == "" {
				t.Errorf("%s: error %v, want a message for %s", tc.name, err, tc.field)
			}
			if got := mustPipeline(t, s, p.ID); got.Name != "Sales" || !slices.Equal(shape(got), shape(p)) {
				t.Errorf("%s: refused update changed the pipeline to %q %v", tc.name, got.Name, shape(got))
			}
		}
		if _, err := s.Pipelines.Update(ctx, 999999, pipeline.Update{Name: testutil.Ptr("x")}); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("update of a missing pipeline: %v, want not found", err)
		}
	})
}

func TestRemoveStatusThatHoldsTickets(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		p := sales(t, s)
		a, b := openIn(t, s, "Deal A", "Qualified"), openIn(t, s, "Deal B", "Qualified")
		empty := openIn(t, s, "Deal C", "Lead")
		without := func(name string) []pipeline.StatusInput {
			return slices.DeleteFunc(inputs(p), func(in pipeline.StatusInput) bool { return in.Name == name })
		}
		qualified := status(t, p, "Qualified")

		_, err := s.Pipelines.Update(ctx, p.ID, pipeline.Update{Statuses: without("Qualified")})
		if !errors.Is(err, domain.ErrConflict) {
			t.Errorf("remove without reassign: %v, want a conflict", err)
		}
		_, err = s.Pipelines.Update(ctx, p.ID, pipeline.Update{Statuses: without("Qualified"),
			Reassign: map[int64]string{qualified.ID: "Qualified"}})
		if f := testutil.Fields(err)["reassign."+strconv.FormatInt(qualified.ID, 10)]; f == "" {
			t.Errorf("reassign to the removed status: %v, want a reassign field error", err)
		}
		if got := mustPipeline(t, s, p.ID); !slices.Equal(shape(got), shape(p)) {
			t.Errorf("refused removal changed the pipeline: %v", shape(got))
		}
		if got := mustTicket(t, s, a.ID); got.Status.ID != qualified.ID {
			t.Errorf("refused removal moved the ticket to %+v", got.Status)
		}

		negotiation := status(t, p, "Negotiation")
		got, err := s.Pipelines.Update(ctx, p.ID, pipeline.Update{Statuses: without("Qualified"),
			Reassign: map[int64]string{qualified.ID: strconv.FormatInt(negotiation.ID, 10)}})
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"Lead:open", "Negotiation:open", "Won:closed", "Lost:closed"}; !slices.Equal(shape(got), want) {
			t.Errorf("statuses %v, want %v", shape(got), want)
		}
		for _, tk := range []ticket.Ticket{a, b} {
			now := mustTicket(t, s, tk.ID)
			if now.Status.ID != negotiation.ID || !now.IsOpen() {
				t.Errorf("%s: status %+v, want Negotiation", tk.Subject, now.Status)
			}
			e := lastEvent(t, s, tk.ID)
			if e.Kind != ticket.EventStatus || e.Data["from"] != "Qualified" || e.Data["to"] != "Negotiation" {
				t.Errorf("%s: last event %s %v, want status Qualified -> Negotiation", tk.Subject, e.Kind, e.Data)
			}
		}
		if now := mustTicket(t, s, empty.ID); now.Status.Name != "Lead" {
			t.Errorf("a ticket in a kept status moved to %q", now.Status.Name)
		}
	})
}

func TestRemoveStatusReassignByNameAcrossKinds(t *testing.T) {
	cases := []struct {
		name       string
		from, to   string
		wantOpen   bool
		wantEvent  string
		ticketFrom string
	}{
		{"open to closed by name in any case", "Negotiation", "won", false, ticket.EventStatus, "Negotiation"},
		{"closed to open reopens", "Lost", "LEAD", true, ticket.EventReopened, "Lost"},
	}
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		p := sales(t, s)
		for _, tc := range cases {
			tk := openIn(t, s, tc.name, tc.ticketFrom)
			cur := mustPipeline(t, s, p.ID)
			from := status(t, cur, tc.from)
			in := slices.DeleteFunc(inputs(cur), func(in pipeline.StatusInput) bool { return in.ID == from.ID })
			if _, err := s.Pipelines.Update(ctx, p.ID, pipeline.Update{Statuses: in, Reassign: map[int64]string{from.ID: tc.to}}); err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			now := mustTicket(t, s, tk.ID)
			if now.IsOpen() != tc.wantOpen || (now.ClosedAt == nil) != tc.wantOpen {
				t.Errorf("%s: open %v closed_at %v, want open %v", tc.name, now.IsOpen(), now.ClosedAt, tc.wantOpen)
			}
			if e := lastEvent(t, s, tk.ID); e.Kind != tc.wantEvent {
				t.Errorf("%s: last event %q, want %q", tc.name, e.Kind, tc.wantEvent)
			}
			kind := "closed"
			if tc.wantOpen {
				kind = "open"
			}
			page, err := s.Tickets.List(ctx, ticket.Filter{Kind: kind, Team: "sales"})
			if err != nil || !slices.ContainsFunc(page.Items, func(x ticket.Ticket) bool { return x.ID == tk.ID }) {
				t.Errorf("%s: the %s list (%v) misses the ticket", tc.name, kind, err)
			}
		}
	})
}

func TestChangingStatusKindMovesItsTickets(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		p := sales(t, s)
		tk := openIn(t, s, "Pending signature", "Negotiation")
		other := openIn(t, s, "Fresh", "Lead")
		kindOf := func(k pipeline.Kind) {
			t.Helper()
			in := inputs(mustPipeline(t, s, p.ID))
			in[2].Kind = k // Negotiation
			if _, err := s.Pipelines.Update(ctx, p.ID, pipeline.Update{Statuses: in}); err != nil {
				t.Fatal(err)
			}
		}
		kindOf(pipeline.Closed)
		now := mustTicket(t, s, tk.ID)
		if now.IsOpen() || now.ClosedAt == nil || now.Status.Name != "Negotiation" {
			t.Errorf("after Negotiation became closed: open %v closed_at %v status %q", now.IsOpen(), now.ClosedAt, now.Status.Name)
		}
		if o := mustTicket(t, s, other.ID); !o.IsOpen() || o.ClosedAt != nil {
			t.Errorf("a ticket in another status closed too: %+v", o.Status)
		}
		page, err := s.Tickets.List(ctx, ticket.Filter{Kind: "open", Team: "sales"})
		if err != nil || len(page.Items) != 1 || page.Items[0].ID != other.ID {
			t.Errorf("open list = %d items (%v), want only the ticket in Lead", len(page.Items), err)
		}
		kindOf(pipeline.Open)
		if now := mustTicket(t, s, tk.ID); !now.IsOpen() || now.ClosedAt != nil {
			t.Errorf("after Negotiation became open again: open %v closed_at %v", now.IsOpen(), now.ClosedAt)
		}
	})
}
