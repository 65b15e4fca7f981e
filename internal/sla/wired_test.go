package sla_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/calendar"
	"github.com/frontdesk/frontdesk/internal/config"
	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/events"
	"github.com/frontdesk/frontdesk/internal/sla"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// world is a helpdesk on one database whose SLA clock reads w.now.
type world struct {
	t    *testing.T
	ctx  context.Context
	s    *app.Services
	team team.Team
	now  time.Time
	bus  *recorder
}

// recorder is a bus that remembers what was published.
type recorder struct {
	events.Local
	mu   sync.Mutex
	seen []string
}

func (r *recorder) Publish(kind string, id int64) {
	r.mu.Lock()
	r.seen = append(r.seen, kind)
	r.mu.Unlock()
	r.Local.Publish(kind, id)
}

func (r *recorder) count(kind string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, k := range r.seen {
		if k == kind {
			n++
		}
	}
	return n
}

func newWorld(t *testing.T, d *db.DB) *world {
	w := &world{t: t, ctx: context.Background(), s: app.NewServices(d, config.Defaults()), bus: &recorder{}}
	var err error
	if w.team, err = w.s.Bootstrap(w.ctx); err != nil {
		t.Fatal(err)
	}
	w.s.UseBus(w.bus)
	w.s.SLA.Now = func() time.Time { return w.now }
	return w
}

func berlinHours(name string, day [][]string, exceptions ...calendar.ExceptionInput) calendar.Input {
	h := map[string][][]string{}
	for _, d := range []string{"mon", "tue", "wed", "thu", "fri"} {
		h[d] = day
	}
	return calendar.Input{Name: name, TimeZone: "Europe/Berlin", Hours: h, Exceptions: exceptions}
}

// teamHours gives the team a 09:00-17:00 calendar and returns its id.
func (w *world) teamHours() int64 {
	c, err := w.s.Calendars.Create(w.ctx, berlinHours("Office", [][]string{{"09:00", "17:00"}}))
	if err != nil {
		w.t.Fatal(err)
	}
	if _, err := w.s.Teams.Update(w.ctx, w.team.ID, team.Input{CalendarID: &c.ID}); err != nil {
		w.t.Fatal(err)
	}
	return c.ID
}

func (w *world) policy(in sla.Input) sla.Record {
	w.t.Helper()
	r, err := w.s.SLA.Create(w.ctx, in)
	if err != nil {
		w.t.Fatal(err)
	}
	return r
}

func mins(n int) *int { return &n }

func (w *world) open(when string, priority int) ticket.Ticket {
	w.t.Helper()
	w.now = at(when)
	tk, err := w.s.Tickets.Create(w.ctx, ticket.NewTicket{Subject: "Printer on fire", Description: "Help",
		Team: w.team.Slug, Priority: priority, CreatedAt: at(when), Contact: contact.Identity{Email: "ana@example.com"}})
	if err != nil {
		w.t.Fatal(err)
	}
	return tk
}

func (w *world) patch(id int64, when string, p ticket.Patch) {
	w.t.Helper()
	w.now, p.At = at(when), at(when)
	if _, err := w.s.Tickets.Update(w.ctx, id, p); err != nil {
		w.t.Fatal(err)
	}
}

func (w *world) message(id int64, when string, kind ticket.MessageKind) {
	w.t.Helper()
	w.now = at(when)
	m := ticket.NewMessage{Kind: kind, Body: "Hello", CreatedAt: at(when)}
	if kind == ticket.Reply {
		m.OperatorID = 0
	}
	if _, err := w.s.Tickets.AddMessage(w.ctx, id, m); err != nil {
		w.t.Fatal(err)
	}
}

func (w *world) get(id int64) ticket.Ticket {
	w.t.Helper()
	tk, err := w.s.Tickets.Get(w.ctx, id)
	if err != nil {
		w.t.Fatal(err)
	}
	return tk
}

// due is a target's due time in Berlin, as "2006-01-02 15:04".
func due(t *ticket.SLATarget) string {
	if t == nil || t.DueAt == nil {
		return ""
	}
	return t.DueAt.In(berlin).Format("2006-01-02 15:04")
}

func str(s string) *string { return &s }

// wired runs fn on a fresh helpdesk on each engine.
func wired(t *testing.T, name string, fn func(t *testing.T, w *world)) {
	t.Run(name, func(t *testing.T) {
		testutil.Engines(t, func(t *testing.T, d *db.DB) { fn(t, newWorld(t, d)) })
	})
}

