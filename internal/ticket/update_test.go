package ticket_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

func pointerTo[T any](v T) *T { return &v }

func patchTicket(t *testing.T, s *app.Services, id int64, p ticket.Patch) ticket.Ticket {
	t.Helper()
	tk, err := s.Tickets.Update(context.Background(), id, p)
	if err != nil {
		t.Fatalf("update ticket %d with %+v: %v", id, p, err)
	}
	return tk
}

func getTicket(t *testing.T, s *app.Services, id int64) ticket.Ticket {
	t.Helper()
	tk, err := s.Tickets.Get(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return tk
}

// historyOf is ticket id's history without the lines automation rules
// add (every team's closed mail is a rule; internal/automation tests them).
func historyOf(t *testing.T, s *app.Services, id int64) []ticket.Event {
	t.Helper()
	events, err := s.Tickets.History(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	out := events[:0]
	for _, e := range events {
		if e.Kind != ticket.EventRule {
			out = append(out, e)
		}
	}
	return out
}

func kindsOf(events []ticket.Event) []string {
	out := make([]string, len(events))
	for i, e := range events {
		out[i] = e.Kind
	}
	return out
}

func mustOperator(t *testing.T, s *app.Services, email, name string) operator.Operator {
	t.Helper()
	op, err := s.Operators.Create(context.Background(), operator.NewOperator{Email: email, Name: name})
	if err != nil {
		t.Fatal(err)
	}
	return op
}

// salesTeam adds the pipeline "Sales" (Lead, Negotiation open; Won, Lost
// closed) and a team "sales" that uses it.
func salesTeam(t *testing.T, s *app.Services) pipeline.Pipeline {
	t.Helper()
	ctx := context.Background()
	p, err := s.Pipelines.Create(ctx, "Sales", []pipeline.StatusInput{{Name: "Lead", Kind: pipeline.Open},
		{Name: "Negotiation", Kind: pipeline.Open}, {Name: "Won", Kind: pipeline.Closed}, {Name: "Lost", Kind: pipeline.Closed}})
	if err != nil {
		t.Fatal(err)
	}
	name := "Sales"
	if _, err := s.Teams.Create(ctx, team.Input{Name: &name}, p.ID); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestUpdateStatusClosesAndReopens(t *testing.T) {
	// Steps run in order on one ticket of the Support pipeline.
	steps := []struct {
		status    string // a name, or "#Name" for that status's id
		wantName  string
		wantOpen  bool
		wantEvent string // "" when nothing changes
	}{
		{"closed", "Closed", false, ticket.EventStatus},
		{"CLOSED", "Closed", false, ""},
		{"#In Progress", "In Progress", true, ticket.EventReopened},
		{" waiting ", "Waiting", true, ticket.EventStatus},
		{"Closed", "Closed", false, ticket.EventStatus},
		{"new", "New", true, ticket.EventReopened},
	}
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		p, err := s.Pipelines.EnsureDefault(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		tk := mustCreate(t, s, newTicket("Broken zipper", "ada@example.com"))
		for _, st := range steps {
			ref := st.status
			if name, ok := strings.CutPrefix(ref, "#"); ok {
				found, _ := p.Find(name)
				ref = fmt.Sprint(found.ID)
			}
			before := historyOf(t, s, tk.ID)
			prev := getTicket(t, s, tk.ID)
			got := patchTicket(t, s, tk.ID, ticket.Patch{Status: &ref})
			if got.Status.Name != st.wantName || got.IsOpen() != st.wantOpen {
				t.Errorf("status %q: ticket in %q open %v, want %q open %v", st.status, got.Status.Name, got.IsOpen(), st.wantName, st.wantOpen)
			}
			if st.wantOpen && got.ClosedAt != nil {
				t.Errorf("status %q: closed_at %v on an open ticket", st.status, got.ClosedAt)
			}
			if !st.wantOpen && (got.ClosedAt == nil || got.ClosedAt.Before(got.CreatedAt)) {
				t.Errorf("status %q: closed_at %v on a closed ticket", st.status, got.ClosedAt)
			}
			after := historyOf(t, s, tk.ID)
			if st.wantEvent == "" {
				if len(after) != len(before) {
					t.Errorf("status %q: recorded %v though nothing changed", st.status, kindsOf(after[len(before):]))
				}
				continue
			}
			if len(after) != len(before)+1 {
				t.Fatalf("status %q: new events %v, want one %s", st.status, kindsOf(after[len(before):]), st.wantEvent)
			}
			e := after[len(after)-1]
			if e.Kind != st.wantEvent || e.Data["from"] != prev.Status.Name || e.Data["to"] != st.wantName {
				t.Errorf("status %q: event %s %v, want %s from %q to %q", st.status, e.Kind, e.Data, st.wantEvent, prev.Status.Name, st.wantName)
			}
		}
	})
}

func TestUpdateStatusMustBelongToTicketPipeline(t *testing.T) {
	cases := []struct {
		name    string
		status  string
		mention string
	}{
		{"status of another pipeline", "won", `"Sales"`},
		{"status of another pipeline by id", "#Won", `"Sales"`},
		{"unknown status", "Shipped", "In Progress"},
	}
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		sales := salesTeam(t, s)
		tk := mustCreate(t, s, newTicket("Wrong status", "ada@example.com"))
		for _, tc := range cases {
			ref := tc.status
			if name, ok := strings.CutPrefix(ref, "#"); ok {
				found, _ := sales.Find(name)
				ref = fmt.Sprint(found.ID)
			}
			_, err := s.Tickets.Update(context.Background(), tk.ID, ticket.Patch{Status: &ref})
			if msg := testutil.Fields(err)["status"]; !strings.Contains(msg, tc.mention) {
				t.Errorf("%s: error %v, want a status message mentioning %s", tc.name, err, tc.mention)
			}
		}
		if got := getTicket(t, s, tk.ID); got.Status.Name != "New" || got.PipelineID != tk.PipelineID {
			t.Errorf("refused status changes moved the ticket to %q", got.Status.Name)
		}
		if n := len(historyOf(t, s, tk.ID)); n != 1 {
			t.Errorf("history has %d events, want only the creation", n)
		}
	})
}

