package report_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/report"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// figures are every ticket report the roller tests compare: each filter
// of the slices' tests over March, the operators' table and the
// breakdowns. In wall time: a rebuild times business hours by the
// calendar of the ticket's team now, the record by its team's then.
func figures(k *desk) string {
	k.t.Helper()
	out := ""
	for _, q := range allFilters(k) {
		q.From, q.To, q.Time = "2026-03-01", "2026-03-31", "wall"
		out += brief(k.tickets(admin, q)) + "\n"
	}
	f, err := k.s.Reports.Check(k.ctx, admin, report.Query{From: "2026-03-01", To: "2026-03-31", Time: "wall"})
	if err != nil {
		k.t.Fatal(err)
	}
	ops, err := k.s.Reports.Operators(k.ctx, f)
	if err != nil {
		k.t.Fatal(err)
	}
	b, err := k.s.Reports.Breakdowns(k.ctx, f)
	if err != nil {
		k.t.Fatal(err)
	}
	return out + brief(ops) + "\n" + brief(b)
}

// queued is how many facts wait in the queue.
func queued(t testing.TB, d *db.DB) int {
	t.Helper()
	var n int
	if err := d.Read.QueryRow(`SELECT COUNT(*) FROM report_queue`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// rollInBackground runs the roller of s until the returned stop.
func rollInBackground(t testing.TB, s *report.Service) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		s.RunRoller(ctx, func(err error) { t.Errorf("roll: %v", err) })
		close(done)
	}()
	return func() { cancel(); <-done }
}

// work has writers work tickets at once, each its own: answers, closes,
// customers' replies that reopen, moves between the teams and changes of
// priority, all on March days.
func work(k *desk, writers, tickets, rounds int) error {
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := workTickets(k, w, tickets, rounds); err != nil {
				errs <- fmt.Errorf("writer %d: %w", w, err)
			}
		}()
	}
	wg.Wait()
	close(errs)
	var all []error
	for err := range errs {
		all = append(all, err)
	}
	return errors.Join(all...)
}

func workTickets(k *desk, w, tickets, rounds int) error {
	start := at("2026-03-02 08:00").Add(time.Duration(w) * time.Hour)
	var ids []int64
	for i := range tickets {
		tk, err := k.s.Tickets.Create(k.ctx, ticket.NewTicket{Subject: "Busy", Description: "Help",
			Team: []string{"support", "sales"}[i%2], Priority: (w + i) % 4,
			Channel:  ticket.Channel(report.Channels[(w+i)%len(report.Channels)]),
			Assignee: []string{"", k.agent.Email}[(i/2)%2], CreatedAt: start.Add(time.Duration(i) * time.Minute),
			Contact: contact.Identity{Email: fmt.Sprintf("busy%d@example.com", w)}})
		if err != nil {
			return err
		}
		ids = append(ids, tk.ID)
	}
	for r := range rounds {
		when := start.AddDate(0, 0, 1+r)
		for i, id := range ids {
			when = when.Add(time.Minute)
			if err := workStep(k, id, (r+i+w)%5, when); err != nil {
				return fmt.Errorf("ticket %d, round %d: %w", id, r, err)
			}
		}
	}
	return nil
}

func workStep(k *desk, id int64, step int, when time.Time) error {
	msg := func(kind ticket.MessageKind, author int64) error {
		_, err := k.s.Tickets.AddMessage(k.ctx, id, ticket.NewMessage{Kind: kind, Body: "Hello", CreatedAt: when,
			OperatorID: author})
		return err
	}
	patch := func(p ticket.Patch) error {
		p.At = when
		_, err := k.s.Tickets.Update(k.ctx, id, p)
		return err
	}
	switch step {
	case 0:
		return msg(ticket.Reply, k.agent.ID)
	case 1:
		return patch(ticket.Patch{Status: testutil.Ptr("Closed")})
	case 2:
		return msg(ticket.Customer, 0)
	case 3:
		return patch(ticket.Patch{Team: testutil.Ptr([]string{"sales", "support"}[id%2])})
	}
	return patch(ticket.Patch{Priority: testutil.Ptr(int(id % 4))})
}

