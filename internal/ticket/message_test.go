package ticket_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

func TestCustomerMessageReopensClosedTicket(t *testing.T) {
	cases := []struct {
		kind     ticket.MessageKind
		reopens  bool
		wantKind string // the last event after the message
	}{
		{ticket.Customer, true, ticket.EventReopened},
		{ticket.Reply, false, ticket.EventStatus},
		{ticket.Note, false, ticket.EventStatus},
		{ticket.System, false, ticket.EventStatus},
	}
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		agent := mustOperator(t, s, "agent@frontdesk.test", "Agent")
		for _, tc := range cases {
			tk := mustCreate(t, s, newTicket("Closed, then "+string(tc.kind), "ada@example.com"))
			patchTicket(t, s, tk.ID, ticket.Patch{Status: pointerTo("In Progress")})
			patchTicket(t, s, tk.ID, ticket.Patch{Status: pointerTo("Closed")})
			m := ticket.NewMessage{Kind: tc.kind, Body: "One more thing"}
			if tc.kind == ticket.Customer {
				m.ContactID = tk.Contact.ID
			} else if tc.kind != ticket.System {
				m.OperatorID = agent.ID
			}
			if _, err := s.Tickets.AddMessage(ctx, tk.ID, m); err != nil {
				t.Fatal(err)
			}
			got := getTicket(t, s, tk.ID)
			if got.IsOpen() != tc.reopens || (got.ClosedAt == nil) != tc.reopens {
				t.Errorf("%s on a closed ticket: open %v closed_at %v, want open %v", tc.kind, got.IsOpen(), got.ClosedAt, tc.reopens)
			}
			if tc.reopens && got.Status.Name != "New" {
				t.Errorf("%s reopened into %q, want the first open status", tc.kind, got.Status.Name)
			}
			events := historyOf(t, s, tk.ID)
			if last := events[len(events)-1]; last.Kind != tc.wantKind {
				t.Errorf("%s: last event %q, want %q", tc.kind, last.Kind, tc.wantKind)
			}
		}
	})
}

func TestFirstResponseTime(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		agent := mustOperator(t, s, "agent@frontdesk.test", "Agent")
		tk := mustCreate(t, s, newTicket("Waiting for an answer", "ada@example.com"))
		base := db.Norm(time.Now().Add(time.Hour))
		steps := []struct {
			m     ticket.NewMessage
			first *time.Time // the first response time after the message; nil for none
		}{
			{ticket.NewMessage{Kind: ticket.Note, Body: "Checking with the warehouse", OperatorID: agent.ID, CreatedAt: base}, nil},
			{ticket.NewMessage{Kind: ticket.System, Body: "Assigned automatically", CreatedAt: base.Add(time.Minute)}, nil},
			{ticket.NewMessage{Kind: ticket.Customer, Body: "Any news?", ContactID: tk.Contact.ID, CreatedAt: base.Add(2 * time.Minute)}, nil},
			{ticket.NewMessage{Kind: ticket.Reply, Body: "It ships today", OperatorID: agent.ID, CreatedAt: base.Add(3 * time.Minute)},
				pointerTo(base.Add(3 * time.Minute))},
			{ticket.NewMessage{Kind: ticket.Reply, Body: "Tracking number follows", OperatorID: agent.ID, CreatedAt: base.Add(4 * time.Minute)},
				pointerTo(base.Add(3 * time.Minute))},
		}
		for _, st := range steps {
			if _, err := s.Tickets.AddMessage(ctx, tk.ID, st.m); err != nil {
				t.Fatal(err)
			}
			got := getTicket(t, s, tk.ID).FirstResponseAt
			if (got == nil) != (st.first == nil) || (got != nil && !got.Equal(*st.first)) {
				t.Errorf("after a %s: first response %v, want %v", st.m.Kind, got, st.first)
			}
		}
		got := getTicket(t, s, tk.ID)
		if got.LastCustomerActivityAt == nil || !got.LastCustomerActivityAt.Equal(base.Add(2*time.Minute)) {
			t.Errorf("last customer activity %v, want the customer's message time", got.LastCustomerActivityAt)
		}
	})
}

