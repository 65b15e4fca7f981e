package ui

import (
	"net/http"
	"strconv"
	"time"

	"github.com/frontdesk/frontdesk/internal/report"
)

// reportsChatsCSV sends one table of the Chats tab with the same address
// as CSV (?table=: the days, the default, operators or sessions), durations in
// seconds (empty where nothing was measured), shares in percent.
func (u *UI) reportsChatsCSV(w http.ResponseWriter, r *http.Request) error {
	q := u.chatReportQuery(r)
	table := r.URL.Query().Get("table")
	if err := checkCSVTable(table, chatCSVTables); err != nil {
		return err
	}
	f, err := u.s.Reports.Check(r.Context(), asker(r), q.Query)
	if err != nil {
		return err
	}
	var rows [][]string
	switch table {
	case "operators":
		ops, err := u.s.Reports.ChatOperators(r.Context(), f)
		if err != nil {
			return err
		}
		rows = chatOperatorsCSV(ops)
	case "sessions":
		if rows, err = u.sessionsCSV(r, f); err != nil {
			return err
		}
	default:
		c, err := u.s.Reports.Chats(r.Context(), f)
		if err != nil {
			return err
		}
		rows = [][]string{{"date", "sessions", "answered", "missed", "tickets", "offline_messages", "messages",
			"wait_median_s", "wait_p90_s", "duration_median_s", "duration_p90_s", "rated", "satisfied", "okay",
			"dissatisfied", "satisfied_pct"}}
		for _, d := range c.Days {
			rows = append(rows, chatCSVRow(d))
		}
	}
	return sendCSV(w, csvName("chats", table, q), rows)
}

func chatCSVRow(d report.ChatDay) []string {
	n := strconv.Itoa
	return []string{d.Date, n(d.Sessions), n(d.Answered), n(d.Missed), n(d.Tickets), n(d.Offline), n(d.Messages),
		csvSeconds(d.Wait.Median), csvSeconds(d.Wait.P90), csvSeconds(d.Duration.Median), csvSeconds(d.Duration.P90),
		n(d.Ratings.Rated), n(d.Ratings.Satisfied), n(d.Ratings.Okay), n(d.Ratings.Dissatisfied),
		csvPct(d.Ratings.SatisfiedPct)}
}

func chatOperatorsCSV(ops []report.ChatOperatorRow) [][]string {
	rows := [][]string{{"operator", "email", "sessions", "mean_duration_s", "mean_rating", "satisfied_pct",
		"wait_median_s", "wait_p90_s"}}
	for _, o := range ops {
		rows = append(rows, []string{csvText(o.Name), csvText(o.Email), strconv.Itoa(o.Sessions), csvSeconds(o.MeanDuration),
			csvPct(o.MeanRating), csvPct(o.Ratings.SatisfiedPct), csvSeconds(o.Wait.Median), csvSeconds(o.Wait.P90)})
	}
	return rows
}

// sessionsCSV lists every session of the period, newest first, page by
// page as the sessions history reads them.
func (u *UI) sessionsCSV(r *http.Request, f report.Filter) ([][]string, error) {
	rows := [][]string{{"chat_id", "date", "started_at", "visitor", "country", "operator", "answered", "wait_s",
		"duration_s", "messages", "rating", "comment", "ticket_id"}}
	q := report.SessionQuery{Limit: 200}
	for {
		page, err := u.s.Reports.Sessions(r.Context(), f, q)
		if err != nil {
			return nil, err
		}
		for _, s := range page {
			ticket := ""
			if s.TicketID != nil {
				ticket = strconv.FormatInt(*s.TicketID, 10)
			}
			rows = append(rows, []string{strconv.FormatInt(s.ChatID, 10), s.Day, s.StartedAt.UTC().Format(time.RFC3339),
				csvText(s.Visitor), csvText(s.Country), csvText(s.Operator), strconv.FormatBool(s.Answered),
				csvSeconds(s.WaitS), strconv.FormatInt(s.DurationS, 10), strconv.Itoa(s.Messages), s.Rating,
				csvText(s.Comment), ticket})
		}
		if len(page) < q.Limit {
			return rows, nil
		}
		q.Before = page[len(page)-1].ChatID
	}
}

// reportsChatCountriesCSV sends the Chats tab's by-country table as CSV.
func (u *UI) reportsChatCountriesCSV(w http.ResponseWriter, r *http.Request) error {
	q := u.chatReportQuery(r)
	f, err := u.s.Reports.Check(r.Context(), asker(r), q.Query)
	if err != nil {
		return err
	}
	list, err := u.s.Reports.ChatCountries(r.Context(), f)
	if err != nil {
		return err
	}
	rows := [][]string{{"country", "name", "sessions", "missed"}}
	for _, c := range list {
		rows = append(rows, []string{c.Country, csvText(c.Name), strconv.Itoa(c.Sessions), strconv.Itoa(c.Missed)})
	}
	return sendCSV(w, csvName("chats", "countries", q), rows)
}
