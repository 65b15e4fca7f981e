package report

import (
	"context"
	"math"
	"time"
)

// Tickets is the ticket report of a period: one entry per day and the
// totals of the period.
type Tickets struct {
	Days   []Day `json:"days"`
	Totals Day   `json:"totals"`
	// Time says which durations the figures are: business or wall.
	Time string `json:"time"`
	// Satisfaction is the period's ratings (docs/reports.md).
	Satisfaction Satisfaction `json:"satisfaction"`
}

// Day holds one day's figures (or, as totals, the period's; its Date is
// then empty and Backlog is the backlog at the period's end).
type Day struct {
	Date          string   `json:"date,omitempty"`
	Created       int      `json:"created"`
	Closed        int      `json:"closed"`
	Reopened      int      `json:"reopened"`
	Backlog       int      `json:"backlog"`
	FirstResponse Figure   `json:"first_response"`
	Resolution    Figure   `json:"resolution"`
	SLAMetPct     *float64 `json:"sla_met_pct"`
	slaMet        int
	slaDue        int
}

// Figure is a median and a 90th percentile in seconds; null when nothing
// was measured.
type Figure struct {
	Median *int64 `json:"median_s"`
	P90    *int64 `json:"p90_s"`
}

// Tickets answers the ticket report for f from the roll-ups.
func (s *Service) Tickets(ctx context.Context, f Filter) (Tickets, error) {
	return s.tickets(ctx, f, true)
}

// tickets is Tickets, from f's slice when it has one and bySlice.
func (s *Service) tickets(ctx context.Context, f Filter, bySlice bool) (Tickets, error) {
	if err := s.CatchUp(ctx); err != nil {
		return Tickets{}, err
	}
	rows, before, hist, err := s.ticketRows(ctx, f, bySlice)
	if err != nil {
		return Tickets{}, err
	}
	out := Tickets{Days: make([]Day, 0, f.Days), Time: f.TimeName()}
	backlog := before
	var total Day
	for d := f.From; !d.After(f.To); d = d.AddDate(0, 0, 1) {
		date := d.Format(time.DateOnly)
		r := rows[date]
		backlog += r.openDelta
		day := Day{Date: date, Created: r.created, Closed: r.closed, Reopened: r.reopened, Backlog: backlog,
			slaMet: r.slaMet, slaDue: r.slaDue}
		day.FirstResponse, day.Resolution = hist.figures(date, f)
		day.SLAMetPct = pct(r.slaMet, r.slaDue)
		out.Days = append(out.Days, day)
		total.add(day)
	}
	total.Backlog = backlog
	total.FirstResponse, total.Resolution = hist.figures("", f)
	total.SLAMetPct = pct(total.slaMet, total.slaDue)
	out.Totals = total
	out.Satisfaction, err = s.satisfactionTotal(ctx, f, total.Closed)
	return out, err
}

// ticketRows reads the period's counts per day, the backlog before it and
// the histograms: from f's slice when it has one, else from the points of
// its full key (points.go); !bySlice, or a slice not yet filled from the
// period's first day (slices_fill.go): from ranges of the full key.
func (s *Service) ticketRows(ctx context.Context, f Filter, bySlice bool) (map[string]dayRow, int, histograms, error) {
	dim, val, ok := f.slice()
	if ok && bySlice {
		from, _ := f.dates()
		covered, err := s.sliceCovers(ctx, dim, from)
		if err != nil {
			return nil, 0, nil, err
		}
		bySlice = covered
	}
	if ok && bySlice {
		return s.sliceRows(ctx, f, dim, val)
	}
	if bySlice {
		return s.pointRows(ctx, f)
	}
	rows, before, err := s.dayRows(ctx, f)
	if err != nil {
		return nil, 0, nil, err
	}
	hist, err := s.histograms(ctx, f)
	return rows, before, hist, err
}

func (d *Day) add(o Day) {
	d.Created += o.Created
	d.Closed += o.Closed
	d.Reopened += o.Reopened
	d.slaMet += o.slaMet
	d.slaDue += o.slaDue
}

// TimeName says which durations the figures are: business or wall.
func (f Filter) TimeName() string {
	if f.Business {
		return "business"
	}
	return "wall"
}

func pct(n, of int) *float64 {
	if of == 0 {
		return nil
	}
	p := math.Round(float64(n)*1000/float64(of)) / 10
	return &p
}
