package ui

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/geoip"
	"github.com/frontdesk/frontdesk/internal/report"
)

// ChatTab is the Chats tab of the reports page.
type ChatTab struct {
	Summary     []Figure
	Charts      []Chart
	Days        []ChatReportDay
	Operators   []ChatReportOperator
	Sessions    []ChatSessionRow // the latest sessions of the period
	Comments    []ChatSessionRow // the latest rating comments
	AllURL      string           // every session of the period
	CommentsURL string
	CSVURL      string
	Live        LivePanel
	Countries   []ChatCountryRow // sessions by the visitor's country
	CountryCSV  string
}

// ChatCountryRow is one country of the by-country table.
type ChatCountryRow struct {
	Name, Code  string
	Sessions    int
	Missed      int
	MissedShare string
}

func (c *ChatTab) fillCountries(q reportQuery, list []report.ChatCountry) {
	for _, k := range list {
		c.Countries = append(c.Countries, ChatCountryRow{Name: k.Name, Code: k.Country, Sessions: k.Sessions,
			Missed: k.Missed, MissedShare: strings.TrimSpace(share(k.Missed, k.Sessions, ""))})
	}
	c.CountryCSV = "/reports/chats/countries.csv?" + q.values().Encode()
}

// ChatReportDay is one row of the chat days table.
type ChatReportDay struct {
	Date, Label                               string
	Sessions, Missed, Tickets, Offline, Rated int
	SessionsURL, MissedURL, TicketsURL        string
	RatedURL, OfflineURL                      string
	WaitMedian, WaitP90, DurationMedian       string
	PerSession, Satisfied                     string
}

// ChatReportOperator is one row of the operator analysis.
type ChatReportOperator struct {
	Name                                string
	Sessions                            int
	SessionsURL                         string
	MeanDuration, MeanRating, Satisfied string
	WaitMedian                          string
}

// ChatSessionRow is one session as the reports list it.
type ChatSessionRow struct {
	ChatID                          int64
	Date, Time, Visitor, Country    string
	Operator                        string
	Wait, Duration, Rating, Comment string
	Messages                        int
	Missed                          bool
	TicketID                        int64
	Transcript                      string
}

func (c *ChatTab) fill(q reportQuery, r report.Chats, ops []report.ChatOperatorRow, latest, comments []report.Session) {
	whole := [2]string{q.From, q.To}
	t := r.Totals
	link := func(outcome string, days [2]string, operator string) string {
		return chatHistoryURL(q, outcome, days, operator)
	}
	c.Summary = []Figure{
		{Label: "Sessions", Value: strconv.Itoa(t.Sessions), URL: link("", whole, "")},
		{Label: "Missed", Value: strconv.Itoa(t.Missed), URL: link("missed", whole, ""), Hint: share(t.Missed, t.Sessions, "of sessions")},
		{Label: "Became tickets", Value: strconv.Itoa(t.Tickets), URL: link("ticket", whole, "")},
		{Label: "Offline messages", Value: strconv.Itoa(t.Offline), URL: offlineURL(q, whole),
			Hint: "each a ticket of channel Chat"},
		{Label: "Time to answer, median", Value: duration(t.Wait.Median), Hint: "90 %: " + duration(t.Wait.P90)},
		{Label: "Duration, median", Value: duration(t.Duration.Median), Hint: "mean: " + duration(t.MeanDuration)},
		{Label: "Messages per session", Value: decimal(t.PerSession)},
		{Label: "Rated", Value: strconv.Itoa(t.Ratings.Rated), URL: link("rated", whole, ""), Hint: percent(t.Ratings.RatedPct) + " of sessions"},
		{Label: "Satisfied", Value: percent(t.Ratings.SatisfiedPct), URL: link("satisfied", whole, ""), Hint: "of ratings"},
	}
	for _, d := range r.Days {
		one := [2]string{d.Date, d.Date}
		c.Days = append(c.Days, ChatReportDay{Date: d.Date, Label: shortDay(d.Date), Sessions: d.Sessions,
			Missed: d.Missed, Tickets: d.Tickets, Offline: d.Offline, Rated: d.Ratings.Rated,
			SessionsURL: link("", one, ""), MissedURL: link("missed", one, ""), TicketsURL: link("ticket", one, ""),
			RatedURL: link("rated", one, ""), OfflineURL: offlineURL(q, one), WaitMedian: duration(d.Wait.Median), WaitP90: duration(d.Wait.P90),
			DurationMedian: duration(d.Duration.Median), PerSession: decimal(d.PerSession),
			Satisfied: percent(d.Ratings.SatisfiedPct)})
	}
	for _, o := range ops {
		c.Operators = append(c.Operators, ChatReportOperator{Name: o.Name, Sessions: o.Sessions,
			SessionsURL: link("", whole, strconv.FormatInt(o.ID, 10)), MeanDuration: duration(o.MeanDuration),
			MeanRating: meanRating(o.MeanRating), Satisfied: percent(o.Ratings.SatisfiedPct),
			WaitMedian: duration(o.Wait.Median)})
	}
	c.Sessions, c.Comments = sessionRows(latest), sessionRows(comments)
	c.AllURL, c.CommentsURL = link("", whole, ""), link("commented", whole, "")
	c.CSVURL = "/reports/chats.csv?" + q.values().Encode()
	c.Charts = chatCharts(r)
}