func TestWiredClock(t *testing.T) {
	{
		wired(t, "opened Friday 16:30 with a 1 h first response in 09:00-17:00 is due Monday 09:30", func(t *testing.T, w *world) {
			w.teamHours()
			w.policy(sla.Input{Name: "Standard", Targets: sla.TargetMinutes{FirstResponse: mins(60)}})
			tk := w.get(w.open("2026-03-06 16:30", 0).ID)
			if tk.SLA == nil || due(tk.SLA.FirstResponse) != "2026-03-09 09:30" || tk.SLA.FirstResponse.State != "running" {
				t.Fatalf("sla %+v, want first response running, due 2026-03-09 09:30", tk.SLA)
			}
			if tk.SLA.DueAt == nil || !tk.SLA.DueAt.Equal(at("2026-03-09 09:30")) {
				t.Errorf("stored next due %v, want Monday 09:30", tk.SLA.DueAt)
			}
		})
		wired(t, "a lunch break and a holiday are skipped", func(t *testing.T, w *world) {
			c, err := w.s.Calendars.Create(w.ctx, berlinHours("Lunch", [][]string{{"09:00", "12:30"}, {"13:30", "17:00"}},
				calendar.ExceptionInput{Date: "2026-03-09", Name: "Founders' Day"}))
			if err != nil {
				t.Fatal(err)
			}
			w.policy(sla.Input{Name: "Lunch", CalendarID: &c.ID, Targets: sla.TargetMinutes{FirstResponse: mins(270)}})
			tk := w.get(w.open("2026-03-06 16:30", 0).ID)
			if got := due(tk.SLA.FirstResponse); got != "2026-03-10 14:00" {
				t.Errorf("due %s, want Tuesday 2026-03-10 14:00", got)
			}
		})
		wired(t, "a pause over the weekend keeps the time left", func(t *testing.T, w *world) {
			w.teamHours()
			w.policy(sla.Input{Name: "Resolve", Targets: sla.TargetMinutes{Resolution: mins(16 * 60)}})
			id := w.open("2026-03-05 09:00", 0).ID
			w.patch(id, "2026-03-06 13:00", ticket.Patch{Status: str("Waiting")})
			if tk := w.get(id); !tk.SLA.Resolution.Paused || tk.SLA.Resolution.DueAt != nil || tk.SLA.State != "paused" {
				t.Fatalf("waiting: %+v, want paused with no due time", tk.SLA.Resolution)
			}
			w.patch(id, "2026-03-09 10:00", ticket.Patch{Status: str("In Progress")})
			if got := due(w.get(id).SLA.Resolution); got != "2026-03-09 14:00" {
				t.Errorf("due %s, want Monday 14:00 (12 h used before the pause)", got)
			}
		})
		wired(t, "a priority raised on a three-day-old ticket breaches at the change, in the history", func(t *testing.T, w *world) {
			w.teamHours()
			w.policy(sla.Input{Name: "Urgent", Match: sla.Match{Priorities: []int{3}}, Targets: sla.TargetMinutes{Resolution: mins(16 * 60)}})
			w.policy(sla.Input{Name: "Standard", Targets: sla.TargetMinutes{Resolution: mins(40 * 60)}})
			id := w.open("2026-03-02 09:00", 1).ID
			if got := due(w.get(id).SLA.Resolution); got != "2026-03-06 17:00" {
				t.Fatalf("standard due %s, want Friday 17:00", got)
			}
			w.patch(id, "2026-03-05 10:00", ticket.Patch{Priority: testutil.Ptr(3)})
			tk := w.get(id)
			if tk.SLA.Resolution.State != "breached" || due(tk.SLA.Resolution) != "2026-03-05 10:00" {
				t.Errorf("resolution %+v, want breached, due at the change (Thursday 10:00)", tk.SLA.Resolution)
			}
			want := "SLA recomputed: resolution due Fri 6 Mar 17:00, now Thu 5 Mar 10:00 (breached at the change) (priority 1 to 3)"
			if !historyHas(t, w, id, want) {
				t.Errorf("history lacks %q", want)
			}
		})
		wired(t, "a customer reply on the public page restarts next response", func(t *testing.T, w *world) {
			w.teamHours()
			w.policy(sla.Input{Name: "Replies", Targets: sla.TargetMinutes{FirstResponse: mins(60), NextResponse: mins(120)}})
			id := w.open("2026-03-02 09:00", 0).ID
			w.message(id, "2026-03-02 09:40", ticket.Reply)
			w.message(id, "2026-03-02 15:00", ticket.Customer)
			tk := w.get(id)
			if tk.SLA.FirstResponse.State != "met" || due(tk.SLA.NextResponse) != "2026-03-02 17:00" {
				t.Fatalf("after the customer wrote: first %+v next %+v, want met and next due 17:00", tk.SLA.FirstResponse, tk.SLA.NextResponse)
			}
			w.message(id, "2026-03-02 16:00", ticket.Reply)
			w.message(id, "2026-03-03 10:00", ticket.Customer)
			if got := w.get(id).SLA.NextResponse; got.State != "running" || due(got) != "2026-03-03 12:00" {
				t.Errorf("next response %+v, want a fresh 2 h: due Tuesday 12:00", got)
			}
		})
		wired(t, "a reopened ticket keeps the resolution time it used", func(t *testing.T, w *world) {
			w.teamHours()
			w.policy(sla.Input{Name: "Resolve", Targets: sla.TargetMinutes{Resolution: mins(16 * 60)}})
			id := w.open("2026-03-02 09:00", 0).ID
			w.patch(id, "2026-03-02 15:00", ticket.Patch{Status: str("Closed")})
			if r := w.get(id).SLA.Resolution; r.State != "met" {
				t.Fatalf("closed: %+v, want met", r)
			}
			w.message(id, "2026-03-04 09:00", ticket.Customer) // a customer's message reopens it
			if got := due(w.get(id).SLA.Resolution); got != "2026-03-05 11:00" {
				t.Errorf("due %s, want Thursday 11:00 (10 h left)", got)
			}
		})
		wired(t, "daylight saving: Friday 27 March 16:30 is due Monday 09:30 summer time", func(t *testing.T, w *world) {
			w.teamHours()
			w.policy(sla.Input{Name: "Standard", Targets: sla.TargetMinutes{FirstResponse: mins(60)}})
			tk := w.get(w.open("2026-03-27 16:30", 0).ID)
			if tk.SLA.FirstResponse.DueAt == nil || !tk.SLA.FirstResponse.DueAt.Equal(time.Date(2026, 3, 30, 7, 30, 0, 0, time.UTC)) {
				t.Errorf("due %v, want 2026-03-30 07:30 UTC (09:30 CEST)", tk.SLA.FirstResponse.DueAt)
			}
		})
		wired(t, "created in a pause status, the clock starts when the ticket moves on", func(t *testing.T, w *world) {
			w.teamHours()
			w.policy(sla.Input{Name: "Resolve", Targets: sla.TargetMinutes{Resolution: mins(16 * 60)}})
			w.now = at("2026-03-05 09:00")
			tk, err := w.s.Tickets.Create(w.ctx, ticket.NewTicket{Subject: "Parts on order", Description: "Waiting for them",
				Team: w.team.Slug, Status: "Waiting", CreatedAt: w.now, Contact: contact.Identity{Email: "ana@example.com"}})
			if err != nil {
				t.Fatal(err)
			}
			if tk.SLA == nil || !tk.SLA.Resolution.Paused {
				t.Fatalf("created waiting: %+v, want a paused resolution", tk.SLA)
			}
			w.patch(tk.ID, "2026-03-06 09:00", ticket.Patch{Status: str("In Progress")})
			if got := due(w.get(tk.ID).SLA.Resolution); got != "2026-03-09 17:00" {
				t.Errorf("due %s, want Monday 17:00 (nothing counted while it waited)", got)
			}
		})
		wired(t, "a ticket no policy applied to starts its clock when one applies", func(t *testing.T, w *world) {
			w.teamHours()
			w.policy(sla.Input{Name: "Urgent", Match: sla.Match{Priorities: []int{3}}, Targets: sla.TargetMinutes{Resolution: mins(16 * 60)}})
			id := w.open("2026-03-02 09:00", 1).ID
			if w.get(id).SLA != nil {
				t.Fatal("a priority 1 ticket has an SLA, want none")
			}
			w.patch(id, "2026-03-05 10:00", ticket.Patch{Priority: testutil.Ptr(3)})
			if got := due(w.get(id).SLA.Resolution); got != "2026-03-09 10:00" {
				t.Errorf("due %s, want Monday 10:00 (16 h from the change, not from the creation)", got)
			}
		})
		wired(t, "a creation answers the SLA the ticket stored", func(t *testing.T, w *world) {
			w.teamHours()
			w.policy(sla.Input{Name: "All", WarnMinutes: 30, Targets: sla.TargetMinutes{FirstResponse: mins(60), Resolution: mins(480)}})
			created := w.open("2026-03-02 09:00", 0)
			stored := w.get(created.ID)
			a, b := created.SLA, stored.SLA
			if a == nil || b == nil || a.State != b.State || a.TimeZone != b.TimeZone || !a.DueAt.Equal(*b.DueAt) ||
				due(a.FirstResponse) != due(b.FirstResponse) || due(a.Resolution) != due(b.Resolution) ||
				(a.NextResponse == nil) != (b.NextResponse == nil) {
				t.Errorf("creation answered %+v, the ticket reads %+v", a, b)
			}
		})
		wired(t, "no policy: sla is null", func(t *testing.T, w *world) {
			if tk := w.get(w.open("2026-03-02 09:00", 0).ID); tk.SLA != nil {
				t.Errorf("sla %+v without any policy, want nil", tk.SLA)
			}
		})
	}
}