func TestPublicThreadHidesNotesAndSystemMessages(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		agent := mustOperator(t, s, "agent@frontdesk.test", "Agent")
		tk := mustCreate(t, s, newTicket("Refund", "ada@example.com"))
		adds := []ticket.NewMessage{
			{Kind: ticket.Note, Body: "SECRET: customer is on the watch list", OperatorID: agent.ID},
			{Kind: ticket.Reply, Body: "We are on it", OperatorID: agent.ID},
			{Kind: ticket.System, Body: "SECRET: escalated by rule 7"},
			{Kind: ticket.Customer, Body: "Thanks!", ContactID: tk.Contact.ID},
			{Kind: ticket.Note, Body: "SECRET: refund approved <b>internally</b>", OperatorID: agent.ID},
		}
		for _, m := range adds {
			if _, err := s.Tickets.AddMessage(ctx, tk.ID, m); err != nil {
				t.Fatal(err)
			}
		}
		cases := []struct {
			publicOnly bool
			want       []ticket.MessageKind
		}{
			{true, []ticket.MessageKind{ticket.Customer, ticket.Reply, ticket.Customer}},
			{false, []ticket.MessageKind{ticket.Customer, ticket.Note, ticket.Reply, ticket.System, ticket.Customer, ticket.Note}},
		}
		for _, tc := range cases {
			msgs, err := s.Tickets.Messages(ctx, tk.ID, tc.publicOnly)
			if err != nil {
				t.Fatal(err)
			}
			var kinds []ticket.MessageKind
			for _, m := range msgs {
				kinds = append(kinds, m.Kind)
				if tc.publicOnly && (strings.Contains(m.Body, "SECRET") || strings.Contains(m.BodyHTML, "SECRET")) {
					t.Errorf("public thread shows %q", m.Body)
				}
			}
			if !slices.Equal(kinds, tc.want) {
				t.Errorf("publicOnly=%v: kinds %v, want %v", tc.publicOnly, kinds, tc.want)
			}
		}
		all, _ := s.Tickets.Messages(ctx, tk.ID, false)
		if last := all[len(all)-1]; strings.Contains(last.BodyHTML, "<b>") || last.Author.Type != "operator" {
			t.Errorf("note html %q author %+v: want escaped text by the operator", last.BodyHTML, last.Author)
		}
		if _, err := s.Tickets.Messages(ctx, 999999, true); !errors.Is(err, ticket.ErrNotFound) {
			t.Errorf("thread of a missing ticket: %v, want not found", err)
		}
	})
}

func TestAddMessageRefusals(t *testing.T) {
	cases := []struct {
		name string
		id   int64 // 0 for the test ticket
		m    ticket.NewMessage
		want string // a field name, or "not found"
	}{
		{"blank body", 0, ticket.NewMessage{Kind: ticket.Reply, Body: " \n "}, "body"},
		{"unknown kind", 0, ticket.NewMessage{Kind: "memo", Body: "x"}, "kind"},
		{"too long", 0, ticket.NewMessage{Kind: ticket.Reply, Body: strings.Repeat("x", ticket.MaxBody+1)}, "body"},
		{"missing ticket", 999999, ticket.NewMessage{Kind: ticket.Reply, Body: "hello"}, "not found"},
	}
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		tk := mustCreate(t, s, newTicket("Quiet", "ada@example.com"))
		for _, tc := range cases {
			id := tc.id
			if id == 0 {
				id = tk.ID
			}
			_, err := s.Tickets.AddMessage(context.Background(), id, tc.m)
			if tc.want == "not found" {
				if !errors.Is(err, domain.ErrNotFound) {
					t.Errorf("%s: %v, want not found", tc.name, err)
				}
			} else if testutil.Fields(err)[tc.want] == "" {
				t.Errorf("%s: %v, want a message for %s", tc.name, err, tc.want)
			}
		}
		if n := count(t, d, "messages"); n != 1 {
			t.Errorf("%d messages after refusals, want only the description", n)
		}
	})
}

func TestRotateToken(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		tk := mustCreate(t, s, newTicket("Public link", "ada@example.com"))
		if got, err := s.Tickets.ByToken(ctx, tk.PublicToken); err != nil || got.ID != tk.ID {
			t.Fatalf("ByToken(original) = %d, %v", got.ID, err)
		}
		rotated, err := s.Tickets.RotateToken(ctx, tk.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if rotated.PublicToken == tk.PublicToken || rotated.PublicURL == tk.PublicURL ||
			!strings.HasSuffix(rotated.PublicURL, "/t/"+rotated.PublicToken) {
			t.Errorf("rotated link %q (token %q), want a new one", rotated.PublicURL, rotated.PublicToken)
		}
		cases := []struct {
			name  string
			token string
			want  int64 // ticket id, 0 for not found
		}{
			{"old token", tk.PublicToken, 0},
			{"new token", rotated.PublicToken, tk.ID},
			{"new token changed in case", strings.ToUpper(rotated.PublicToken), 0},
			{"empty", "", 0},
			{"short", rotated.PublicToken[:10], 0},
		}
		for _, tc := range cases {
			got, err := s.Tickets.ByToken(ctx, tc.token)
			if tc.want == 0 && !errors.Is(err, ticket.ErrNotFound) {
				t.Errorf("%s: ticket %d, %v; want not found", tc.name, got.ID, err)
			}
			if tc.want != 0 && (err != nil || got.ID != tc.want) {
				t.Errorf("%s: ticket %d, %v; want %d", tc.name, got.ID, err, tc.want)
			}
		}
		events := historyOf(t, s, tk.ID)
		if events[len(events)-1].Kind != ticket.EventLinkRotated {
			t.Errorf("history %v, want a link_rotated event last", kindsOf(events))
		}
		if _, err := s.Tickets.RotateToken(ctx, 999999, 0); !errors.Is(err, ticket.ErrNotFound) {
			t.Errorf("rotate on a missing ticket: %v, want not found", err)
		}
	})
}
