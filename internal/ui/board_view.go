package ui

import (
	"cmp"
	"context"
	"net/url"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// boardColumnSize is how many cards a column shows; the rest are one
// "more" link away, in the inbox filtered by that status.
const boardColumnSize = 50

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
	MoreURL   string // the inbox filtered by this status, when there are more
	Cards     []TicketRow
	HeadingID string
}

// boardView gathers the columns of pipeline id, as operator viewer (0
// for an admin) may see them, in sort order ("due" or priority): a
// pipeline limited to other teams is not found, and is left out of the
// pipeline tabs.
func (u *UI) boardView(ctx context.Context, base Base, id, viewer int64, sort string) (BoardView, error) {
	pl, err := u.s.Pipelines.Get(ctx, id)
	if err != nil {
		return BoardView{}, err
	}
	if ok, err := u.visiblePipeline(ctx, id, viewer); err != nil || !ok {
		return BoardView{}, cmp.Or(err, pipeline.ErrNotFound)
	}
	v := BoardView{Base: base, Pipeline: pl, Sorts: []Tab{{Label: "Priority", URL: boardURL(id), Current: sort != "due"},
		{Label: "Due soonest", URL: boardURL(id) + "?sort=due", Current: sort == "due"}}}
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
	now := u.now()
	defs, err := u.s.Fields.List(ctx)
	if err != nil {
		return v, err
	}
	card := onCard(defs)
	for _, st := range pl.Statuses {
		v.Moves = append(v.Moves, Option{Value: id64(st.ID), Label: st.Name})
	}
	badges, err := u.perPriority("board", "priority-badge")
	if err != nil {
		return v, err
	}
	for _, st := range pl.Statuses {
		page, err := u.s.Tickets.List(ctx, ticket.Filter{Status: id64(st.ID), Limit: boardColumnSize, Viewer: viewer, Sort: v.sort(),
			Load: ticket.Card})
		if err != nil {
			return v, err
		}
		col := BoardColumn{StatusID: st.ID, Name: st.Name, Kind: string(st.Kind), HeadingID: "col-" + id64(st.ID)}
		if col.Count, err = u.statusCount(ctx, st.ID, len(page.Items), page.NextCursor != ""); err != nil {
			return v, err
		}
		if page.NextCursor != "" {
			view := "open"
			if st.Kind == pipeline.Closed {
				view = "closed"
			}
			col.MoreURL = "/inbox?" + url.Values{"view": {view}, "status": {id64(st.ID)}}.Encode()
		}
		col.Cards = ticketRows(page.Items, now)
		withCells(col.Cards, page.Items, appliesTo(card, pl.ID))
		for i := range col.Cards {
			col.Cards[i].Badge = badges[col.Cards[i].Priority.Level]
		}
		v.Columns = append(v.Columns, col)
	}
	return v, nil
}

// boardCountCap is how far a column counts its tickets.
const boardCountCap = 1000

// statusCount is a column's total: the cards shown when they are all,
// else the tickets in the status, counted up to boardCountCap. A
// pipeline's tickets are all visible to whoever may see its board.
func (u *UI) statusCount(ctx context.Context, statusID int64, shown int, more bool) (string, error) {
	if !more {
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

// sort is the order of the cards: "due" (SLA due soonest) or "".
func (v BoardView) sort() string {
	if len(v.Sorts) > 1 && v.Sorts[1].Current {
		return "due"
	}
	return ""
}