func historyHas(t *testing.T, w *world, id int64, line string) bool {
	t.Helper()
	hist, err := w.s.Tickets.History(w.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, e := range hist {
		if e.Kind == sla.EventKind {
			l, _ := e.Data["line"].(string)
			if l == line {
				return true
			}
			lines = append(lines, l)
		}
	}
	t.Logf("SLA lines: %s", strings.Join(lines, " | "))
	return false
}

func TestWorkerAnnouncesOnce(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.teamHours()
		w.policy(sla.Input{Name: "Standard", Targets: sla.TargetMinutes{FirstResponse: mins(60)}, WarnMinutes: 15})
		id := w.open("2026-03-06 16:30", 0).ID
		tick := func(when string, want int) {
			t.Helper()
			w.now = at(when)
			n, err := w.s.SLA.Tick(w.ctx)
			if err != nil || n != want {
				t.Fatalf("tick at %s took %d tickets (%v), want %d", when, n, err, want)
			}
		}
		tick("2026-03-09 09:14", 0)
		tick("2026-03-09 09:15", 1)
		if w.bus.count("sla.warning") != 1 || w.get(id).SLA.FirstResponse.State != "warning" {
			t.Fatalf("after the warning time: %d warnings, state %s", w.bus.count("sla.warning"), w.get(id).SLA.FirstResponse.State)
		}
		if !historyHas(t, w, id, "SLA warning: first response due Mon 9 Mar 09:30") {
			t.Error("no warning line in the history")
		}
		tick("2026-03-09 09:20", 0) // nothing new until the due time
		tick("2026-03-09 09:31", 1)
		tick("2026-03-09 09:45", 0)
		if w.bus.count("sla.breached") != 1 || w.bus.count("sla.warning") != 1 || w.get(id).SLA.State != "breached" {
			t.Errorf("%v, want one warning and one breach; state %s", w.bus.seen, w.get(id).SLA.State)
		}
		if !historyHas(t, w, id, "SLA breached: first response was due Mon 9 Mar 09:30") {
			t.Error("no breach line in the history")
		}
	})
}