func TestUpdateTeamWithAnotherPipeline(t *testing.T) {
	cases := []struct {
		name       string
		closeFirst bool
		patch      ticket.Patch
		wantStatus string
		wantOpen   bool
		wantEvents []string
	}{
		{name: "open ticket lands in the first open status", patch: ticket.Patch{Team: pointerTo("sales")},
			wantStatus: "Lead", wantOpen: true, wantEvents: []string{ticket.EventTeam, ticket.EventStatus}},
		{name: "team by slug in another case", patch: ticket.Patch{Team: pointerTo("SALES")},
			wantStatus: "Lead", wantOpen: true, wantEvents: []string{ticket.EventTeam, ticket.EventStatus}},
		{name: "closed ticket stays closed", closeFirst: true, patch: ticket.Patch{Team: pointerTo("sales")},
			wantStatus: "Won", wantOpen: false, wantEvents: []string{ticket.EventTeam, ticket.EventStatus}},
		{name: "team and a status of its pipeline", patch: ticket.Patch{Team: pointerTo("sales"), Status: pointerTo("negotiation")},
			wantStatus: "Negotiation", wantOpen: true, wantEvents: []string{ticket.EventTeam, ticket.EventStatus}},
		{name: "same team changes nothing", patch: ticket.Patch{Team: pointerTo("support")},
			wantStatus: "New", wantOpen: true},
	}
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		sales := salesTeam(t, s)
		for _, tc := range cases {
			tk := mustCreate(t, s, newTicket(tc.name, "ada@example.com"))
			if tc.closeFirst {
				tk = patchTicket(t, s, tk.ID, ticket.Patch{Status: pointerTo("Closed")})
			}
			before := len(historyOf(t, s, tk.ID))
			got := patchTicket(t, s, tk.ID, tc.patch)
			wantPipeline, wantTeam := sales.ID, "sales"
			if tc.wantEvents == nil {
				wantPipeline, wantTeam = tk.PipelineID, "support"
			}
			if got.Team.Slug != wantTeam || got.PipelineID != wantPipeline || got.Status.Name != tc.wantStatus || got.IsOpen() != tc.wantOpen {
				t.Errorf("%s: team %q pipeline %d status %q open %v, want %s %d %q %v", tc.name, got.Team.Slug, got.PipelineID,
					got.Status.Name, got.IsOpen(), wantTeam, wantPipeline, tc.wantStatus, tc.wantOpen)
			}
			if kinds := kindsOf(historyOf(t, s, tk.ID)[before:]); !slices.Equal(kinds, tc.wantEvents) {
				t.Errorf("%s: events %v, want %v", tc.name, kinds, tc.wantEvents)
			}
		}
		tk := mustCreate(t, s, newTicket("Stays put", "ada@example.com"))
		refusals := []struct {
			patch ticket.Patch
			field string
		}{
			{ticket.Patch{Team: pointerTo("nowhere")}, "team"},
			{ticket.Patch{Team: pointerTo("sales"), Status: pointerTo("In Progress")}, "status"},
		}
		for _, r := range refusals {
			if _, err := s.Tickets.Update(context.Background(), tk.ID, r.patch); testutil.Fields(err)[r.field] == "" {
				t.Errorf("patch %+v: error %v, want a message for %s", r.patch, err, r.field)
			}
		}
		if got := getTicket(t, s, tk.ID); got.Team.Slug != "support" || got.Status.Name != "New" {
			t.Errorf("refused team changes moved the ticket to %s/%s", got.Team.Slug, got.Status.Name)
		}
	})
}

