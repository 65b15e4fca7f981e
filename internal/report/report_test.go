package report_test

import (
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/report"
	"github.com/frontdesk/frontdesk/internal/sla"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

var admin = report.Asker{ID: 1, Admin: true}

// history writes the fixed history the figures below were computed from
// by hand (times in Berlin; summer time starts Sunday 2026-03-29 02:00):
//
//	T1 Fri 27 16:00 email, Ada's; Ada answers Mon 30 10:00; closed 12:00
//	   first response: wall 65 h (234000 s), business 2 h (Fri 16-17, Mon 9-10)
//	   resolution: wall 67 h (241200 s), business 4 h (14400 s)
//	T4 Sun 29 00:30 (Sat 23:30 UTC: the Berlin day is the 29th)
//	T2 Mon 30 09:00 web form; Ada answers 09:30; closed 11:00 (2 h);
//	   the customer writes Tue 31 09:00 (reopened); closed 10:00:
//	   resolution wall 25 h (90000 s), business Mon 8 h + Tue 1 h (32400 s)
//	T3 Mon 30 14:00; moved to Sales Tue 31 10:00
//	T5 Mon 30 00:30 summer time (Sun 22:30 UTC: the Berlin day is the 30th)
//
// An SLA policy on Support asks a first response within 1 business hour:
// T2 met it, T1 did not.
func history(k *desk) {
	min := 60
	if _, err := k.s.SLA.Create(k.ctx, sla.Input{Name: "Support", Match: sla.Match{Teams: []int64{k.support.ID}},
		Targets: sla.TargetMinutes{FirstResponse: &min}}); err != nil {
		k.t.Fatal(err)
	}
	closed := testutil.Ptr("Closed")
	t1 := k.open("2026-03-27 16:00", "email", 1, k.agent.Email)
	k.open("2026-03-29 00:30", "api", 0, "")
	k.open("2026-03-30 00:30", "api", 0, "")
	t2 := k.open("2026-03-30 09:00", "web_form", 2, "")
	k.message(t2, "2026-03-30 09:30", ticket.Reply, k.agent.ID)
	k.message(t1, "2026-03-30 10:00", ticket.Reply, k.agent.ID)
	k.patch(t2, "2026-03-30 11:00", ticket.Patch{Status: closed})
	k.patch(t1, "2026-03-30 12:00", ticket.Patch{Status: closed})
	t3 := k.open("2026-03-30 14:00", "email", 0, "")
	k.message(t2, "2026-03-31 09:00", ticket.Customer, 0)
	k.patch(t2, "2026-03-31 10:00", ticket.Patch{Status: closed})
	k.patch(t3, "2026-03-31 10:00", ticket.Patch{Team: testutil.Ptr("sales")})
}

func TestTicketFigures(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		history(k)
		cases := []struct {
			name  string
			q     report.Query
			days  []string
			total string
		}{
			{"support in business time: weekend and DST days, a reopened ticket, a ticket moved out",
				report.Query{From: "2026-03-27", To: "2026-03-31", Team: "support"},
				[]string{
					`{"date":"2026-03-27","created":1,"closed":0,"reopened":0,"backlog":1,"first_response":{"median_s":null,"p90_s":null},"resolution":{"median_s":null,"p90_s":null},"sla_met_pct":null}`,
					`{"date":"2026-03-28","created":0,"closed":0,"reopened":0,"backlog":1,"first_response":{"median_s":null,"p90_s":null},"resolution":{"median_s":null,"p90_s":null},"sla_met_pct":null}`,
					`{"date":"2026-03-29","created":1,"closed":0,"reopened":0,"backlog":2,"first_response":{"median_s":null,"p90_s":null},"resolution":{"median_s":null,"p90_s":null},"sla_met_pct":null}`,
					`{"date":"2026-03-30","created":3,"closed":2,"reopened":0,"backlog":3,"first_response":{"median_s":1800,"p90_s":7200},"resolution":{"median_s":7200,"p90_s":14400},"sla_met_pct":50}`,
					`{"date":"2026-03-31","created":0,"closed":1,"reopened":1,"backlog":2,"first_response":{"median_s":null,"p90_s":null},"resolution":{"median_s":32400,"p90_s":32400},"sla_met_pct":null}`,
				},
				`{"created":5,"closed":3,"reopened":1,"backlog":2,"first_response":{"median_s":1800,"p90_s":7200},"resolution":{"median_s":14400,"p90_s":32400},"sla_met_pct":50}`},
			{"support in wall time",
				report.Query{From: "2026-03-30", To: "2026-03-31", Team: "support", Time: "wall"}, nil,
				`{"created":3,"closed":3,"reopened":1,"backlog":2,"first_response":{"median_s":1800,"p90_s":234000},"resolution":{"median_s":90000,"p90_s":241200},"sla_met_pct":50}`},
			{"sales holds the moved ticket from the day it came",
				report.Query{From: "2026-03-30", To: "2026-03-31", Team: "sales"},
				[]string{
					`{"date":"2026-03-30","created":0,"closed":0,"reopened":0,"backlog":0,"first_response":{"median_s":null,"p90_s":null},"resolution":{"median_s":null,"p90_s":null},"sla_met_pct":null}`,
					`{"date":"2026-03-31","created":0,"closed":0,"reopened":0,"backlog":1,"first_response":{"median_s":null,"p90_s":null},"resolution":{"median_s":null,"p90_s":null},"sla_met_pct":null}`,
				}, ""},
			{"the backlog before the period carries in; a channel filter keeps its tickets",
				report.Query{From: "2026-03-31", To: "2026-03-31", Channel: "api"}, nil,
				`{"created":0,"closed":0,"reopened":0,"backlog":2,"first_response":{"median_s":null,"p90_s":null},"resolution":{"median_s":null,"p90_s":null},"sla_met_pct":null}`},
			{"an operator filter keeps what was theirs",
				report.Query{From: "2026-03-27", To: "2026-03-31", Operator: "ada@example.com"}, nil,
				`{"created":1,"closed":1,"reopened":0,"backlog":0,"first_response":{"median_s":1800,"p90_s":7200},"resolution":{"median_s":14400,"p90_s":14400},"sla_met_pct":50}`},
		}
		for _, c := range cases {
			r := k.tickets(admin, c.q)
			for i, want := range c.days {
				if got := brief(r.Days[i]); got != want {
					t.Errorf("%s: day %d\n got %s\nwant %s", c.name, i, got, want)
				}
			}
			if got := brief(r.Totals); c.total != "" && got != c.total {
				t.Errorf("%s: totals\n got %s\nwant %s", c.name, got, c.total)
			}
		}
	})
}