// TestRollerKeepsTheFiguresOfManyWriters has eight writers change tickets
// at once while the background roller rolls, and expects every report to
// give what a rebuild of the same history gives.
func TestRollerKeepsTheFiguresOfManyWriters(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		stop := rollInBackground(t, k.s.Reports)
		err := work(k, 8, 6, 6)
		stop()
		if err != nil {
			t.Fatal(err)
		}
		live := figures(k)
		if n := queued(t, d); n != 0 {
			t.Errorf("%d facts still queued after a report", n)
		}
		if _, err := k.s.Reports.Rebuild(k.ctx, nil); err != nil {
			t.Fatal(err)
		}
		if rebuilt := figures(k); rebuilt != live {
			t.Errorf("the rolled figures differ from a rebuild's:\n%s", differences(live, rebuilt))
		}
		if got := k.tickets(admin, report.Query{From: "2026-03-01", To: "2026-03-31"}); got.Totals.Created != 48 {
			t.Errorf("%d tickets created; want 48", got.Totals.Created)
		}
	})
}

// TestQueuedFactsSurviveACrash writes facts that stay queued (no roller
// runs), as when a node stops before it rolls them, and a roll that dies
// before its commit; a new Service on the same database then counts each
// fact once.
func TestQueuedFactsSurviveACrash(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		history(k)
		if n := queued(t, d); n == 0 {
			t.Fatal("the history queued nothing")
		}
		if err := report.RollAndFail(k.ctx, k.s.Reports); err == nil {
			t.Fatal("the failing roll did not fail")
		}
		fresh := &report.Service{DB: d}
		q := report.Query{From: "2026-03-27", To: "2026-03-31", Team: "support"}
		f, err := fresh.Check(k.ctx, admin, q)
		if err != nil {
			t.Fatal(err)
		}
		for range 2 {
			got, err := fresh.Tickets(k.ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			want := `{"created":5,"closed":3,"reopened":1,"backlog":2,"first_response":{"median_s":1800,"p90_s":7200},"resolution":{"median_s":14400,"p90_s":32400},"sla_met_pct":50}`
			if brief(got.Totals) != want {
				t.Errorf("after the crash\n got %s\nwant %s", brief(got.Totals), want)
			}
		}
		if n := queued(t, d); n != 0 {
			t.Errorf("%d facts still queued after a report", n)
		}
	})
}

// TestRebuildTakesTheQueue rebuilds while facts of tickets and chats wait
// in the queue: the rebuilt figures must be those of a desk with the
// same history rolled, the queued facts counted once.
func TestRebuildTakesTheQueue(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newChatDesk(t, d)
		history(k.desk)
		chatHistory(k)
		if n := queued(t, d); n == 0 {
			t.Fatal("the history queued nothing")
		}
		if _, err := k.s.Reports.Rebuild(k.ctx, nil); err != nil {
			t.Fatal(err)
		}
		got := figures(k.desk) + chatFigures(k)
		if _, err := k.s.Reports.RebuildChats(k.ctx, nil); err != nil {
			t.Fatal(err)
		}
		again := figures(k.desk) + chatFigures(k)

		same := newChatDesk(t, map[db.Dialect]func(testing.TB) *db.DB{db.SQLite: testutil.NewSQLite,
			db.Postgres: testutil.NewPostgres}[d.Dialect](t))
		history(same.desk)
		chatHistory(same)
		want := figures(same.desk) + chatFigures(same)
		if got != want {
			t.Errorf("rebuilt with facts queued:\n%s", differences(got, want))
		}
		if again != want {
			t.Errorf("the chats rebuilt after:\n%s", differences(again, want))
		}
	})
}