// Two nodes tick at once over the same tickets: each warning is
// announced once.
func TestTwoNodesNeverDoubleFire(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.policy(sla.Input{Name: "Standard", Targets: sla.TargetMinutes{FirstResponse: mins(60)}})
		for range 20 {
			w.open("2026-03-06 16:30", 0)
		}
		other := &sla.Service{DB: d, Bus: w.bus, Now: func() time.Time { return at("2026-03-07 12:00") }}
		w.now = at("2026-03-07 12:00")
		var wg sync.WaitGroup
		for _, s := range []*sla.Service{w.s.SLA, other} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 3 {
					if _, err := s.Tick(w.ctx); err != nil {
						t.Error(err)
					}
				}
			}()
		}
		wg.Wait()
		if n := w.bus.count("sla.breached"); n != 20 {
			t.Errorf("%d breaches announced for 20 tickets", n)
		}
	})
}

func TestCalendarChangeRecomputesInBatches(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		cal := w.teamHours()
		w.policy(sla.Input{Name: "Standard", Targets: sla.TargetMinutes{FirstResponse: mins(60)}})
		var ids []int64
		for range sla.Batch + 3 {
			ids = append(ids, w.open("2026-03-06 16:30", 0).ID)
		}
		closed := ids[0]
		w.patch(closed, "2026-03-06 16:40", ticket.Patch{Status: str("Closed")})
		if _, err := w.s.Calendars.Update(w.ctx, cal, berlinHours("Office", [][]string{{"08:00", "17:00"}})); err != nil {
			t.Fatal(err)
		}
		if got := due(w.get(ids[1]).SLA.FirstResponse); got != "2026-03-09 09:30" {
			t.Fatalf("before the recomputation: due %s, want the old Monday 09:30", got)
		}
		n, err := w.s.SLA.RecomputeOpen(w.ctx)
		if err != nil || n != sla.Batch+2 {
			t.Fatalf("recomputed %d (%v), want the %d open tickets", n, err, sla.Batch+2)
		}
		for _, id := range []int64{ids[1], ids[len(ids)-1]} {
			if got := due(w.get(id).SLA.FirstResponse); got != "2026-03-09 08:30" {
				t.Errorf("ticket %d due %s, want Monday 08:30 with the new hours", id, got)
			}
		}
	})
}

