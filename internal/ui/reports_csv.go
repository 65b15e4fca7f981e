package ui

import (
	"encoding/csv"
	"net/http"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/report"
)

// reportsCSV sends one table of the page with the same address as CSV
// (?table=, the days by default; reports_csv_tables.go has the others),
// durations in seconds (empty where nothing was measured).
func (u *UI) reportsCSV(w http.ResponseWriter, r *http.Request) error {
	q := parseReportQuery(r.URL.Query(), u.now())
	table := r.URL.Query().Get("table")
	if err := checkCSVTable(table, ticketCSVTables); err != nil {
		return err
	}
	f, err := u.s.Reports.Check(r.Context(), asker(r), q.Query)
	if err != nil {
		return err
	}
	rows, err := u.ticketCSV(r, f, table)
	if err != nil {
		return err
	}
	return sendCSV(w, csvName("tickets", table, q), rows)
}

// sendCSV writes rows (a header first) as an attachment named name.
func sendCSV(w http.ResponseWriter, name string, rows [][]string) error {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Header().Set("Cache-Control", "no-store")
	out := csv.NewWriter(w)
	_ = out.WriteAll(rows)
	return out.Error()
}

// csvName is "tickets-2026-03-01-2026-03-31.csv", with the table before
// the dates when it is not the days.
func csvName(kind, table string, q reportQuery) string {
	if table != "" && table != "days" {
		kind += "-" + table
	}
	return kind + "-" + q.From + "-" + q.To + ".csv"
}

var daysCSVHead = []string{"date", "created", "closed", "reopened", "backlog", "first_response_median_s",
	"first_response_p90_s", "resolution_median_s", "resolution_p90_s", "sla_met_pct", "time"}

func csvRow(d report.Day, time string) []string {
	return []string{d.Date, strconv.Itoa(d.Created), strconv.Itoa(d.Closed), strconv.Itoa(d.Reopened),
		strconv.Itoa(d.Backlog), csvSeconds(d.FirstResponse.Median), csvSeconds(d.FirstResponse.P90),
		csvSeconds(d.Resolution.Median), csvSeconds(d.Resolution.P90), csvPct(d.SLAMetPct), time}
}

// csvText keeps a name or a visitor's words from reading as a formula
// in a spreadsheet: a cell that begins with =, +, -, @ or a control
// character gets a leading apostrophe (OWASP's advice on CSV injection).
func csvText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func csvSeconds(s *int64) string {
	if s == nil {
		return ""
	}
	return strconv.FormatInt(*s, 10)
}

func csvPct(p *float64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}