func chatFigures(k *chatDesk) string {
	f, err := k.s.Reports.Check(k.ctx, admin, report.Query{From: "2026-03-30", To: "2026-03-31"})
	if err != nil {
		k.t.Fatal(err)
	}
	r, err := k.s.Reports.Chats(k.ctx, f)
	if err != nil {
		k.t.Fatal(err)
	}
	ops, err := k.s.Reports.ChatOperators(k.ctx, f)
	if err != nil {
		k.t.Fatal(err)
	}
	countries, err := k.s.Reports.ChatCountries(k.ctx, f)
	if err != nil {
		k.t.Fatal(err)
	}
	return brief(r) + brief(ops) + brief(countries)
}

// TestTwoNodesRollTogether has two services on two connection pools of
// one PostgreSQL database (two nodes) roll, in the background and before
// reports, while eight writers create and close tickets: the totals must
// be exact, each fact counted once.
func TestTwoNodesRollTogether(t *testing.T) {
	d := testutil.NewPostgres(t)
	k := newDesk(t, d)
	other, err := db.Open(k.ctx, testutil.PostgresDSN(t, d))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	nodes := []*report.Service{k.s.Reports, {DB: other}}
	for _, n := range nodes {
		defer rollInBackground(t, n)()
	}
	readers, stopReading := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for _, n := range nodes {
		wg.Add(1)
		go func() { // a report on each node now and then
			defer wg.Done()
			for readers.Err() == nil {
				if err := n.CatchUp(readers); err != nil && readers.Err() == nil {
					t.Errorf("catch up: %v", err)
				}
			}
		}()
	}
	err = work(k, 8, 5, 4)
	stopReading()
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	live := figures(k)
	if _, err := k.s.Reports.Rebuild(k.ctx, nil); err != nil {
		t.Fatal(err)
	}
	if rebuilt := figures(k); rebuilt != live {
		t.Errorf("the figures of two rollers differ from a rebuild's:\n%s", differences(live, rebuilt))
	}
	got := k.tickets(admin, report.Query{From: "2026-03-01", To: "2026-03-31"})
	if got.Totals.Created != 40 {
		t.Errorf("%d tickets created; want 40", got.Totals.Created)
	}
}

// differences are the lines of figures a and b that differ, as got and
// want.
func differences(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	out := ""
	for i := range max(len(al), len(bl)) {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			out += fmt.Sprintf("line %d\n got %s\nwant %s\n", i, x, y)
		}
	}
	return out
}

// TestUnreadableQueuedFactIsSetAside: a queue row the roller cannot read
// (written here by hand; the code never writes one) moves to
// report_queue_failed with its error, and every other fact still counts.
func TestUnreadableQueuedFactIsSetAside(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		if _, err := d.Write.Exec(`INSERT INTO report_queue (body) VALUES ('{"u":{"nosuch":[[1]]}}')`); err != nil {
			t.Fatal(err)
		}
		history(k)
		q := report.Query{From: "2026-03-27", To: "2026-03-31", Team: "support"}
		want := `{"created":5,"closed":3,"reopened":1,"backlog":2,"first_response":{"median_s":1800,"p90_s":7200},"resolution":{"median_s":14400,"p90_s":32400},"sla_met_pct":50}`
		if got := brief(k.tickets(admin, q).Totals); got != want {
			t.Errorf("with an unreadable fact queued first\n got %s\nwant %s", got, want)
		}
		if n := queued(t, d); n != 0 {
			t.Errorf("%d facts still queued after a report", n)
		}
		var body, why string
		if err := d.Read.QueryRow(`SELECT body, error FROM report_queue_failed`).Scan(&body, &why); err != nil {
			t.Fatalf("the unreadable row was not set aside: %v", err)
		}
		if !strings.Contains(body, "nosuch") || !strings.Contains(why, `unknown roll-up "nosuch"`) {
			t.Errorf("set aside %q with error %q", body, why)
		}
	})
}
