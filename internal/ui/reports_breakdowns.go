package ui

import (
	"fmt"
	"html/template"
	"net/url"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/report"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// BreakdownView is the ticket report's tables beyond the days.
type BreakdownView struct {
	SLA      []SLATableView
	Channels []GroupView
	Tags     []GroupView
	Heat     HeatMapView
	CSVBase  string // the page's CSV address; TableCSV adds the table
}

// TableCSV is the CSV address of one of the breakdown tables.
func (b BreakdownView) TableCSV(table string) string { return b.CSVBase + "&table=" + table }

// SLATableView is SLA targets met grouped one way.
type SLATableView struct {
	ID, Title, Group, CSVURL string
	Rows                     []SLARowView
}

// SLARowView is one group's targets met of those settled.
type SLARowView struct {
	Name, Pct        string
	Met, Due, Missed int
	MissedURL        string // the tickets that missed, in the inbox
}

// GroupView is one channel's or tag's tickets, the counts opening them.
type GroupView struct {
	Name                  string
	Created, Closed       int
	CreatedURL, ClosedURL string
}

// HeatMapView draws new tickets per weekday and hour as an SVG grid of
// cells shaded by count, with a table view.
type HeatMapView struct {
	Width, Height int
	// Cells are the 168 squares of the grid, as SVG (heatCells).
	Cells      template.HTML
	Days       []HeatDay
	HourTicks  []Tick
	Max, Total int
}

// HeatDay is a weekday's row: its label and counts per hour, and those
// counts as the table view's cells (heatRow).
type HeatDay struct {
	Label  string
	Y      int
	Counts []int
	Cells  template.HTML
}

const heatCell, heatLeft, heatTop = 24, 44, 22

var weekdays = []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}

func breakdownView(q reportQuery, f report.Filter, b report.Breakdowns) BreakdownView {
	v := BreakdownView{CSVBase: "/reports.csv?" + q.values().Encode()}
	whole := q.From + ".." + q.To
	for _, t := range []struct {
		id, title, group string
		rows             []report.SLARow
	}{{"sla-targets", "Per target", "Target", b.SLA.Targets}, {"sla-policies", "Per policy", "Policy", b.SLA.Policies},
		{"sla-teams", "Per team", "Team", b.SLA.Teams}, {"sla-operators", "Per operator", "Operator", b.SLA.Operators}} {
		tv := SLATableView{ID: t.id, Title: t.title, Group: t.group, CSVURL: v.TableCSV(t.id)}
		for _, r := range t.rows {
			tv.Rows = append(tv.Rows, SLARowView{Name: r.Name, Met: r.Met, Due: r.Due, Missed: r.Missed,
				Pct: percent(r.MetPct), MissedURL: slaMissedURL(q, f, whole, t.id, r.ID)})
		}
		v.SLA = append(v.SLA, tv)
	}
	for _, c := range b.Channels {
		qc := q
		qc.Channel = c.Name
		v.Channels = append(v.Channels, GroupView{Name: channelLabel(ticket.Channel(c.Name)), Created: c.Created,
			Closed: c.Closed, CreatedURL: inboxFacts(qc, f, "created", whole, ""), ClosedURL: inboxFacts(qc, f, "closed", whole, "")})
	}
	for _, t := range b.Tags {
		v.Tags = append(v.Tags, GroupView{Name: t.Name, Created: t.Created, Closed: t.Closed,
			CreatedURL: withTag(inboxFacts(q, f, "created", whole, ""), t.Name),
			ClosedURL:  withTag(inboxFacts(q, f, "closed", whole, ""), t.Name)})
	}
	v.Heat = heatMap(b.HeatMap)
	return v
}

func withTag(link, tag string) string { return withParam(link, "tag", tag) }

// withParam sets one parameter of an address.
func withParam(link, name, value string) string {
	base, query, _ := strings.Cut(link, "?")
	vals, _ := url.ParseQuery(query)
	vals.Set(name, value)
	return base + "?" + vals.Encode()
}

// slaMissedURL is the inbox list of the tickets behind one SLA row's
// missed count: the report's filters, the days, and the row's target,
// policy, team or operator (id 0: unassigned).
func slaMissedURL(q reportQuery, f report.Filter, days, table string, id int64) string {
	ref := strconv.FormatInt(id, 10)
	operator := ""
	if table == "sla-operators" {
		operator = ref
		if id == 0 {
			operator = "none"
		}
	}
	link := inboxFacts(q, f, "sla_missed", days, operator)
	switch {
	case table == "sla-targets":
		return withParam(link, "target", map[int64]string{1: "first_response", 2: "resolution"}[id])
	case table == "sla-policies" && id != 0:
		return withParam(link, "policy", ref)
	case table == "sla-teams" && id != 0:
		return withParam(link, "team", ref)
	}
	return link
}

func heatMap(m [7][24]int) HeatMapView {
	h := HeatMapView{Width: heatLeft + 24*heatCell, Height: heatTop + 7*heatCell}
	for wd := range 7 {
		for hr := range 24 {
			h.Max = max(h.Max, m[wd][hr])
			h.Total += m[wd][hr]
		}
	}
	for hr := 0; hr < 24; hr += 3 {
		h.HourTicks = append(h.HourTicks, Tick{Pos: float64(heatLeft + hr*heatCell + heatCell/2), Label: fmt.Sprintf("%02d", hr)})
	}
	for wd := range 7 {
		h.Days = append(h.Days, HeatDay{Label: weekdays[wd], Y: heatTop + wd*heatCell + heatCell/2 + 4, Counts: m[wd][:],
			Cells: heatRow(m[wd])})
	}
	h.Cells = heatCells(m, h.Max)
	return h
}

// heatCells draws the grid's squares, each shaded by its quarter of the
// busiest hour and titled with its count. Written here rather than by
// the template, where 168 squares of four values each were half the
// reports page's rendering; only numbers and the fixed weekday names go
// in, nothing a person typed.
func heatCells(m [7][24]int, busiest int) template.HTML {
	var b strings.Builder
	for wd := range 7 {
		for hr := range 24 {
			n := m[wd][hr]
			level := 0
			if n > 0 && busiest > 0 {
				level = 1 + (n*4-1)/busiest // 1 to 4 by quarter of the busiest hour
			}
			fmt.Fprintf(&b, `<rect class="heat h%d" x="%d" y="%d" width="22" height="22" rx="3"><title>%s %02d:00–%02d:59: %d new</title></rect>`,
				level, heatLeft+hr*heatCell, heatTop+wd*heatCell, weekdays[wd], hr, hr, n)
		}
	}
	return template.HTML(b.String()) // numbers and fixed words only
}

// heatRow is a weekday's 24 counts as table cells, written here for the
// same reason as heatCells: numbers only.
func heatRow(counts [24]int) template.HTML {
	var b strings.Builder
	for _, n := range counts {
		b.WriteString(`<td class="n">` + strconv.Itoa(n) + `</td>`)
	}
	return template.HTML(b.String()) // numbers only
}
