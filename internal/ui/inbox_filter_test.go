package ui_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"testing"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// salesTeam adds a team "Sales" on a pipeline without "Waiting".
func (e *env) salesTeam() team.Team {
	e.t.Helper()
	ctx := context.Background()
	pl, err := e.s.Pipelines.Create(ctx, "Sales", []pipeline.StatusInput{{Name: "Lead", Kind: pipeline.Open},
		{Name: "Won", Kind: pipeline.Closed}})
	if err != nil {
		e.t.Fatal(err)
	}
	tm, err := e.s.Teams.Create(ctx, team.Input{Name: testutil.Ptr("Sales")}, pl.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	return tm
}

func (e *env) openWith(in ticket.NewTicket) ticket.Ticket {
	e.t.Helper()
	in.Description = "Hello."
	in.Contact = contact.Identity{Email: "grace@example.com", FirstName: "Grace", LastName: "Hopper"}
	tk, err := e.s.Tickets.Create(context.Background(), in)
	if err != nil {
		e.t.Fatal(err)
	}
	return tk
}

func TestInboxFilters(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		e.salesTeam()
		e.openWith(ticket.NewTicket{Subject: "Broken printer", Team: "support", Priority: 2, Channel: ticket.Email,
			Tags: []string{"hardware"}})
		e.openWith(ticket.NewTicket{Subject: "Invoice question", Team: "support", Priority: 1, Channel: ticket.WebForm,
			Assignee: "agent@example.com"})
		e.openWith(ticket.NewTicket{Subject: "Bulk licence deal", Team: "sales", Priority: 3, Channel: ticket.Chat})
		waiting := e.openWith(ticket.NewTicket{Subject: "Awaiting parts", Team: "support", Priority: 0})
		if _, err := e.s.Tickets.Update(context.Background(), waiting.ID, ticket.Patch{Status: testutil.Ptr("Waiting")}); err != nil {
			t.Fatal(err)
		}
		all := []string{"Broken printer", "Invoice question", "Bulk licence deal", "Awaiting parts"}
		agent := fmt.Sprint(e.ids["agent"])
		cases := []struct {
			name  string
			query url.Values
			want  []string // in order
		}{
			{"all open, highest first", url.Values{"view": {"open"}}, []string{"Bulk licence deal", "Broken printer",
				"Invoice question", "Awaiting parts"}},
			{"team view", url.Values{"view": {"team-sales"}}, []string{"Bulk licence deal"}},
			{"team filter", url.Values{"view": {"open"}, "team": {"support"}}, []string{"Broken printer",
				"Invoice question", "Awaiting parts"}},
			{"status", url.Values{"view": {"open"}, "status": {"Waiting"}}, []string{"Awaiting parts"}},
			{"priority", url.Values{"view": {"open"}, "priority": {"2"}}, []string{"Broken printer"}},
			{"assignee me", url.Values{"view": {"open"}, "assignee": {"me"}}, []string{"Invoice question"}},
			{"assignee by id", url.Values{"view": {"open"}, "assignee": {agent}}, []string{"Invoice question"}},
			{"unassigned", url.Values{"view": {"open"}, "assignee": {"none"}}, []string{"Bulk licence deal",
				"Broken printer", "Awaiting parts"}},
			{"channel", url.Values{"view": {"open"}, "channel": {"chat"}}, []string{"Bulk licence deal"}},
			{"tag", url.Values{"view": {"open"}, "tag": {"hardware"}}, []string{"Broken printer"}},
			{"search", url.Values{"view": {"open"}, "q": {"invoice"}}, []string{"Invoice question"}},
			{"combined", url.Values{"view": {"open"}, "team": {"support"}, "priority": {"0"}}, []string{"Awaiting parts"}},
		}
		for _, tc := range cases {
			res, body := e.do(e.client("agent"), http.MethodGet, "/inbox?"+tc.query.Encode(), nil, nil)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("%s: %d %s", tc.name, res.StatusCode, body)
			}
			expectOrder(t, tc.name, body, tc.want)
			var absent []string
			for _, s := range all {
				if !slices.Contains(tc.want, s) {
					absent = append(absent, s)
				}
			}
			expect(t, tc.name, body, nil, absent)
		}
		// The filter bar keeps its values, and the search box is labelled.
		_, body := e.do(e.client("agent"), http.MethodGet, "/inbox?view=open&q=invoice&channel=web_form&tag=x", nil, nil)
		expect(t, "values kept", body, []string{`name="q" value="invoice"`, `<option value="web_form" selected>`,
			`name="tag" value="x"`, `Sales — open`, "No tickets match these filters"}, nil)
	})
}
