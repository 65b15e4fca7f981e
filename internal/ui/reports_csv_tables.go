package ui

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/report"
)

// The tables of the Tickets tab a CSV can hold (?table=; "" is days).
var ticketCSVTables = []string{"days", "operators", "sla-targets", "sla-policies", "sla-teams", "sla-operators",
	"channels", "tags", "heatmap"}

// The tables of the Chats tab a CSV can hold.
var chatCSVTables = []string{"days", "operators", "sessions"}

func checkCSVTable(table string, tables []string) error {
	c := &domain.Check{}
	c.Require(table == "" || slices.Contains(tables, table), "table", "must be one of "+strings.Join(tables, ", "))
	return c.Err()
}

// ticketCSV reads the figures of one table of the Tickets tab as rows.
func (u *UI) ticketCSV(r *http.Request, f report.Filter, table string) ([][]string, error) {
	ctx := r.Context()
	switch table {
	case "", "days":
		t, err := u.s.Reports.Tickets(ctx, f)
		if err != nil {
			return nil, err
		}
		rows := [][]string{daysCSVHead}
		for _, d := range t.Days {
			rows = append(rows, csvRow(d, t.Time))
		}
		return rows, nil
	case "operators":
		ops, err := u.s.Reports.Operators(ctx, f)
		return operatorsCSV(ops), err
	}
	b, err := u.s.Reports.Breakdowns(ctx, f)
	if err != nil {
		return nil, err
	}
	switch table {
	case "channels":
		return groupsCSV("channel", b.Channels), nil
	case "tags":
		return groupsCSV("tag", b.Tags), nil
	case "heatmap":
		return heatMapCSV(b.HeatMap), nil
	}
	sla := map[string][]report.SLARow{"sla-targets": b.SLA.Targets, "sla-policies": b.SLA.Policies,
		"sla-teams": b.SLA.Teams, "sla-operators": b.SLA.Operators}
	group := map[string]string{"sla-targets": "target", "sla-policies": "policy", "sla-teams": "team",
		"sla-operators": "operator"}
	return slaCSV(group[table], sla[table]), nil
}

func operatorsCSV(ops []report.OperatorRow) [][]string {
	rows := [][]string{{"operator", "email", "assigned", "public_answers", "closed", "first_response_median_s",
		"first_response_p90_s", "satisfied_pct", "response_rate_pct"}}
	for _, o := range ops {
		rows = append(rows, []string{csvText(o.Name), csvText(o.Email), strconv.Itoa(o.Assigned), strconv.Itoa(o.Answers),
			strconv.Itoa(o.Closed), csvSeconds(o.FirstResponse.Median), csvSeconds(o.FirstResponse.P90),
			csvPct(o.Satisfaction.All.SatisfiedPct), csvPct(o.Satisfaction.All.RatedPct)})
	}
	return rows
}

func slaCSV(group string, list []report.SLARow) [][]string {
	rows := [][]string{{group, "met", "settled", "missed", "met_pct"}}
	for _, s := range list {
		rows = append(rows, []string{csvText(s.Name), strconv.Itoa(s.Met), strconv.Itoa(s.Due), strconv.Itoa(s.Missed),
			csvPct(s.MetPct)})
	}
	return rows
}

func groupsCSV(group string, list []report.GroupRow) [][]string {
	rows := [][]string{{group, "created", "closed"}}
	for _, g := range list {
		rows = append(rows, []string{csvText(g.Name), strconv.Itoa(g.Created), strconv.Itoa(g.Closed)})
	}
	return rows
}

// heatMapCSV is a row per weekday (Monday first) with the new tickets of
// each local hour, 00 to 23.
func heatMapCSV(m [7][24]int) [][]string {
	head := []string{"weekday"}
	for h := range 24 {
		head = append(head, fmt.Sprintf("h%02d", h))
	}
	rows := [][]string{head}
	for wd := range 7 {
		row := []string{weekdays[wd]}
		for _, n := range m[wd] {
			row = append(row, strconv.Itoa(n))
		}
		rows = append(rows, row)
	}
	return rows
}

// TableCSV is the CSV address of one table of the page.
func (v ReportsView) TableCSV(table string) string {
	return v.CSVURL + "&table=" + table
}
