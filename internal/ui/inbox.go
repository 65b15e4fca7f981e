package ui

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// inbox lists one view of the tickets, narrowed by the filter bar,
// highest priority first. With HX-Request only the rows are sent: what
// "Load more" appends and what live updates reload.
func (u *UI) inbox(w http.ResponseWriter, r *http.Request) error {
	notice := ""
	if r.Header.Get("HX-Request") == "" { // rows alone have no place for it
		notice = u.takeFlash(w, r)
	}
	return u.inboxPage(w, r, r.URL.Query(), notice, http.StatusOK)
}

// inboxPage renders the inbox for the query params, with a notice on top
// (a bulk action's summary).
func (u *UI) inboxPage(w http.ResponseWriter, r *http.Request, params url.Values, notice string, status int) error {
	sc, _ := fromContext(r.Context())
	q := parseInboxQuery(params)
	views, err := u.inboxViews(r.Context())
	if err != nil {
		return err
	}
	v := inboxViewByKey(views, q.View)
	q.View = v.key
	f := q.filter(v, sc.operator.ID)
	f.Cursor, f.Limit, f.Viewer, f.Load = params.Get("cursor"), inboxPageSize, viewer(r), ticket.Row
	factsErr := u.factsOf(r.Context(), q, &f)
	view := InboxView{Base: u.base(r, csrfToken(r)), ViewLabel: v.label, Empty: v.empty, Back: q.url()}
	if view.Tabs, err = u.inboxTabs(r, views, v.key); err != nil {
		return err
	}
	view.Section, view.Flash = "inbox", notice
	if label := factsLabel(q); label != "" {
		view.ViewLabel, view.Tabs = label, noCurrent(view.Tabs)
		if view.Flash == "" {
			view.Flash = factsNotice(q, label)
		}
	}
	if view.Filters, err = u.inboxFilters(r.Context(), q, viewer(r), views); err != nil {
		return err
	}
	defs, err := u.s.Fields.List(r.Context())
	if err != nil {
		return err
	}
	view.Filters.Custom = fieldFilters(defs, q)
	view.Chips = inboxChips(q, view.Filters, defs)
	f.Custom, err = u.customMatches(r.Context(), q.Fields)
	if err == nil {
		err = factsErr
	}
	page := ticket.Page{}
	if err == nil {
		page, err = u.s.Tickets.List(r.Context(), f)
	}
	if e := httpx.Map(err); err != nil && e.Status >= 500 {
		return err
	} else if err != nil {
		view.Error = "These filters cannot be used: " + sentenceCase(e.Message)
		for field, m := range e.Fields {
			view.Error = "These filters cannot be used: " + sentence(field, m)
		}
	}
	view.Rows = ticketRows(page.Items, u.now())
	view.Columns = columnDefs(defs, q.Cols)
	withCells(view.Rows, page.Items, view.Columns)
	if err := u.inboxRows(view.Rows, view.CSRF, view.Back); err != nil {
		return err
	}
	if page.NextCursor != "" {
		nv := q.values()
		nv.Set("cursor", page.NextCursor)
		view.NextURL = "/inbox?" + nv.Encode()
	}
	return u.render(w, r, status, "inbox", "rows", view)
}

// inboxPageSize is how many rows a page of the inbox shows, "Load more"
// adding as many again: two screens of a laptop, as GitHub's issues and
// Zendesk's views (25, 30) page. Each row cost about 0.15 ms of the page
// at 1M tickets (its read, its SLA, its template), 50 of them most of it.
const inboxPageSize = 25

// inboxView is one tab of the inbox and the filter behind it.
type inboxView struct {
	key, label string
	kind       string // open | closed
	assignee   string // me | none | "" for anyone
	team       string // a team's slug, or "" for every team
	teamID     int64
	teamName   string
	empty      EmptyState
}

var inboxViews = []inboxView{
	{key: "mine", label: "My open", kind: "open", assignee: "me", empty: EmptyState{"Nothing open is assigned to you",
		"Pick a ticket from Unassigned, or enjoy the quiet."}},
	{key: "unassigned", label: "Unassigned", kind: "open", assignee: "none", empty: EmptyState{
		"Every open ticket has an owner", "New tickets that no one has taken appear here."}},
	{key: "open", label: "All open", kind: "open", empty: EmptyState{"No open tickets",
		"When customers write in, their tickets appear here."}},
	{key: "closed", label: "Closed", kind: "closed", empty: EmptyState{"No closed tickets yet",
		"Tickets land here once they are solved."}},
}

// inboxViewByKey finds the view of ?view=; an unknown or missing one
// means the operator's own tickets.
func inboxViewByKey(views []inboxView, key string) inboxView {
	for _, v := range views {
		if v.key == key {
			return v
		}
	}
	return views[0]
}

func (v inboxView) filter(me int64) ticket.Filter {
	return ticket.Filter{Kind: v.kind, Assignee: v.assignee, Team: v.team, MeID: me}
}

// viewCountCap is how far a view's tab counts: there the tab reads
// "1000+". Each count reads up to this many index entries, for seven
// views on every inbox page (1.5 ms of its CPU at 1M tickets); a team
// with 300 open tickets needs to see 300, not "100+".
const viewCountCap = 1000

func countQuery(views []inboxView, me, viewer int64) ticket.CountQuery {
	q := ticket.CountQuery{Me: me, Viewer: viewer, Cap: viewCountCap}
	for _, v := range views {
		if v.teamID != 0 {
			q.Teams = append(q.Teams, v.teamID)
		}
	}
	return q
}

// tabCount is a count as a tab shows it: "1000+" once it reaches the cap.
func tabCount(n int) string {
	if n >= viewCountCap {
		return strconv.Itoa(viewCountCap) + "+"
	}
	return strconv.Itoa(n)
}

// inboxTabs are the views as tabs, each open one with its ticket count
// (Closed, which only grows, goes without). Rows alone (htmx) need none.
func (u *UI) inboxTabs(r *http.Request, views []inboxView, current string) ([]Tab, error) {
	if r.Header.Get("HX-Request") != "" {
		return nil, nil
	}
	sc, _ := fromContext(r.Context())
	c, err := u.s.Tickets.CountOpen(r.Context(), countQuery(views, sc.operator.ID, viewer(r)))
	if err != nil {
		return nil, err
	}
	tabs := make([]Tab, len(views))
	for i, v := range views {
		tabs[i] = Tab{Label: v.label, URL: "/inbox?view=" + url.QueryEscape(v.key), Current: v.key == current}
		switch {
		case v.kind == "closed":
		case v.team != "":
			tabs[i].Count = tabCount(c.ByTeam[v.teamID])
		case v.assignee == "me":
			tabs[i].Count = tabCount(c.Mine)
		case v.assignee == "none":
			tabs[i].Count = tabCount(c.Unassigned)
		default:
			tabs[i].Count = tabCount(c.All)
		}
	}
	return tabs, nil
}
