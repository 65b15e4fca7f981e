package ui

import (
	"net/http"

	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/report"
)

// reportsChats is the Chats tab of the reports: live chat figures of a
// period as charts and tables, the operator analysis, the latest sessions
// and rating comments, and the live panel; every count opens its chats.
func (u *UI) reportsChats(w http.ResponseWriter, r *http.Request) error {
	q := u.chatReportQuery(r)
	v := ReportsView{Base: u.base(r, csrfToken(r)), Query: q, Tab: "chats"}
	v.Section = "reports"
	v.Tabs = reportTabs(q, "chats")
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
	ctx := r.Context()
	c := ChatTab{}
	chats, err := u.s.Reports.Chats(ctx, f)
	if err != nil {
		return err
	}
	ops, err := u.s.Reports.ChatOperators(ctx, f)
	if err != nil {
		return err
	}
	latest, err := u.s.Reports.Sessions(ctx, f, report.SessionQuery{Limit: 10})
	if err != nil {
		return err
	}
	comments, err := u.s.Reports.Sessions(ctx, f, report.SessionQuery{Outcome: "commented", Limit: 10})
	if err != nil {
		return err
	}
	countries, err := u.s.Reports.ChatCountries(ctx, f)
	if err != nil {
		return err
	}
	c.fill(q, chats, ops, latest, comments)
	c.fillCountries(q, countries)
	if c.Live, err = u.livePanel(r); err != nil {
		return err
	}
	v.Chats = &c
	return u.render(w, r, http.StatusOK, "reports", "", v)
}

// chatReportQuery reads the address of a chat report: the ticket-only
// filters (channel, priority, business time) do not apply to chats.
func (u *UI) chatReportQuery(r *http.Request) reportQuery {
	q := parseReportQuery(r.URL.Query(), u.now())
	q.Channel, q.Priority, q.Time = "", "", ""
	return q
}

// reportTabs are the Tickets and Chats tabs, keeping the period and the
// filters both have.
func reportTabs(q reportQuery, current string) []Tab {
	v := q.values()
	v.Del("channel")
	v.Del("priority")
	v.Del("time")
	return []Tab{{Label: "Tickets", URL: "/reports?" + v.Encode(), Current: current == "tickets"},
		{Label: "Chats", URL: "/reports/chats?" + v.Encode(), Current: current == "chats"}}
}
