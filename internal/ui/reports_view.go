package ui

import (
	"fmt"
	"math"
	"net/url"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/report"
)

// ReportsView is the reports page.
type ReportsView struct {
	Base
	Query      reportQuery
	Form       ReportForm
	Errors     map[string]string // per field, when the period or a filter cannot be used
	Time       string            // "business" or "wall"
	Summary    []Figure
	Charts     []Chart
	Days       []ReportDay
	Operators  []ReportOperator
	CSVURL     string
	Tab        string // "tickets" (the default) or "chats"
	Tabs       []Tab
	Chats      *ChatTab // the Chats tab's figures
	Breakdowns BreakdownView
}

// Action is where the period and filter form goes: the tab it is on.
func (v ReportsView) Action() string {
	if v.Tab == "chats" {
		return "/reports/chats"
	}
	return "/reports"
}

// Figure is one headline number; URL opens its tickets, if it has some,
// and HintURL the ones its hint counts.
type Figure struct{ Label, Value, URL, Hint, HintURL string }

// slaMissed adds to the "SLA targets met" figure how many were missed,
// linking to those tickets.
func (v *ReportsView) slaMissed(q reportQuery, f report.Filter, targets []report.SLARow) {
	missed, due := 0, 0
	for _, t := range targets {
		missed, due = missed+t.Missed, due+t.Due
	}
	for i := range v.Summary {
		if v.Summary[i].Label == slaFigure && due > 0 {
			v.Summary[i].Hint = fmt.Sprintf("%d of %d missed", missed, due)
			if missed > 0 {
				v.Summary[i].HintURL = inboxFacts(q, f, "sla_missed", q.From+".."+q.To, "")
			}
		}
	}
}

const slaFigure = "SLA targets met"

// ReportDay is one row of the days table.
type ReportDay struct {
	Date, Label                     string
	Created, Closed, Backlog        int
	CreatedURL, ClosedURL           string
	FirstMedian, FirstP90           string
	ResolutionMedian, ResolutionP90 string
	SLA                             string
	SLAMissed                       int    // settled targets missed that day
	SLAMissedURL                    string // the tickets that missed them
}

// ReportOperator is one row of the operators table.
type ReportOperator struct {
	Name                      string
	Assigned, Answers, Closed int
	FirstMedian, ClosedURL    string
	Satisfied, Responses      string // share Satisfied of their ratings; ratings per close and chat session
}

func (v *ReportsView) fill(q reportQuery, f report.Filter, t report.Tickets, ops []report.OperatorRow) {
	v.Time = t.Time
	v.CSVURL = "/reports.csv?" + q.values().Encode()
	whole := q.From + ".." + q.To
	v.Summary = []Figure{
		{Label: "Created", Value: strconv.Itoa(t.Totals.Created), URL: inboxFacts(q, f, "created", whole, "")},
		{Label: "Closed", Value: strconv.Itoa(t.Totals.Closed), URL: inboxFacts(q, f, "closed", whole, "")},
		{Label: "Reopened", Value: strconv.Itoa(t.Totals.Reopened), Hint: reopenRate(t.Totals)},
		{Label: "Open at the end", Value: strconv.Itoa(t.Totals.Backlog)},
		{Label: "First response, median", Value: duration(t.Totals.FirstResponse.Median), Hint: "90 %: " + duration(t.Totals.FirstResponse.P90)},
		{Label: "Resolution, median", Value: duration(t.Totals.Resolution.Median), Hint: "90 %: " + duration(t.Totals.Resolution.P90)},
		{Label: slaFigure, Value: percent(t.Totals.SLAMetPct)},
		satisfactionFigure(t.Satisfaction),
	}
	for _, d := range t.Days {
		v.Days = append(v.Days, ReportDay{Date: d.Date, Label: shortDay(d.Date), Created: d.Created, Closed: d.Closed,
			Backlog: d.Backlog, CreatedURL: inboxFacts(q, f, "created", d.Date+".."+d.Date, ""),
			ClosedURL:   inboxFacts(q, f, "closed", d.Date+".."+d.Date, ""),
			FirstMedian: duration(d.FirstResponse.Median), FirstP90: duration(d.FirstResponse.P90),
			ResolutionMedian: duration(d.Resolution.Median), ResolutionP90: duration(d.Resolution.P90),
			SLA: percent(d.SLAMetPct), SLAMissed: d.SLAMissed()})
		if d.SLAMissed() > 0 {
			v.Days[len(v.Days)-1].SLAMissedURL = inboxFacts(q, f, "sla_missed", d.Date+".."+d.Date, "")
		}
	}
	for _, o := range ops {
		v.Operators = append(v.Operators, ReportOperator{Name: o.Name, Assigned: o.Assigned, Answers: o.Answers,
			Closed: o.Closed, FirstMedian: duration(o.FirstResponse.Median),
			Satisfied: percent(o.Satisfaction.All.SatisfiedPct), Responses: percent(o.Satisfaction.All.RatedPct),
			ClosedURL: inboxFacts(q, f, "closed", whole, strconv.FormatInt(o.ID, 10))})
	}
	v.Charts = reportCharts(t)
}

