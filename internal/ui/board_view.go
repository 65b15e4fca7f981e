package ui

import (
	"cmp"
	"context"
	"html/template"
	"net/url"
	"strconv"
	"time"

	"github.com/frontdesk/frontdesk/internal/field"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// boardColumnSize is how many cards a column shows at once: the most
// pressing first, then "Show more" for as many again. Like the boards
// people know (Trello, HubSpot), a column's head gives its total; 20
// cards fill a laptop's screen, and rendering 50 per column cost the
// board most of its time.
const boardColumnSize = 20

// BoardView is the kanban of one pipeline: a column per status.
type BoardView struct {
	Base
	Pipeline  pipeline.Pipeline
	Pipelines []Tab // every pipeline, when there is more than one
	Columns   []BoardColumn
	Error     string // a move the domain refused
	// Missing asks for the values a move lacks, when a page without
	// script posted it; the board's script shows the same form in a dialog.
	Missing *MissingForm
	Sorts   []Tab // by priority or by SLA due time
	// Moves are the statuses of the one Move menu every card opens (its
	// own status disabled by the script), rendered once per board.
	Moves []Option
}

// BoardColumn is one status and its tickets, highest priority first.
type BoardColumn struct {
	StatusID  int64
	Name      string
	Kind      string
	Count     string // tickets in the status ("1000+" past boardCountCap), not only the cards shown
	MoreURL   string // the column's next cards ("Show more"), when there are more
	FirstURL  string // the board from this column's first cards, when it shows a later page
	Cards     []TicketRow
	HeadingID string
}

// boardQuery is what a board's address asks for beyond its pipeline.
type boardQuery struct {
	Sort   string // "due" (SLA due soonest) or "" (priority)
	Column int64  // the status whose later cards are asked for (?column=)
	Cursor string // where those cards start: a list cursor
}

func parseBoardQuery(v url.Values) boardQuery {
	q := boardQuery{Cursor: v.Get("cursor")}
	if v.Get("sort") == "due" {
		q.Sort = "due"
	}
	q.Column, _ = strconv.ParseInt(v.Get("column"), 10, 64)
	return q
}

// url is the board of pipeline id in q's order, with the column paged
// to cursor when column is set.
func (q boardQuery) url(id, column int64, cursor string) string {
	v := url.Values{}
	if q.Sort != "" {
		v.Set("sort", q.Sort)
	}
	if column != 0 {
		v.Set("column", id64(column))
		v.Set("cursor", cursor)
	}
	if len(v) == 0 {
		return boardURL(id)
	}
	return boardURL(id) + "?" + v.Encode()
}

// cardSource is what every column of one board render shares.
type cardSource struct {
	pl     pipeline.Pipeline
	q      boardQuery
	viewer int64
	defs   []field.Def // the custom fields shown on this pipeline's cards
	badges [ticket.MaxPriority + 1]template.HTML
	now    time.Time
}

// boardView gathers the columns of pipeline id, as operator viewer (0
// for an admin) may see them, in q's order: a pipeline limited to other
// teams is not found, and is left out of the pipeline tabs.
func (u *UI) boardView(ctx context.Context, base Base, id, viewer int64, q boardQuery) (BoardView, error) {
	src, err := u.cardSource(ctx, id, viewer, q)
	if err != nil {
		return BoardView{}, err
	}
	v := BoardView{Base: base, Pipeline: src.pl, Sorts: []Tab{{Label: "Priority", URL: boardURL(id), Current: q.Sort != "due"},
		{Label: "Due soonest", URL: boardURL(id) + "?sort=due", Current: q.Sort == "due"}}}
	v.Section = "board"
	all, err := u.visiblePipelines(ctx, viewer)
	if err != nil {
		return v, err
	}
	if len(all) > 1 {
		for _, p := range all {
			v.Pipelines = append(v.Pipelines, Tab{Label: p.Name, URL: boardURL(p.ID), Current: p.ID == id})
		}
	}
	for _, st := range src.pl.Statuses {
		v.Moves = append(v.Moves, Option{Value: id64(st.ID), Label: st.Name})
	}
	for _, st := range src.pl.Statuses {
		cursor := ""
		if st.ID == q.Column {
			cursor = q.Cursor
		}
		col, err := u.boardColumn(ctx, src, st, cursor)
		if err != nil {
			return v, err
		}
		v.Columns = append(v.Columns, col)
	}
	return v, nil
}

// cardSource reads what the columns of pipeline id share, once per
// render; a pipeline viewer may not see is not found.
func (u *UI) cardSource(ctx context.Context, id, viewer int64, q boardQuery) (cardSource, error) {
	pl, err := u.s.Pipelines.Get(ctx, id)
	if err != nil {
		return cardSource{}, err
	}
	if ok, err := u.visiblePipeline(ctx, id, viewer); err != nil || !ok {
		return cardSource{}, cmp.Or(err, pipeline.ErrNotFound)
	}
	defs, err := u.s.Fields.List(ctx)
	if err != nil {
		return cardSource{}, err
	}
	src := cardSource{pl: pl, q: q, viewer: viewer, defs: appliesTo(onCard(defs), pl.ID), now: u.now()}
	src.badges, err = u.perPriority("board", "priority-badge")
	return src, err
}

// boardColumn loads status st's cards from cursor ("" for the first),
// with the status's total and the address of the cards after them.
func (u *UI) boardColumn(ctx context.Context, src cardSource, st pipeline.Status, cursor string) (BoardColumn, error) {
	page, err := u.s.Tickets.List(ctx, ticket.Filter{Status: id64(st.ID), Limit: boardColumnSize, Viewer: src.viewer,
		Sort: src.q.Sort, Cursor: cursor, Load: ticket.Card})
	if err != nil {
		return BoardColumn{}, err
	}
	col := BoardColumn{StatusID: st.ID, Name: st.Name, Kind: string(st.Kind), HeadingID: "col-" + id64(st.ID)}
	whole := cursor == "" && page.NextCursor == "" // the cards shown are all there is
	if col.Count, err = u.statusCount(ctx, st.ID, len(page.Items), whole); err != nil {
		return col, err
	}
	if page.NextCursor != "" {
		col.MoreURL = src.q.url(src.pl.ID, st.ID, page.NextCursor)
	}
	if cursor != "" {
		col.FirstURL = src.q.url(src.pl.ID, 0, "")
	}
	col.Cards = ticketRows(page.Items, src.now)
	withCells(col.Cards, page.Items, src.defs)
	for i := range col.Cards {
		col.Cards[i].Badge = src.badges[col.Cards[i].Priority.Level]
	}
	return col, nil
}

// boardCountCap is how far a column counts its tickets, as far as the
// inbox's tabs (viewCountCap): four counts of up to 1000 index entries
// are about 1 ms of the board's time at 1M tickets.
const boardCountCap = viewCountCap

// statusCount is a column's total: the cards shown when they are the
// whole status, else the tickets in the status, counted up to
// boardCountCap. A pipeline's tickets are all visible to whoever may see
// its board.
func (u *UI) statusCount(ctx context.Context, statusID int64, shown int, whole bool) (string, error) {
	if whole {
		return strconv.Itoa(shown), nil
	}
	n, err := u.s.Tickets.CountStatus(ctx, statusID, boardCountCap)
	if n >= boardCountCap {
		return strconv.Itoa(boardCountCap) + "+", err
	}
	return strconv.Itoa(n), err
}

func (u *UI) visiblePipeline(ctx context.Context, id, viewer int64) (bool, error) {
	if viewer == 0 {
		return true, nil
	}
	return u.s.Tickets.PipelineVisible(ctx, id, viewer)
}

// visiblePipelines lists, in the admins' order, the pipelines viewer may see.
func (u *UI) visiblePipelines(ctx context.Context, viewer int64) ([]pipeline.Pipeline, error) {
	all, err := u.s.Pipelines.List(ctx)
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, p := range all {
		ok, err := u.visiblePipeline(ctx, p.ID, viewer)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, p)
		}
	}
	return out, nil
}

func boardURL(pipelineID int64) string {
	return "/pipelines/" + strconv.FormatInt(pipelineID, 10) + "/board"
}
