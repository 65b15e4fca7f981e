package report_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/report"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// TestReportsAgreeWithTheTickets writes a random history of a few hundred
// tickets (two teams in two time zones, every channel and priority, with
// and without an assignee; answered, closed, reopened by the customer and
// closed again) and expects each report shape (every team, a team, a
// channel, a priority, an operator and their mixes; the period from the
// start and a window in the middle, whose backlog carries in) to give
// what a count from scratch of the tickets and their histories gives;
// and the same again after a rebuild.
func TestReportsAgreeWithTheTickets(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		randomHistory(k, 300)
		truth := countFromScratch(k)
		check := func(when string) {
			for _, q := range agreeQueries(k) {
				got := k.tickets(admin, q)
				for _, day := range got.Days {
					want := truth.day(k, q, day.Date)
					if have := [4]int{day.Created, day.Closed, day.Reopened, day.Backlog}; have != want {
						t.Errorf("%s, %+v on %s: created, closed, reopened, backlog %v; the tickets say %v",
							when, q, day.Date, have, want)
					}
				}
			}
		}
		check("live")
		checkFirstResponses(t, k, truth, "live")
		if _, err := k.s.Reports.Rebuild(k.ctx, nil); err != nil {
			t.Fatal(err)
		}
		check("rebuilt")
		checkFirstResponses(t, k, truth, "rebuilt")
	})
}

// checkFirstResponses compares the period's median first response (wall
// time) of the report, of a team's and of the operators table with the
// median of the tickets' first replies: the report's is the mean of the
// 5 %-wide bucket the median falls in.
func checkFirstResponses(t *testing.T, k *desk, truth scratch, when string) {
	t.Helper()
	for _, q := range []report.Query{{From: "2026-03-02", To: "2026-03-25", Time: "wall"},
		{From: "2026-03-04", To: "2026-03-18", Time: "wall", Team: "support"}} {
		want := truth.firstResponseMedian(q)
		if got := k.tickets(admin, q).Totals.FirstResponse.Median; !near(got, want) {
			t.Errorf("%s, %+v: median first response %v, the tickets say %d s", when, q, show(got), want)
		}
		f, err := k.s.Reports.Check(k.ctx, admin, q)
		if err != nil {
			t.Fatal(err)
		}
		ops, err := k.s.Reports.Operators(k.ctx, f)
		if err != nil || len(ops) != 1 {
			t.Fatalf("operators: %v, %v", ops, err)
		}
		if got := ops[0].FirstResponse.Median; !near(got, want) {
			t.Errorf("%s, %+v: Ada's median first response %v, the tickets say %d s", when, q, show(got), want)
		}
	}
}

func near(got *int64, want int64) bool {
	return got != nil && float64(*got) >= float64(want)*0.95-1 && float64(*got) <= float64(want)*1.05+1
}

func show(v *int64) any {
	if v == nil {
		return nil
	}
	return *v
}

func agreeQueries(k *desk) []report.Query {
	whole, middle := report.Query{From: "2026-03-02", To: "2026-03-25"}, report.Query{From: "2026-03-10", To: "2026-03-16"}
	var out []report.Query
	for _, p := range []report.Query{whole, middle} {
		for _, f := range []report.Query{{}, {Team: "sales"}, {Team: "support"}, {Channel: "email"}, {Priority: "2"},
			{Operator: k.agent.Email}, {Team: "sales", Channel: "api"}, {Team: "support", Priority: "0"},
			{Channel: "widget", Operator: k.agent.Email}} {
			f.From, f.To = p.From, p.To
			out = append(out, f)
		}
	}
	return out
}

// randomHistory opens n tickets over three weeks of March 2026 (summer
// time starts on the 29th, after them) and works some of them.
func randomHistory(k *desk, n int) {
	rnd := rand.New(rand.NewPCG(15, 2026))
	start := at("2026-03-02 00:00")
	for range n {
		created := start.Add(time.Duration(rnd.IntN(21*24*60)) * time.Minute)
		team := []string{"support", "sales"}[rnd.IntN(2)]
		assignee := []string{"", k.agent.Email}[rnd.IntN(2)]
		tk, err := k.s.Tickets.Create(k.ctx, ticket.NewTicket{Subject: "Random", Description: "Help", Team: team,
			Priority: rnd.IntN(4), Channel: ticket.Channel(report.Channels[rnd.IntN(len(report.Channels))]),
			Assignee: assignee, CreatedAt: created, Contact: contactFor(rnd)})
		if err != nil {
			k.t.Fatal(err)
		}
		when := created
		later := func() string {
			when = when.Add(time.Duration(1+rnd.IntN(60*60)) * time.Minute)
			return when.In(berlin).Format("2006-01-02 15:04")
		}
		if rnd.IntN(10) < 6 {
			k.message(tk.ID, later(), ticket.Reply, k.agent.ID)
		}
		for round := 0; round < 2 && rnd.IntN(10) < 6; round++ {
			k.patch(tk.ID, later(), ticket.Patch{Status: testutil.Ptr("Closed")})
			if rnd.IntN(10) < 3 {
				k.message(tk.ID, later(), ticket.Customer, 0)
			} else {
				break
			}
		}
	}
}