func TestUpdateFieldsRecordOneEventEach(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ada := mustOperator(t, s, "ada@frontdesk.test", "Ada Agent")
		bo := mustOperator(t, s, "bo@frontdesk.test", "Bo Agent")
		// Steps run in order on one ticket; from and to are the event's data.
		steps := []struct {
			name     string
			patch    ticket.Patch
			event    string // "" when nothing may be recorded
			from, to any
			check    func(tk ticket.Ticket) bool
		}{
			{"priority", ticket.Patch{Priority: pointerTo(2)}, ticket.EventPriority, 0.0, 2.0,
				func(tk ticket.Ticket) bool { return tk.Priority == 2 }},
			{"same priority", ticket.Patch{Priority: pointerTo(2)}, "", nil, nil,
				func(tk ticket.Ticket) bool { return tk.Priority == 2 }},
			{"assignee by email in any case", ticket.Patch{Assignee: pointerTo("ADA@frontdesk.test")}, ticket.EventAssignee, nil, "Ada Agent",
				func(tk ticket.Ticket) bool { return tk.Assignee != nil && tk.Assignee.ID == ada.ID }},
			{"assignee by id", ticket.Patch{Assignee: pointerTo(fmt.Sprint(bo.ID))}, ticket.EventAssignee, "Ada Agent", "Bo Agent",
				func(tk ticket.Ticket) bool { return tk.Assignee != nil && tk.Assignee.ID == bo.ID }},
			{"same assignee", ticket.Patch{Assignee: pointerTo("bo@frontdesk.test")}, "", nil, nil,
				func(tk ticket.Ticket) bool { return tk.Assignee != nil && tk.Assignee.ID == bo.ID }},
			{"empty assignee clears", ticket.Patch{Assignee: pointerTo("")}, ticket.EventAssignee, "Bo Agent", nil,
				func(tk ticket.Ticket) bool { return tk.Assignee == nil }},
			{"subject", ticket.Patch{Subject: pointerTo("  Parcel lost  ")}, ticket.EventSubject, "Where is it?", "Parcel lost",
				func(tk ticket.Ticket) bool { return tk.Subject == "Parcel lost" }},
			{"same subject", ticket.Patch{Subject: pointerTo("Parcel lost")}, "", nil, nil,
				func(tk ticket.Ticket) bool { return tk.Subject == "Parcel lost" }},
			{"tags", ticket.Patch{Tags: &[]string{"Urgent", " billing", "urgent"}}, ticket.EventTags, []any{}, []any{"billing", "urgent"},
				func(tk ticket.Ticket) bool { return slices.Equal(tk.Tags, []string{"billing", "urgent"}) }},
			{"same tags in another order", ticket.Patch{Tags: &[]string{"URGENT", "billing"}}, "", nil, nil,
				func(tk ticket.Ticket) bool { return slices.Equal(tk.Tags, []string{"billing", "urgent"}) }},
			{"remove a tag", ticket.Patch{Tags: &[]string{"billing"}}, ticket.EventTags, []any{"billing", "urgent"}, []any{"billing"},
				func(tk ticket.Ticket) bool { return slices.Equal(tk.Tags, []string{"billing"}) }},
		}
		tk := mustCreate(t, s, newTicket("Where is it?", "cus@example.com"))
		for _, st := range steps {
			before := historyOf(t, s, tk.ID)
			st.patch.ActorID = ada.ID
			got := patchTicket(t, s, tk.ID, st.patch)
			if !st.check(got) {
				t.Errorf("%s: ticket = %+v", st.name, got)
			}
			added := historyOf(t, s, tk.ID)[len(before):]
			if st.event == "" {
				if len(added) != 0 {
					t.Errorf("%s: recorded %v though nothing changed", st.name, kindsOf(added))
				}
				continue
			}
			if len(added) != 1 {
				t.Errorf("%s: recorded %v, want one %s event", st.name, kindsOf(added), st.event)
				continue
			}
			e := added[0]
			if e.Kind != st.event || fmt.Sprint(e.Data["from"]) != fmt.Sprint(st.from) || fmt.Sprint(e.Data["to"]) != fmt.Sprint(st.to) {
				t.Errorf("%s: event %s %v, want %s from %v to %v", st.name, e.Kind, e.Data, st.event, st.from, st.to)
			}
			if e.Actor == nil || e.Actor.ID != ada.ID {
				t.Errorf("%s: actor %+v, want Ada", st.name, e.Actor)
			}
		}
	})
}