// inboxFacts is the inbox address of the tickets behind a figure: the
// fact, its days and the report's filters as they were then.
func inboxFacts(q reportQuery, f report.Filter, kind, days, operator string) string {
	v := url.Values{"view": {"open"}, kind: {days}}
	if f.TeamSlug != "" {
		v.Set("team", f.TeamSlug)
	}
	if q.Channel != "" {
		v.Set("channel", q.Channel)
	}
	if f.Priority >= 0 {
		v.Set("priority", strconv.Itoa(f.Priority))
	}
	if f.Operator != 0 {
		operator = strconv.FormatInt(f.Operator, 10)
	}
	if operator != "" {
		v.Set("assignee", operator)
	}
	return "/inbox?" + v.Encode()
}

func count(n int) *float64 { v := float64(n); return &v }

func reportCharts(t report.Tickets) []Chart {
	days := make([]string, len(t.Days))
	created, closed, backlog := make([]*float64, len(t.Days)), make([]*float64, len(t.Days)), make([]*float64, len(t.Days))
	for i, d := range t.Days {
		days[i], created[i], closed[i], backlog[i] = d.Date, count(d.Created), count(d.Closed), count(d.Backlog)
	}
	volume := barChart("volume", "Created and closed", days, []series{{"Created", "s1", created}, {"Closed", "s2", closed}})
	volume.Table = countTable(days, []string{"Created", "Closed"}, t.Days, func(d report.Day) []int { return []int{d.Created, d.Closed} })
	whole := func(v float64) string { return strconv.Itoa(int(v)) }
	open := lineChart("backlog", "Open at the end of the day", days, []series{{"Open", "s1", backlog}}, whole, whole)
	open.Table = countTable(days, []string{"Open"}, t.Days, func(d report.Day) []int { return []int{d.Backlog} })
	firsts, resolutions := make([]report.Figure, len(t.Days)), make([]report.Figure, len(t.Days))
	for i, d := range t.Days {
		firsts[i], resolutions[i] = d.FirstResponse, d.Resolution
	}
	first := durationChart("first-response", "First response", days, firsts)
	resolution := durationChart("resolution", "Resolution", days, resolutions)
	return []Chart{volume, open, first, resolution}
}

func countTable(days, head []string, list []report.Day, get func(report.Day) []int) ChartTable {
	tb := ChartTable{Head: append([]string{"Day"}, head...)}
	for i, d := range list {
		row := []string{shortDay(days[i])}
		for _, n := range get(d) {
			row = append(row, strconv.Itoa(n))
		}
		tb.Rows = append(tb.Rows, row)
	}
	return tb
}

// durationChart draws a figure's median and 90th percentile per day in
// minutes or hours, whichever reads better.
func durationChart(id, title string, days []string, list []report.Figure) Chart {
	med, p90 := make([]*float64, len(list)), make([]*float64, len(list))
	tb := ChartTable{Head: []string{"Day", "Median", "90th percentile"}}
	var maxS float64
	for i, fig := range list {
		med[i], p90[i] = seconds(fig.Median), seconds(fig.P90)
		if p90[i] != nil && *p90[i] > maxS {
			maxS = *p90[i]
		}
		tb.Rows = append(tb.Rows, []string{shortDay(days[i]), duration(fig.Median), duration(fig.P90)})
	}
	unit, name := timeUnit(maxS)
	for _, list := range [][]*float64{med, p90} {
		for _, v := range list {
			if v != nil {
				*v /= unit
			}
		}
	}
	number := func(v float64) string { return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64) }
	c := lineChart(id, title, days, []series{{"Median", "s1", med}, {"90th percentile", "s2", p90}}, number,
		func(v float64) string { return fmt.Sprintf("%s %s", number(v), name) })
	c.Caption = "in " + map[string]string{"min": "minutes", "h": "hours"}[name]
	c.Table = tb
	return c
}

func seconds(s *int64) *float64 {
	if s == nil {
		return nil
	}
	v := float64(*s)
	return &v
}

// reopenRate is reopenings per close in the period, as people quote it
// ("8 % of closes"); empty when nothing closed.
func reopenRate(d report.Day) string {
	if d.Closed == 0 {
		return ""
	}
	return fmt.Sprintf("%d %% of closes", (d.Reopened*100+d.Closed/2)/d.Closed)
}

// satisfactionFigure is the share of Satisfied among the period's ratings
// (mail and chat), with how many there were and the response rate.
func satisfactionFigure(s report.Satisfaction) Figure {
	a := s.All
	hint := fmt.Sprintf("%d ratings", a.Rated)
	if a.Rated == 1 {
		hint = "1 rating"
	}
	if a.RatedPct != nil {
		hint += ", response rate " + percent(a.RatedPct)
	}
	if s.Chat == nil {
		hint += " (mail only: chats have no channel or priority)"
	}
	return Figure{Label: "Satisfied", Value: percent(a.SatisfiedPct), Hint: hint}
}
