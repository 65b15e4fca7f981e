package ui

import (
	"net/http"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/report"
)

// ChatHistoryView lists the chat sessions behind a chat figure: a period,
// a team, an operator and an outcome, newest first, a page at a time.
type ChatHistoryView struct {
	Base
	Heading  string
	Period   string
	Rows     []ChatSessionRow
	Errors   map[string]string
	OlderURL string
	BackURL  string // the Chats tab of the same period
	Outcomes []Tab
}

const historyPage = 50

// outcomeNames are the headings of the session lists.
var outcomeNames = map[string]string{"": "All sessions", "answered": "Answered sessions", "missed": "Missed sessions",
	"ticket": "Sessions that became tickets", "rated": "Rated sessions", "satisfied": "Sessions rated Satisfied",
	"okay": "Sessions rated Okay", "dissatisfied": "Sessions rated Dissatisfied", "commented": "Ratings with comments"}

// chatHistory is the chat list behind the Chats tab's numbers. It lists
// the sessions of the report record (the same rows the figures count),
// so a count and its list always agree.
func (u *UI) chatHistory(w http.ResponseWriter, r *http.Request) error {
	v := ChatHistoryView{Base: u.base(r, csrfToken(r))}
	v.Section = "chats"
	q := u.chatReportQuery(r)
	outcome := r.URL.Query().Get("outcome")
	v.Heading = outcomeNames[outcome]
	if v.Heading == "" {
		v.Heading = "Sessions"
	}
	v.Period = shortDay(q.From)
	if q.To != q.From {
		v.Period += " – " + shortDay(q.To)
	}
	v.BackURL = "/reports/chats?" + q.values().Encode()
	f, err := u.s.Reports.Check(r.Context(), asker(r), q.Query)
	if err == nil {
		err = report.CheckOutcome(outcome)
	}
	if e := httpx.Map(err); err != nil && e.Status < 500 {
		v.Errors = e.Fields
		return u.render(w, r, http.StatusUnprocessableEntity, "chats_history", "", v)
	} else if err != nil {
		return err
	}
	if f.TeamSlug != "" {
		v.Period += " · team " + f.TeamSlug
	}
	before, _ := strconv.ParseInt(r.URL.Query().Get("before"), 10, 64)
	list, err := u.s.Reports.Sessions(r.Context(), f, report.SessionQuery{Outcome: outcome, Before: before,
		Limit: historyPage})
	if err != nil {
		return err
	}
	v.Rows = sessionRows(list)
	if len(list) == historyPage {
		next := r.URL.Query()
		next.Set("before", strconv.FormatInt(list[len(list)-1].ChatID, 10))
		v.OlderURL = "/chats/history?" + next.Encode()
	}
	v.Outcomes = outcomeTabs(q, outcome)
	return u.render(w, r, http.StatusOK, "chats_history", "", v)
}

func outcomeTabs(q reportQuery, current string) []Tab {
	var out []Tab
	for _, o := range []string{"", "missed", "ticket", "rated", "commented"} {
		v := q.values()
		if o != "" {
			v.Set("outcome", o)
		}
		out = append(out, Tab{Label: map[string]string{"": "All", "missed": "Missed", "ticket": "Became tickets",
			"rated": "Rated", "commented": "With comments"}[o], URL: "/chats/history?" + v.Encode(), Current: o == current})
	}
	return out
}