func TestUpdateRefusesBadFieldsAndChangesNothing(t *testing.T) {
	cases := []struct {
		name  string
		patch ticket.Patch
		field string
	}{
		{"priority 4", ticket.Patch{Priority: pointerTo(4)}, "priority"},
		{"negative priority", ticket.Patch{Priority: pointerTo(-1)}, "priority"},
		{"unknown assignee", ticket.Patch{Assignee: pointerTo("ghost@example.com")}, "assignee"},
		{"inactive assignee", ticket.Patch{Assignee: pointerTo("gone@frontdesk.test")}, "assignee"},
		{"blank subject", ticket.Patch{Subject: pointerTo("  ")}, "subject"},
		{"long subject", ticket.Patch{Subject: pointerTo(strings.Repeat("s", ticket.MaxSubject+1))}, "subject"},
		{"long tag", ticket.Patch{Tags: &[]string{"ok", strings.Repeat("t", ticket.MaxTag+1)}}, "tags[1]"},
		{"unknown contact", ticket.Patch{Contact: pointerTo(int64(999999))}, "contact"},
		{"one bad field spoils the patch", ticket.Patch{Priority: pointerTo(3), Subject: pointerTo("New subject"),
			Tags: &[]string{"x"}, Assignee: pointerTo("ghost@example.com")}, "assignee"},
	}
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		gone := mustOperator(t, s, "gone@frontdesk.test", "Gone")
		admin := operator.Operator{Role: operator.Admin}
		if _, err := s.Operators.Update(ctx, admin, gone.ID, operator.Patch{Active: pointerTo(false)}); err != nil {
			t.Fatal(err)
		}
		tk := mustCreate(t, s, newTicket("Keep me", "ada@example.com"))
		for _, tc := range cases {
			_, err := s.Tickets.Update(ctx, tk.ID, tc.patch)
			if testutil.Fields(err)[tc.field] == "" {
				t.Errorf("%s: error %v, want a message for %s", tc.name, err, tc.field)
			}
		}
		got := getTicket(t, s, tk.ID)
		if got.Priority != 0 || got.Subject != "Keep me" || len(got.Tags) != 0 || got.Assignee != nil || got.Contact.ID != tk.Contact.ID {
			t.Errorf("refused patches changed the ticket: %+v", got)
		}
		if n := len(historyOf(t, s, tk.ID)); n != 1 {
			t.Errorf("history has %d events after refused patches, want 1", n)
		}
		if _, err := s.Tickets.Update(ctx, 999999, ticket.Patch{Priority: pointerTo(1)}); !errors.Is(err, ticket.ErrNotFound) {
			t.Errorf("update of a missing ticket: %v, want not found", err)
		}
	})
}

