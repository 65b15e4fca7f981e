package ui

import (
	"context"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/ticket"
)

// inboxQuery is what the inbox URL asks for: a view and the filter bar.
// It is read from the query string and written back into every link and
// form of the page, so paging and actions keep the view and filters.
type inboxQuery struct {
	View, Team, Status, Priority, Assignee, Channel, Tag, Q, SLA, Sort string
	// Created, Closed, SLAMissed and Offline ("YYYY-MM-DD..YYYY-MM-DD")
	// open the tickets behind a report figure (see factsOf); Target and
	// Policy narrow the SLA misses.
	Created, Closed, SLAMissed, Offline, Target, Policy string
	// Fields are custom field filters, "name:value" (field=, or the
	// filter bar's fk= and fv= pair); Cols the fields shown as columns.
	Fields, Cols []string
}

// inboxSorts are the orders the inbox offers besides the usual one
// (ticket.Filter.Sort); the Closed view's usual order is by closing time.
var inboxSorts = []string{"waiting", "customer", "due"}

// inboxParams are the query parameters of the filter bar, in URL order.
var inboxParams = []string{"view", "team", "status", "priority", "assignee", "channel", "tag", "q", "sla", "sort",
	"created", "closed", "sla_missed", "offline", "target", "policy"}

func parseInboxQuery(v url.Values) inboxQuery {
	get := func(k string) string { return strings.TrimSpace(v.Get(k)) }
	q := inboxQuery{View: get("view"), Team: get("team"), Status: get("status"), Priority: get("priority"),
		Assignee: get("assignee"), Channel: get("channel"), Tag: get("tag"), Q: get("q"), SLA: get("sla"), Sort: get("sort"),
		Created: get("created"), Closed: get("closed"), SLAMissed: get("sla_missed"), Offline: get("offline"),
		Target: get("target"), Policy: get("policy")}
	if !slices.Contains(inboxSorts, q.Sort) {
		q.Sort = ""
	}
	if n, err := strconv.Atoi(q.Priority); err != nil || n < 0 || n > ticket.MaxPriority {
		q.Priority = ""
	}
	q.Fields = nonEmpty(v["field"])
	if k, text := get("fk"), get("fv"); k != "" && text != "" {
		q.Fields = append(q.Fields, k+":"+text)
	}
	q.Cols = nonEmpty(v["col"])
	return q
}

// nonEmpty keeps the trimmed values that are not empty, each once.
func nonEmpty(values []string) []string {
	var out []string
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

func (q inboxQuery) fields() []string {
	return []string{q.View, q.Team, q.Status, q.Priority, q.Assignee, q.Channel, q.Tag, q.Q, q.SLA, q.Sort,
		q.Created, q.Closed, q.SLAMissed, q.Offline, q.Target, q.Policy}
}

// values holds the parameters that are set.
func (q inboxQuery) values() url.Values {
	v := url.Values{}
	for i, f := range q.fields() {
		if f != "" {
			v.Set(inboxParams[i], f)
		}
	}
	for _, f := range q.Fields {
		v.Add("field", f)
	}
	for _, c := range q.Cols {
		v.Add("col", c)
	}
	return v
}

// url is the inbox address of q.
func (q inboxQuery) url() string {
	if enc := q.values().Encode(); enc != "" {
		return "/inbox?" + enc
	}
	return "/inbox"
}

// filtered says whether the filter bar narrows the view.
func (q inboxQuery) filtered() bool {
	if len(q.Fields) > 0 || q.factsDays() != "" {
		return true
	}
	for _, f := range q.fields()[1:9] { // the sort order narrows nothing
		if f != "" {
			return true
		}
	}
	return false
}

// filter is the view's filter narrowed by the filter bar. A chosen status
// replaces the view's open or closed, so any status can be found.
func (q inboxQuery) filter(v inboxView, me int64) ticket.Filter {
	f := v.filter(me)
	f.Channel, f.Tag, f.Q, f.SLA, f.Sort = q.Channel, q.Tag, q.Q, q.SLA, q.Sort
	if q.Team != "" {
		f.Team = q.Team
	}
	if q.Assignee != "" {
		f.Assignee = q.Assignee
	}
	if q.Status != "" {
		f.Status, f.Kind = q.Status, ""
	}
	if n, err := strconv.Atoi(q.Priority); err == nil {
		f.Priority = &n
	}
	if f.Sort == "" && f.Kind == "closed" {
		f.Sort = "closed"
	}
	return f
}

// safeInboxURL keeps a "back" address posted by a form to the inbox, so a
// form cannot send the operator elsewhere.
func safeInboxURL(back string) string {
	u, err := url.Parse(back)
	if err != nil || u.Path != "/inbox" || u.Host != "" || u.Scheme != "" {
		return "/inbox"
	}
	return parseInboxQuery(u.Query()).url()
}

// inboxViews are the fixed views with one open view per team before Closed.
func (u *UI) inboxViews(ctx context.Context) ([]inboxView, error) {
	teams, err := u.s.Teams.List(ctx)
	if err != nil {
		return nil, err
	}
	views := append([]inboxView{}, inboxViews[:len(inboxViews)-1]...)
	for _, t := range teams {
		views = append(views, inboxView{key: "team-" + t.Slug, label: t.Name + " — open", kind: "open", team: t.Slug, teamID: t.ID,
			teamName: t.Name,
			empty:    EmptyState{"No open tickets for " + t.Name, "New tickets to this team appear here."}})
	}
	return append(views, inboxViews[len(inboxViews)-1]), nil
}
