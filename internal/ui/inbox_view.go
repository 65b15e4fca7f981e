package ui

import (
	"fmt"
	"html/template"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/field"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// InboxView is the inbox page, or only its rows for "Load more".
type InboxView struct {
	Base
	ViewLabel string
	Tabs      []Tab
	Chips     []Chip // the active filters, each a link that removes it
	Rows      []TicketRow
	NextURL   string // the next page of rows; empty on the last page
	Empty     EmptyState
	Filters   InboxFilters
	Back      string      // this view with its filters: where actions return
	Error     string      // the filters could not be used
	Columns   []field.Def // custom fields shown as columns (col= in the URL)
}

// Tab is one entry of a row of tabs.
type Tab struct {
	Label, URL string
	Current    bool
	Count      string // shown beside the label when set: the view's ticket count
}

// Chip is one active filter: its label, and the address without it.
type Chip struct{ Label, URL string }

// EmptyState says why a list is empty and what to do about it.
type EmptyState struct{ Heading, Hint string }

// TicketRow is one ticket as a list shows it.
type TicketRow struct {
	ID, Number                        int64
	Subject, Customer, Team, Assignee string
	Status, StatusKind                string
	Tone                              string // new | open | waiting | closed: the status's colour
	Closed                            bool
	// CustomerReplied: the customer answered our last reply; the answer
	// to it is due (a new ticket, not yet answered, says so by its status).
	CustomerReplied                     bool
	Priority                            Priority
	Activity, ActivityISO, ActivityFull string
	Cells                               []Cell // custom field columns or card values
	// Badge is the priority as a board card shows it; Stars the inbox
	// row's priority form (its token, return address, level and star
	// buttons): rendered once per level.
	Badge, Stars template.HTML
	SLA          *SLABadge
}

// Priority is 0 to 3 stars, with words for screen readers.
type Priority struct {
	Level  int
	Stars  []bool // filled or not, MaxPriority of them
	Glyphs string // the stars as text: "★★☆"
	Name   string // "High": shown beside the stars, so they never read as favourites
	Label  string // "Priority: high (2 of 3)"
	// Buttons set the priority in place: star n sets n, and the single
	// star of priority 1 sets it back to 0.
	Buttons []StarButton
}

// StarButton is one star of the priority form.
type StarButton struct {
	Value  int
	Filled bool
	Label  string // "Set priority to 2 (high)"
}

var priorityNames = [ticket.MaxPriority + 1]string{"low", "medium", "high", "urgent"}

var priorityTitles = [ticket.MaxPriority + 1]string{"Low", "Medium", "High", "Urgent"}

// priorities are the four levels, built once: every row of a list shows
// one, and templates only read them.
var priorities = func() (out [ticket.MaxPriority + 1]Priority) {
	for level := range out {
		out[level] = newPriority(level)
	}
	return out
}()

// perPriority renders a page's block once for each priority level:
// markup every row or card of that level repeats, such as a card's
// badge, rendered once rather than on each of 200 cards.
func (u *UI) perPriority(page, block string) (out [ticket.MaxPriority + 1]template.HTML, err error) {
	for level := range out {
		if out[level], err = u.pages.fragment(page, block, priorityOf(level)); err != nil {
			return out, err
		}
	}
	return out, nil
}

// inboxRows readies rows for the inbox's "row" block: its priority form
// returns to back.
func (u *UI) inboxRows(rows []TicketRow, csrf, back string) error {
	var stars [ticket.MaxPriority + 1]template.HTML
	for level := range stars {
		var err error
		stars[level], err = u.pages.fragment("inbox", "prio-controls", prioControls{CSRF: csrf, Back: back, Priority: priorityOf(level)})
		if err != nil {
			return err
		}
	}
	for i := range rows {
		rows[i].Stars = stars[rows[i].Priority.Level]
	}
	return nil
}

// prioControls is what a row's priority form holds but its address.
type prioControls struct {
	CSRF, Back string
	Priority   Priority
}

func priorityOf(level int) Priority {
	return priorities[max(0, min(level, ticket.MaxPriority))]
}

func newPriority(level int) Priority {
	p := Priority{Level: level, Stars: make([]bool, ticket.MaxPriority), Name: priorityTitles[level],
		Label:  fmt.Sprintf("Priority: %s (%d of %d)", priorityNames[level], level, ticket.MaxPriority),
		Glyphs: strings.Repeat("★", level) + strings.Repeat("☆", ticket.MaxPriority-level)}
	for i := range level {
		p.Stars[i] = true
	}
	for i := 1; i <= ticket.MaxPriority; i++ {
		v := i
		if i == 1 && level == 1 {
			v = 0
		}
		p.Buttons = append(p.Buttons, StarButton{Value: v, Filled: i <= level,
			Label: fmt.Sprintf("Set priority to %d (%s)", v, priorityNames[v])})
	}
	return p
}

func ticketRows(items []ticket.Ticket, now time.Time) []TicketRow {
	rows := make([]TicketRow, len(items))
	for i, t := range items {
		rows[i] = TicketRow{ID: t.ID, Number: t.Number, Subject: t.Subject, Customer: customerName(t.Contact),
			Team: t.Team.Name, Status: t.Status.Name, StatusKind: string(t.Status.Kind), Tone: statusTone(t.Status),
			Closed: t.Status.Kind == pipeline.Closed, CustomerReplied: t.CustomerLast && t.FirstResponseAt != nil, Priority: priorityOf(t.Priority),
			Activity: relativeTime(t.LastActivityAt, now), ActivityISO: t.LastActivityAt.UTC().Format(time.RFC3339),
			ActivityFull: t.LastActivityAt.UTC().Format("2 Jan 2006, 15:04 UTC"), SLA: slaBadge(t, now)}
		if t.Assignee != nil {
			rows[i].Assignee = t.Assignee.Name
		}
	}
	return rows
}

// statusTone is the colour a status shows in: closed by its kind; among
// open ones "new" and the waiting kinds (waiting, pending, on hold) by
// their names, as the default pipeline and most teams name them; the
// rest "open".
func statusTone(st ticket.StatusRef) string {
	name := strings.ToLower(st.Name)
	switch {
	case st.Kind == pipeline.Closed:
		return "closed"
	case name == "new" || strings.HasPrefix(name, "new "):
		return "new"
	case strings.Contains(name, "wait") || strings.Contains(name, "pending") || strings.Contains(name, "hold"):
		return "waiting"
	}
	return "open"
}

func customerName(c ticket.ContactRef) string {
	if name := strings.TrimSpace(c.Name); name != "" {
		return name
	}
	return c.Email
}

// relativeTime says how long ago t was, as a person would.
func relativeTime(t, now time.Time) string {
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return fmt.Sprintf("%d min ago", int(d.Minutes()))
	case d < 24*time.Hour:
		return fmt.Sprintf("%d h ago", int(d.Hours()))
	case d < 48*time.Hour:
		return "yesterday"
	case d < 7*24*time.Hour:
		return fmt.Sprintf("%d days ago", int(d.Hours()/24))
	case t.Year() == now.Year():
		return t.Format("2 Jan")
	}
	return t.Format("2 Jan 2006")
}