func TestRelinkContact(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		tk := mustCreate(t, s, newTicket("Wrong person", "first@example.com"))
		other, err := s.Contacts.Create(ctx, contact.Identity{Email: "right@example.com", FirstName: "Rita", LastName: "Right"}, contact.Patch{})
		if err != nil {
			t.Fatal(err)
		}
		// Mail intake records every sender, the contact too, as a participant.
		if err := ticket.AddParticipants(ctx, d.Write, tk.ID, []ticket.Participant{{Email: "first@example.com"},
			{Email: "colleague@example.com"}}); err != nil {
			t.Fatal(err)
		}
		got := patchTicket(t, s, tk.ID, ticket.Patch{Contact: &other.ID})
		people, err := ticket.Participants(ctx, d.Read, tk.ID)
		if err != nil || len(people) != 0 {
			t.Errorf("participants after relink = %+v (%v), want none: the previous customer and the colleague they"+
				" Cc'd must not get replies with the new link", people, err)
		}
		if got.Contact.ID != other.ID || got.Contact.Email != "right@example.com" {
			t.Errorf("contact after relink = %+v", got.Contact)
		}
		if got.PublicURL == tk.PublicURL {
			t.Error("the public link was not renewed for the new customer")
		}
		events := historyOf(t, s, tk.ID)
		if last := events[len(events)-1]; last.Kind != ticket.EventLinkRotated || last.Data["to_name"] != "Rita Right" {
			t.Errorf("last event %s %v, want the link renewed for Rita Right", last.Kind, last.Data)
		}
		e := events[len(events)-2]
		if e.Kind != ticket.EventContact || e.Data["from"] != float64(tk.Contact.ID) || e.Data["to"] != float64(other.ID) ||
			e.Data["to_name"] != "Rita Right" || fmt.Sprint(e.Data["participants_removed"]) != "[colleague@example.com]" {
			t.Errorf("event %s %v, want contact from %d to %d", e.Kind, e.Data, tk.Contact.ID, other.ID)
		}
		page, err := s.Tickets.List(ctx, ticket.Filter{ContactID: tk.Contact.ID})
		if err != nil || len(page.Items) != 0 {
			t.Errorf("old contact still lists %d tickets (%v)", len(page.Items), err)
		}
		if _, err := s.Contacts.Merge(ctx, tk.Contact.ID, other.ID, 0); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Tickets.Update(ctx, tk.ID, ticket.Patch{Contact: &tk.Contact.ID}); testutil.Fields(err)["contact"] == "" {
			t.Errorf("relink to a merged contact: %v, want a contact field error", err)
		}
	})
}

// A change made "at" a past time (imports, the demo) keeps that time in the
// ticket and its history, and a reopening takes the time of the message.
func TestChangesKeepTheirTime(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		created := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
		in := newTicket("Old ticket", "old@example.com")
		in.CreatedAt = created
		tk := mustCreate(t, s, in)
		closedAt := created.Add(48 * time.Hour)
		tk, err := s.Tickets.Update(ctx, tk.ID, ticket.Patch{Status: testutil.Ptr("Closed"), At: closedAt})
		if err != nil || tk.ClosedAt == nil || !tk.ClosedAt.Equal(closedAt) {
			t.Fatalf("closed_at = %v (%v), want %v", tk.ClosedAt, err, closedAt)
		}
		answered := closedAt.Add(time.Hour)
		if _, err := s.Tickets.AddMessage(ctx, tk.ID, ticket.NewMessage{Kind: ticket.Customer, Body: "Still broken",
			ContactID: tk.Contact.ID, CreatedAt: answered}); err != nil {
			t.Fatal(err)
		}
		events, _ := s.Tickets.History(ctx, tk.ID)
		last := events[len(events)-1]
		if last.Kind != ticket.EventReopened || !last.CreatedAt.Equal(answered) || !events[1].CreatedAt.Equal(closedAt) {
			t.Errorf("history times: %+v", events)
		}
	})
}
