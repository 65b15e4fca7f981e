package ui

import (
	"encoding/csv"
	"net/http"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/report"
)

// reportsChatsCSV sends the chat days table of the Chats tab with the
// same address as CSV, durations in seconds (empty where nothing was
// measured), shares in percent.
func (u *UI) reportsChatsCSV(w http.ResponseWriter, r *http.Request) error {
	q := u.chatReportQuery(r)
	f, err := u.s.Reports.Check(r.Context(), asker(r), q.Query)
	if err != nil {
		return err
	}
	c, err := u.s.Reports.Chats(r.Context(), f)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="chats-`+q.From+`-`+q.To+`.csv"`)
	w.Header().Set("Cache-Control", "no-store")
	out := csv.NewWriter(w)
	_ = out.Write([]string{"date", "sessions", "answered", "missed", "tickets", "offline_messages", "messages",
		"wait_median_s", "wait_p90_s", "duration_median_s", "duration_p90_s", "rated", "satisfied", "okay",
		"dissatisfied", "satisfied_pct"})
	for _, d := range c.Days {
		_ = out.Write(chatCSVRow(d))
	}
	out.Flush()
	return out.Error()
}

func chatCSVRow(d report.ChatDay) []string {
	num := func(s *int64) string {
		if s == nil {
			return ""
		}
		return strconv.FormatInt(*s, 10)
	}
	sat := ""
	if p := d.Ratings.SatisfiedPct; p != nil {
		sat = strconv.FormatFloat(*p, 'f', -1, 64)
	}
	n := strconv.Itoa
	return []string{d.Date, n(d.Sessions), n(d.Answered), n(d.Missed), n(d.Tickets), n(d.Offline), n(d.Messages),
		num(d.Wait.Median), num(d.Wait.P90), num(d.Duration.Median), num(d.Duration.P90), n(d.Ratings.Rated),
		n(d.Ratings.Satisfied), n(d.Ratings.Okay), n(d.Ratings.Dissatisfied), sat}
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
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="chats-by-country-`+q.From+`-`+q.To+`.csv"`)
	w.Header().Set("Cache-Control", "no-store")
	out := csv.NewWriter(w)
	_ = out.Write([]string{"country", "name", "sessions", "missed"})
	for _, c := range list {
		_ = out.Write([]string{c.Country, c.Name, strconv.Itoa(c.Sessions), strconv.Itoa(c.Missed)})
	}
	out.Flush()
	return out.Error()
}
