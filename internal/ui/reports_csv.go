package ui

import (
	"encoding/csv"
	"net/http"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/report"
)

// reportsCSV sends the days table of the page with the same address as
// CSV, durations in seconds (empty where nothing was measured).
func (u *UI) reportsCSV(w http.ResponseWriter, r *http.Request) error {
	q := parseReportQuery(r.URL.Query(), u.now())
	f, err := u.s.Reports.Check(r.Context(), asker(r), q.Query)
	if err != nil {
		return err
	}
	t, err := u.s.Reports.Tickets(r.Context(), f)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="tickets-`+q.From+`-`+q.To+`.csv"`)
	w.Header().Set("Cache-Control", "no-store")
	out := csv.NewWriter(w)
	_ = out.Write([]string{"date", "created", "closed", "reopened", "backlog", "first_response_median_s",
		"first_response_p90_s", "resolution_median_s", "resolution_p90_s", "sla_met_pct", "time"})
	for _, d := range t.Days {
		_ = out.Write(csvRow(d, t.Time))
	}
	out.Flush()
	return out.Error()
}

func csvRow(d report.Day, time string) []string {
	num := func(s *int64) string {
		if s == nil {
			return ""
		}
		return strconv.FormatInt(*s, 10)
	}
	sla := ""
	if d.SLAMetPct != nil {
		sla = strconv.FormatFloat(*d.SLAMetPct, 'f', -1, 64)
	}
	return []string{d.Date, strconv.Itoa(d.Created), strconv.Itoa(d.Closed), strconv.Itoa(d.Reopened),
		strconv.Itoa(d.Backlog), num(d.FirstResponse.Median), num(d.FirstResponse.P90), num(d.Resolution.Median),
		num(d.Resolution.P90), sla, time}
}
