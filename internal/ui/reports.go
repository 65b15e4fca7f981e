package ui

import (
	"net/http"
	"net/url"
	"time"

	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/report"
)

// reports shows the ticket figures of a period as charts, tables and a
// per-operator table, each number linking to its tickets. Bad input shows
// the form with a message on each field it concerns.
func (u *UI) reports(w http.ResponseWriter, r *http.Request) error {
	q := parseReportQuery(r.URL.Query(), u.now())
	v := ReportsView{Base: u.base(r, csrfToken(r)), Query: q}
	v.Section = "reports"
	v.Tabs = reportTabs(q, "tickets")
	var err error
	if v.Form, err = u.reportForm(r, q); err != nil {
		return err
	}
	f, err := u.s.Reports.Check(r.Context(), asker(r), q.Query)
	if e := httpx.Map(err); err != nil && e.Status < 500 {
		v.Errors = e.Fields
		return u.render(w, r, http.StatusUnprocessableEntity, "reports", "", v)
	} else if err != nil {
		return err
	}
	tickets, err := u.s.Reports.Tickets(r.Context(), f)
	if err != nil {
		return err
	}
	ops, err := u.s.Reports.Operators(r.Context(), f)
	if err != nil {
		return err
	}
	b, err := u.s.Reports.Breakdowns(r.Context(), f)
	if err != nil {
		return err
	}
	v.fill(q, f, tickets, ops)
	v.Breakdowns = breakdownView(q, f, b)
	v.slaMissed(q, f, b.SLA.Targets)
	return u.render(w, r, http.StatusOK, "reports", "", v)
}

func asker(r *http.Request) report.Asker {
	op := me(r)
	return report.Asker{ID: op.ID, Admin: op.IsAdmin()}
}

// reportQuery is the page's address: a period preset (today, 7d, 30d or
// range) and the report's filters.
type reportQuery struct {
	report.Query
	Period string
}

// parseReportQuery reads the address; a preset sets the dates from today
// (UTC), a range keeps the dates given. Without anything: the last 7 days.
func parseReportQuery(v url.Values, now time.Time) reportQuery {
	q := reportQuery{Period: v.Get("period"), Query: report.Query{From: v.Get("from"), To: v.Get("to"),
		Team: v.Get("team"), Channel: v.Get("channel"), Priority: v.Get("priority"), Operator: v.Get("operator"),
		Time: v.Get("time")}}
	if q.Period == "" && (q.From != "" || q.To != "") {
		q.Period = "range"
	}
	today := now.UTC()
	back := map[string]int{"today": 0, "7d": 6, "30d": 29}
	if n, ok := back[q.Period]; ok || q.Period != "range" {
		if !ok {
			q.Period, n = "7d", 6
		}
		q.From, q.To = today.AddDate(0, 0, -n).Format(time.DateOnly), today.Format(time.DateOnly)
	}
	return q
}

// values is the address of q, with the dates (so a link keeps the period
// it was made for, not "the last 7 days" of another day).
func (q reportQuery) values() url.Values {
	v := url.Values{"from": {q.From}, "to": {q.To}}
	for k, s := range map[string]string{"team": q.Team, "channel": q.Channel, "priority": q.Priority,
		"operator": q.Operator, "time": q.Time} {
		if s != "" {
			v.Set(k, s)
		}
	}
	return v
}
