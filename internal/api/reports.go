package api

import (
	"net/http"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/report"
)

// reportFilter checks a report's period and filters from the query
// string, for the operator behind the token (an agent sees their teams).
func (a *API) reportFilter(r *http.Request) (report.Filter, error) {
	q := r.URL.Query()
	op := actor(r)
	return a.S.Reports.Check(r.Context(), report.Asker{ID: op.ID, Admin: op.IsAdmin()}, report.Query{
		From: q.Get("from"), To: q.Get("to"), Team: q.Get("team"), Channel: q.Get("channel"),
		Priority: q.Get("priority"), Operator: q.Get("operator"), Time: q.Get("time")})
}

// ticketReport is the ticket report with the breakdowns asked for.
type ticketReport struct {
	report.Tickets
	Breakdowns *report.Picked `json:"breakdowns,omitempty"`
}

// reportTickets answers the days and totals, and with ?breakdown= the
// tables of the reports page (SLA per target, policy, team, operator;
// by channel, by tag; the heat map).
func (a *API) reportTickets(w http.ResponseWriter, r *http.Request) error {
	c := &domain.Check{}
	names, err := report.CheckBreakdowns(r.URL.Query()["breakdown"])
	if err := c.Merge("", err); err != nil {
		return err
	}
	f, err := a.reportFilter(r)
	if err := c.Merge("", err); err != nil {
		return err
	}
	if err := c.Err(); err != nil {
		return err
	}
	out := ticketReport{}
	if out.Tickets, err = a.S.Reports.Tickets(r.Context(), f); err != nil {
		return err
	}
	if len(names) > 0 {
		b, err := a.S.Reports.Breakdowns(r.Context(), f)
		if err != nil {
			return err
		}
		out.Breakdowns = b.Pick(names)
	}
	return ok(w, out)
}

func (a *API) reportOperators(w http.ResponseWriter, r *http.Request) error {
	f, err := a.reportFilter(r)
	if err != nil {
		return err
	}
	rows, err := a.S.Reports.Operators(r.Context(), f)
	if err != nil {
		return err
	}
	return ok(w, map[string]any{"items": rows, "time": f.TimeName()})
}

// reportChats answers the chat figures of the period with the operator
// analysis and the sessions by country (team and operator filters;
// channel and priority do not apply).
func (a *API) reportChats(w http.ResponseWriter, r *http.Request) error {
	f, err := a.reportFilter(r)
	if err != nil {
		return err
	}
	out, err := a.S.Reports.Chats(r.Context(), f)
	if err != nil {
		return err
	}
	ops, err := a.S.Reports.ChatOperators(r.Context(), f)
	if err != nil {
		return err
	}
	countries, err := a.S.Reports.ChatCountries(r.Context(), f)
	if err != nil {
		return err
	}
	return ok(w, map[string]any{"days": out.Days, "totals": out.Totals, "operators": ops, "countries": countries})
}

// reportSessions lists the chat sessions of the period behind the chat
// figures (the sessions history), newest first, a page at a time:
// ?outcome= keeps those behind one figure, ?before= is the last chat id
// of the previous page.
func (a *API) reportSessions(w http.ResponseWriter, r *http.Request) error {
	c := &domain.Check{}
	q := r.URL.Query()
	outcome := q.Get("outcome")
	if err := c.Merge("", report.CheckOutcome(outcome)); err != nil {
		return err
	}
	before, errB := strconv.ParseInt(q.Get("before"), 10, 64)
	c.Require(q.Get("before") == "" || (errB == nil && before > 0), "before", "must be a chat id")
	limit, errL := strconv.Atoi(q.Get("limit"))
	c.Require(q.Get("limit") == "" || (errL == nil && limit >= 1 && limit <= 200), "limit", "must be 1 to 200")
	f, err := a.reportFilter(r)
	if err := c.Merge("", err); err != nil {
		return err
	}
	if err := c.Err(); err != nil {
		return err
	}
	if limit == 0 {
		limit = 50
	}
	list, err := a.S.Reports.Sessions(r.Context(), f, report.SessionQuery{Outcome: outcome, Before: before, Limit: limit})
	if err != nil {
		return err
	}
	next := ""
	if len(list) == limit {
		next = strconv.FormatInt(list[len(list)-1].ChatID, 10)
	}
	return ok(w, map[string]any{"items": list, "next_before": next})
}
