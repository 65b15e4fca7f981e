package api

import (
	"net/http"

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

func (a *API) reportTickets(w http.ResponseWriter, r *http.Request) error {
	f, err := a.reportFilter(r)
	if err != nil {
		return err
	}
	out, err := a.S.Reports.Tickets(r.Context(), f)
	if err != nil {
		return err
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
