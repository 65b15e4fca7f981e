package report_test

import (
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/report"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func TestOperatorFigures(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		history(k)
		f, err := k.s.Reports.Check(k.ctx, admin, report.Query{From: "2026-03-27", To: "2026-03-31"})
		if err != nil {
			t.Fatal(err)
		}
		rows, err := k.s.Reports.Operators(k.ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		// Ada: assigned T1 at creation, answered T1 and T2 first, closed
		// T1 while it was hers; first responses 2 h and 30 min of
		// business time, whose lower median is 30 min.
		want := `[{"id":` + brief(k.agent.ID) + `,"name":"Ada","email":"ada@example.com","assigned":1,"public_answers":2,"closed":1,"first_response":{"median_s":1800,"p90_s":7200},` +
			`"satisfaction":{"mail":{"rated":0,"satisfied":0,"okay":0,"dissatisfied":0,"rated_pct":0,"satisfied_pct":null},` +
			`"chat":{"rated":0,"satisfied":0,"okay":0,"dissatisfied":0,"rated_pct":null,"satisfied_pct":null},` +
			`"all":{"rated":0,"satisfied":0,"okay":0,"dissatisfied":0,"rated_pct":0,"satisfied_pct":null}}}]`
		if got := brief(rows); got != want {
			t.Errorf("operators\n got %s\nwant %s", got, want)
		}
	})
}

func TestCheck(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		cases := []struct {
			name  string
			asker report.Asker
			q     report.Query
			want  map[string]string
		}{
			{"missing dates", admin, report.Query{},
				map[string]string{"from": "is required (YYYY-MM-DD)", "to": "is required (YYYY-MM-DD)"}},
			{"not dates", admin, report.Query{From: "yesterday", To: "2026-02-30"},
				map[string]string{"from": "must be a date as YYYY-MM-DD", "to": "must be a date as YYYY-MM-DD"}},
			{"ends before it starts", admin, report.Query{From: "2026-03-02", To: "2026-03-01"},
				map[string]string{"to": "must not be before from"}},
			{"over two years", admin, report.Query{From: "2024-01-01", To: "2026-01-02"},
				map[string]string{"to": "the period must be at most 731 days (two years)"}},
			{"unknown filters", admin, report.Query{From: "2026-03-01", To: "2026-03-01", Team: "nope",
				Channel: "fax", Priority: "9", Operator: "who@example.com", Time: "moon"},
				map[string]string{"team": "no such team", "channel": "must be one of email, web_form, widget, chat, manual, api",
					"priority": "must be 0, 1, 2 or 3", "operator": "no such operator", "time": "must be business or wall"}},
			{"an agent asks for a team they are not in", report.Asker{ID: k.agent.ID},
				report.Query{From: "2026-03-01", To: "2026-03-01", Team: "sales"},
				map[string]string{"team": "no such team among yours"}},
		}
		for _, c := range cases {
			_, err := k.s.Reports.Check(k.ctx, c.asker, c.q)
			if got := testutil.Fields(err); brief(got) != brief(c.want) {
				t.Errorf("%s: fields %v, want %v", c.name, got, c.want)
			}
		}
		if _, err := k.s.Reports.Check(k.ctx, admin, report.Query{From: "2024-01-01", To: "2025-12-31"}); err != nil {
			t.Errorf("731 days: %v, want accepted", err)
		}
	})
}

func TestAgentSeesTheirTeams(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		history(k)
		q := report.Query{From: "2026-03-27", To: "2026-03-31"}
		ada := report.Asker{ID: k.agent.ID}
		if got := k.tickets(ada, q).Totals; got.Created != 0 || got.Backlog != 0 {
			t.Errorf("an agent in no team sees %+v, want nothing", got)
		}
		if _, err := k.s.Teams.Update(k.ctx, k.sales.ID, team.Input{MemberIDs: &[]int64{k.agent.ID}}); err != nil {
			t.Fatal(err)
		}
		if got := k.tickets(ada, q).Totals; got.Created != 0 || got.Backlog != 1 {
			t.Errorf("a Sales agent sees created %d backlog %d, want Sales only: 0 and 1", got.Created, got.Backlog)
		}
		if got := k.tickets(admin, q).Totals; got.Created != 5 || got.Backlog != 3 {
			t.Errorf("an admin sees created %d backlog %d, want every team: 5 and 3", got.Created, got.Backlog)
		}
	})
}