// TableCSV is the CSV address of one table of the Chats tab.
func (c *ChatTab) TableCSV(table string) string { return c.CSVURL + "&table=" + table }

// offlineURL is the inbox list of the tickets the offline messages of
// the days became, on the report's team (offline messages have no
// operator).
func offlineURL(q reportQuery, days [2]string) string {
	v := url.Values{"view": {"open"}, "offline": {days[0] + ".." + days[1]}}
	if q.Team != "" {
		v.Set("team", q.Team)
	}
	return "/inbox?" + v.Encode()
}

// chatHistoryURL is the chat list behind a figure: the sessions of the
// days with the outcome, under the report's team and operator.
func chatHistoryURL(q reportQuery, outcome string, days [2]string, operator string) string {
	v := url.Values{"from": {days[0]}, "to": {days[1]}}
	if q.Team != "" {
		v.Set("team", q.Team)
	}
	if q.Operator != "" {
		operator = q.Operator
	}
	if operator != "" {
		v.Set("operator", operator)
	}
	if outcome != "" {
		v.Set("outcome", outcome)
	}
	return "/chats/history?" + v.Encode()
}

func sessionRows(list []report.Session) []ChatSessionRow {
	out := make([]ChatSessionRow, 0, len(list))
	for _, s := range list {
		row := ChatSessionRow{ChatID: s.ChatID, Date: shortDay(s.Day), Time: s.StartedAt.UTC().Format("15:04") + " UTC", Visitor: s.Visitor,
			Country: countryName(s.Country), Operator: s.Operator, Wait: duration(s.WaitS), Duration: duration(&s.DurationS),
			Messages: s.Messages, Rating: ratingLabel(s.Rating), Comment: s.Comment, Missed: !s.Answered,
			Transcript: "/chats/" + strconv.FormatInt(s.ChatID, 10)}
		if row.Visitor == "" {
			row.Visitor = "Visitor #" + strconv.FormatInt(s.ChatID, 10)
		}
		if row.Operator == "" {
			row.Operator = "–"
		}
		if s.TicketID != nil {
			row.TicketID = *s.TicketID
		}
		out = append(out, row)
	}
	return out
}

func ratingLabel(r string) string {
	switch r {
	case "satisfied":
		return "Satisfied"
	case "okay":
		return "Okay"
	case "dissatisfied":
		return "Dissatisfied"
	}
	return "–"
}

func meanRating(m *float64) string {
	if m == nil {
		return "–"
	}
	return strconv.FormatFloat(*m, 'f', 1, 64) + " / 3"
}

func decimal(v *float64) string {
	if v == nil {
		return "–"
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

// share is n of total as a whole percentage with its words; empty when
// there is no total.
func share(n, total int, of string) string {
	if total == 0 {
		return ""
	}
	return fmt.Sprintf("%d %% %s", (n*100+total/2)/total, of)
}

func chatCharts(r report.Chats) []Chart {
	n := len(r.Days)
	days := make([]string, n)
	answered, missed := make([]*float64, n), make([]*float64, n)
	sat, okay, dis := make([]*float64, n), make([]*float64, n), make([]*float64, n)
	waits := make([]report.Figure, n)
	for i, d := range r.Days {
		days[i], answered[i], missed[i] = d.Date, count(d.Answered), count(d.Missed)
		sat[i], okay[i], dis[i] = count(d.Ratings.Satisfied), count(d.Ratings.Okay), count(d.Ratings.Dissatisfied)
		waits[i] = d.Wait
	}
	sessions := barChart("chat-sessions", "Sessions, answered and missed", days,
		[]series{{"Answered", "s1", answered}, {"Missed", "s2", missed}})
	sessions.Table = chatTable(days, []string{"Answered", "Missed"}, r.Days, func(d report.ChatDay) []int {
		return []int{d.Answered, d.Missed}
	})
	wait := durationChart("chat-wait", "Time to answer", days, waits)
	ratings := barChart("chat-ratings", "Ratings", days,
		[]series{{"Satisfied", "s1", sat}, {"Okay", "s2", okay}, {"Dissatisfied", "s3", dis}})
	ratings.Table = chatTable(days, []string{"Satisfied", "Okay", "Dissatisfied"}, r.Days, func(d report.ChatDay) []int {
		return []int{d.Ratings.Satisfied, d.Ratings.Okay, d.Ratings.Dissatisfied}
	})
	return []Chart{sessions, wait, ratings}
}

func chatTable(days, head []string, list []report.ChatDay, get func(report.ChatDay) []int) ChartTable {
	tb := ChartTable{Head: append([]string{"Day"}, head...)}
	for i, d := range list {
		row := []string{shortDay(days[i])}
		for _, v := range get(d) {
			row = append(row, strconv.Itoa(v))
		}
		tb.Rows = append(tb.Rows, row)
	}
	return tb
}

// countryName names a session's country; "" stays "" (not known).
func countryName(code string) string {
	if code == "" {
		return ""
	}
	return geoip.CountryName(code)
}
