package report_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/calendar"
	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/report"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

var berlin, _ = time.LoadLocation("Europe/Berlin")

// at reads a Berlin wall time "2006-01-02 15:04".
func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, berlin)
	if err != nil {
		panic(err)
	}
	return t
}

// desk is a helpdesk with a Support team on Berlin office hours
// (Mon-Fri 09:00-17:00) and a Sales team round the clock in UTC.
type desk struct {
	t       testing.TB
	ctx     context.Context
	s       *app.Services
	support team.Team
	sales   team.Team
	agent   operator.Operator
}

func newDesk(t testing.TB, d *db.DB) *desk {
	k := &desk{t: t, ctx: context.Background(), s: testutil.Services(t, d)}
	var err error
	if k.support, err = k.s.Teams.Find(k.ctx, d.Read, "support"); err != nil {
		t.Fatal(err)
	}
	h := map[string][][]string{}
	for _, day := range []string{"mon", "tue", "wed", "thu", "fri"} {
		h[day] = [][]string{{"09:00", "17:00"}}
	}
	c, err := k.s.Calendars.Create(k.ctx, calendar.Input{Name: "Office", TimeZone: "Europe/Berlin", Hours: h})
	if err != nil {
		t.Fatal(err)
	}
	if k.support, err = k.s.Teams.Update(k.ctx, k.support.ID, team.Input{CalendarID: &c.ID}); err != nil {
		t.Fatal(err)
	}
	if k.sales, err = k.s.Teams.Create(k.ctx, team.Input{Name: testutil.Ptr("Sales")}, k.support.PipelineID); err != nil {
		t.Fatal(err)
	}
	k.agent, err = k.s.Operators.Create(k.ctx, operator.NewOperator{Email: "ada@example.com", Name: "Ada",
		Role: operator.Agent, Password: "correct horse battery"})
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func (k *desk) open(when, channel string, priority int, assignee string) int64 {
	k.t.Helper()
	tk, err := k.s.Tickets.Create(k.ctx, ticket.NewTicket{Subject: "Printer on fire", Description: "Help",
		Team: "support", Priority: priority, Channel: ticket.Channel(channel), Assignee: assignee,
		CreatedAt: at(when), Contact: contact.Identity{Email: "ana@example.com"}})
	if err != nil {
		k.t.Fatal(err)
	}
	return tk.ID
}

func (k *desk) message(id int64, when string, kind ticket.MessageKind, author int64) {
	k.t.Helper()
	m := ticket.NewMessage{Kind: kind, Body: "Hello", CreatedAt: at(when), OperatorID: author}
	if _, err := k.s.Tickets.AddMessage(k.ctx, id, m); err != nil {
		k.t.Fatal(err)
	}
}

func (k *desk) patch(id int64, when string, p ticket.Patch) {
	k.t.Helper()
	p.At = at(when)
	if _, err := k.s.Tickets.Update(k.ctx, id, p); err != nil {
		k.t.Fatal(err)
	}
}

func (k *desk) tickets(asker report.Asker, q report.Query) report.Tickets {
	k.t.Helper()
	f, err := k.s.Reports.Check(k.ctx, asker, q)
	if err != nil {
		k.t.Fatalf("check %+v: %v", q, err)
	}
	r, err := k.s.Reports.Tickets(k.ctx, f)
	if err != nil {
		k.t.Fatal(err)
	}
	return r
}

// brief renders figures compactly for comparison with hand-computed ones.
func brief(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