func TestWiredSelectorsAtCreation(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		co, err := w.s.Contacts.CreateCompany(w.ctx, "Acme", []string{"acme.example"})
		if err != nil {
			t.Fatal(err)
		}
		w.policy(sla.Input{Name: "VIP", Match: sla.Match{Tags: []string{"VIP"}}, Targets: sla.TargetMinutes{FirstResponse: mins(10)}})
		w.policy(sla.Input{Name: "Acme", Match: sla.Match{Companies: []int64{co.ID}, Channels: []string{"api"}},
			Targets: sla.TargetMinutes{FirstResponse: mins(20)}})
		w.now = at("2026-03-02 09:00")
		create := func(email string, tags ...string) ticket.Ticket {
			tk, err := w.s.Tickets.Create(w.ctx, ticket.NewTicket{Subject: "Hi", Team: w.team.Slug, Tags: tags,
				CreatedAt: at("2026-03-02 09:00"), Contact: contact.Identity{Email: email}})
			if err != nil {
				t.Fatal(err)
			}
			return tk
		}
		cases := []struct {
			tk   ticket.Ticket
			want string
		}{
			{create("bo@else.example", "billing", "vip"), "2026-03-02 09:10"},
			{create("ana@acme.example"), "2026-03-02 09:20"},
			{create("cy@else.example", "billing"), ""},
		}
		for i, c := range cases {
			got := ""
			if c.tk.SLA != nil {
				got = due(c.tk.SLA.FirstResponse)
			}
			if stored := w.get(c.tk.ID).SLA; (stored == nil) != (c.tk.SLA == nil) || (stored != nil && due(stored.FirstResponse) != got) {
				t.Errorf("case %d: the answer (%s) differs from what was stored (%+v)", i, got, stored)
			}
			if got != c.want {
				t.Errorf("case %d: due %q, want %q", i, got, c.want)
			}
		}
	})
}

// A calendar a policy counts in is not deleted from under it, and the
// refusal names the policy (a team does not use it).
func TestCalendarOfAPolicyIsKept(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		c, err := w.s.Calendars.Create(w.ctx, berlinHours("Night desk", [][]string{{"18:00", "24:00"}}))
		if err != nil {
			t.Fatal(err)
		}
		p := w.policy(sla.Input{Name: "Night", CalendarID: &c.ID, Targets: sla.TargetMinutes{FirstResponse: mins(30)}})
		err = w.s.Calendars.Delete(w.ctx, c.ID)
		if !errors.Is(err, domain.ErrConflict) || !strings.Contains(err.Error(), "SLA policy Night counts in this calendar") {
			t.Fatalf("delete a policy's calendar: %v, want a conflict naming the policy", err)
		}
		if err := w.s.SLA.Delete(w.ctx, p.ID); err != nil {
			t.Fatal(err)
		}
		if err := w.s.Calendars.Delete(w.ctx, c.ID); err != nil {
			t.Errorf("delete once no policy uses it: %v", err)
		}
	})
}
