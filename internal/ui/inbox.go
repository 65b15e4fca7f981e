package ui

import (
	"net/http"
	"net/url"

	"github.com/frontdesk/frontdesk/internal/ticket"
)

// inbox lists one view of the tickets, highest priority first. With
// HX-Request only the rows are sent: what "Load more" appends.
func (u *UI) inbox(w http.ResponseWriter, r *http.Request) error {
	sc, _ := fromContext(r.Context())
	v := inboxViewByKey(r.URL.Query().Get("view"))
	f := v.filter(sc.operator.ID)
	f.Cursor, f.Limit = r.URL.Query().Get("cursor"), inboxPageSize
	f.Status = r.URL.Query().Get("status") // the board's "more" link
	page, err := u.s.Tickets.List(r.Context(), f)
	if err != nil {
		return err
	}
	view := InboxView{Base: u.base(r, csrfToken(r)), ViewLabel: v.label, Tabs: inboxTabs(v.key),
		Empty: v.empty, Rows: ticketRows(page.Items, u.now())}
	view.Section = "inbox"
	if page.NextCursor != "" {
		q := url.Values{"view": {v.key}, "cursor": {page.NextCursor}}
		if f.Status != "" {
			q.Set("status", f.Status)
		}
		view.NextURL = "/inbox?" + q.Encode()
	}
	return u.render(w, r, http.StatusOK, "inbox", "rows", view)
}

const inboxPageSize = 50

// inboxView is one tab of the inbox and the filter behind it.
type inboxView struct {
	key, label string
	kind       string // open | closed
	assignee   string // me | none | "" for anyone
	empty      EmptyState
}

var inboxViews = []inboxView{
	{"mine", "My open", "open", "me", EmptyState{"Nothing open is assigned to you",
		"Pick a ticket from Unassigned, or enjoy the quiet."}},
	{"unassigned", "Unassigned", "open", "none", EmptyState{"Every open ticket has an owner",
		"New tickets that no one has taken appear here."}},
	{"open", "All open", "open", "", EmptyState{"No open tickets",
		"When customers write in, their tickets appear here."}},
	{"closed", "Closed", "closed", "", EmptyState{"No closed tickets yet",
		"Tickets land here once they are solved."}},
}

// inboxViewByKey finds the view of ?view=; an unknown or missing one
// means the operator's own tickets.
func inboxViewByKey(key string) inboxView {
	for _, v := range inboxViews {
		if v.key == key {
			return v
		}
	}
	return inboxViews[0]
}

func (v inboxView) filter(me int64) ticket.Filter {
	return ticket.Filter{Kind: v.kind, Assignee: v.assignee, MeID: me}
}

func inboxTabs(current string) []Tab {
	tabs := make([]Tab, len(inboxViews))
	for i, v := range inboxViews {
		tabs[i] = Tab{Label: v.label, URL: "/inbox?view=" + v.key, Current: v.key == current}
	}
	return tabs
}