func contactFor(rnd *rand.Rand) contact.Identity {
	return contact.Identity{Email: fmt.Sprintf("customer%d@example.com", rnd.IntN(40))}
}

// scratch is what the tickets and their histories say, per ticket.
type scratch struct {
	tickets []scratchTicket
	zones   map[int64]*time.Location
}

type scratchTicket struct {
	firstReply     *time.Time
	team, operator int64
	teamSlug       string
	channel        string
	priority       int
	created        time.Time
	changes        []scratchChange // closes and reopenings, oldest first
}

type scratchChange struct {
	at     time.Time
	closes bool
}

func countFromScratch(k *desk) scratch {
	s := scratch{zones: map[int64]*time.Location{k.support.ID: berlin, k.sales.ID: time.UTC}}
	byID := map[int64]*scratchTicket{}
	rows, err := k.s.DB.Read.QueryContext(k.ctx, `SELECT t.id, t.team_id, tm.slug, t.channel, t.priority,
		COALESCE(t.assignee_id, 0), t.created_at FROM tickets t JOIN teams tm ON tm.id = t.team_id ORDER BY t.id`)
	if err != nil {
		k.t.Fatal(err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		var st scratchTicket
		if err := rows.Scan(&id, &st.team, &st.teamSlug, &st.channel, &st.priority, &st.operator, &st.created); err != nil {
			k.t.Fatal(err)
		}
		s.tickets = append(s.tickets, st)
		ids = append(ids, id)
	}
	rows.Close()
	for i, id := range ids {
		byID[id] = &s.tickets[i]
	}
	replies, err := k.s.DB.Read.QueryContext(k.ctx, `SELECT ticket_id, created_at FROM messages WHERE kind = 'reply'
		ORDER BY created_at, id`)
	if err != nil {
		k.t.Fatal(err)
	}
	for replies.Next() {
		var id int64
		var when time.Time
		if err := replies.Scan(&id, &when); err != nil {
			k.t.Fatal(err)
		}
		if byID[id].firstReply == nil {
			byID[id].firstReply = &when
		}
	}
	replies.Close()
	events, err := k.s.DB.Read.QueryContext(k.ctx, `SELECT ticket_id, kind, data, created_at FROM ticket_events
		WHERE kind IN ('status', 'reopened') ORDER BY id`)
	if err != nil {
		k.t.Fatal(err)
	}
	defer events.Close()
	for events.Next() {
		var id int64
		var kind, data string
		var when time.Time
		if err := events.Scan(&id, &kind, &data, &when); err != nil {
			k.t.Fatal(err)
		}
		var change struct{ From, To string }
		_ = json.Unmarshal([]byte(data), &change)
		if kind == ticket.EventReopened || change.To == "Closed" && change.From != "Closed" {
			byID[id].changes = append(byID[id].changes, scratchChange{at: when, closes: kind != ticket.EventReopened})
		}
	}
	return s
}

// day counts created, closed, reopened and open at the end of date under
// q's filters, from the tickets.
func (s scratch) day(k *desk, q report.Query, date string) [4]int {
	var out [4]int
	for _, t := range s.tickets {
		if !t.matches(k, q) {
			continue
		}
		local := func(at time.Time) string { return at.In(s.zones[t.team]).Format(time.DateOnly) }
		open := false
		if local(t.created) <= date {
			open = true
		}
		if local(t.created) == date {
			out[0]++
		}
		for _, c := range t.changes {
			switch d := local(c.at); {
			case d == date && c.closes:
				out[1]++
			case d == date:
				out[2]++
			}
			if local(c.at) <= date {
				open = !c.closes
			}
		}
		if open {
			out[3]++
		}
	}
	return out
}

// firstResponseMedian is the nearest-rank median of the first replies
// made in q's period under its team, in wall seconds.
func (s scratch) firstResponseMedian(q report.Query) int64 {
	var all []int64
	for _, t := range s.tickets {
		if t.firstReply == nil || q.Team != "" && q.Team != t.teamSlug {
			continue
		}
		if d := t.firstReply.In(s.zones[t.team]).Format(time.DateOnly); d >= q.From && d <= q.To {
			all = append(all, int64(t.firstReply.Sub(t.created).Round(time.Second).Seconds()))
		}
	}
	slices.Sort(all)
	if len(all) == 0 {
		return -1
	}
	return all[(len(all)+1)/2-1]
}

func (t scratchTicket) matches(k *desk, q report.Query) bool {
	return (q.Team == "" || q.Team == t.teamSlug) && (q.Channel == "" || q.Channel == t.channel) &&
		(q.Priority == "" || q.Priority == fmt.Sprint(t.priority)) &&
		(q.Operator == "" || t.operator == k.agent.ID)
}
