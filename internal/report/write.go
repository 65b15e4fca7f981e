package report

import (
	"context"
	"encoding/json"
	"math"
	"time"

	"github.com/frontdesk/frontdesk/internal/calendar"
	"github.com/frontdesk/frontdesk/internal/db"
)

// recorder is where facts are written: the live record's transaction
// (one fact), or a rebuild's chunk of tickets. It keeps what it read once:
// the teams' zones and the calendars.
type recorder struct {
	tx     *db.Tx
	out    sink
	zones  map[int64]*time.Location
	cals   map[int64]*calendar.Calendar
	states map[int64]state // a rebuild's tickets, saved at the chunk's end; nil: read and save report_tickets
	tags   map[int64][]string
	known  *known // the live record's ticket, as read with it
	// knownCalendar is the id of the calendar in known (the ticket's).
	knownCalendar int64
}

func newRecorder(tx *db.Tx, out sink) *recorder {
	return &recorder{tx: tx, out: out, zones: map[int64]*time.Location{}, cals: map[int64]*calendar.Calendar{},
		tags: map[int64][]string{}}
}

// tagsOf are ticket id's tags now, read once per recorder (a creation and
// a close in one rebuild chunk read them once).
func (r *recorder) tagsOf(ctx context.Context, id int64) ([]string, error) {
	if tags, ok := r.tags[id]; ok {
		return tags, nil
	}
	tags, err := ticketTags(ctx, r.tx, id)
	if err == nil {
		r.tags[id] = tags
	}
	return tags, err
}

// writer appends one fact's rows: its events and roll-up increments.
type writer struct {
	*recorder
	ctx      context.Context
	ticketID int64
	at       time.Time
}

// timed is a fact's duration: wall and business seconds.
type timed struct{ wall, business int64 }

func (w *writer) created(now ticketNow) error {
	c := counts{created: 1}
	if now.isOpen {
		c.openDelta = 1
	}
	if now.operator != 0 {
		c.assigned = 1
	}
	if err := w.bump("created", now.key, c, nil, ""); err != nil {
		return err
	}
	if err := w.hourCreated(now.key); err != nil {
		return err
	}
	return w.tags(now.key, 1, 0)
}

// answered counts a public answer for its author and, the first time,
// the first response with its durations and SLA outcome.
func (w *writer) answered(st state, now ticketNow, author int64) (state, error) {
	k := st.key
	k.operator = author
	if err := w.bump("answer", k, counts{answers: 1}, nil, ""); err != nil || st.answered {
		return st, err
	}
	st.answered = true
	d, err := w.since(st.createdAt, now.calendarID)
	if err != nil {
		return st, err
	}
	c, outcome := slaCounts(now.sla, "first_response")
	c.firstResponses = 1
	if err := w.bump("first_response", k, c, &d, outcome); err != nil {
		return st, err
	}
	if err := w.slaTarget(k, now.policyID, "first_response", c); err != nil {
		return st, err
	}
	return st, w.durations(k, d, firstResponseWall, firstResponseBusiness)
}

// closed counts a close with the resolution time since creation.
func (w *writer) closed(st state, now ticketNow) error {
	d, err := w.since(st.createdAt, now.calendarID)
	if err != nil {
		return err
	}
	c, outcome := slaCounts(now.sla, "resolution")
	c.closed, c.openDelta = 1, -1
	if err := w.bump("closed", st.key, c, &d, outcome); err != nil {
		return err
	}
	if err := w.slaTarget(st.key, now.policyID, "resolution", c); err != nil {
		return err
	}
	if err := w.tags(st.key, 0, 1); err != nil {
		return err
	}
	return w.durations(st.key, d, resolutionWall, resolutionBusiness)
}

// rekey moves a ticket from key a to b: its open count follows it, a team
// change counts as moved out of one team and into the other, a new
// assignee as assigned.
func (w *writer) rekey(before state, to key) error {
	out, in := counts{}, counts{}
	if before.isOpen {
		out.openDelta, in.openDelta = -1, 1
	}
	if before.team != to.team {
		out.movedOut, in.movedIn = 1, 1
	}
	if before.operator != to.operator && to.operator != 0 {
		in.assigned = 1
	}
	if err := w.bump("moved_out", before.key, out, nil, ""); err != nil {
		return err
	}
	return w.bump("moved_in", to, in, nil, "")
}

// since is the time from start to the fact, on the wall and in the
// business hours of calendar id (0: round the clock).
func (w *writer) since(start time.Time, calendarID int64) (timed, error) {
	wall := w.at.Sub(start)
	if wall < 0 {
		wall = 0
	}
	d := timed{wall: seconds(wall), business: seconds(wall)}
	if calendarID == 0 {
		return d, nil
	}
	cal, err := w.calendar(calendarID)
	if err != nil {
		return d, err
	}
	d.business = seconds(cal.Between(start, w.at))
	return d, nil
}

// calendar is calendar id, read once per recorder: from the row the live
// record read with the ticket, else from the calendars table.
func (w *writer) calendar(id int64) (*calendar.Calendar, error) {
	if cal, ok := w.cals[id]; ok {
		return cal, nil
	}
	var cal *calendar.Calendar
	var err error
	if k := w.known; k != nil && k.calendar[0] != "" && w.recorder.knownCalendar == id {
		cal, err = parseCalendar(k.calendar[0], k.calendar[1], k.calendar[2])
	} else {
		cal, err = loadCalendar(w.ctx, w.tx, id)
	}
	if err == nil {
		w.cals[id] = cal
	}
	return cal, err
}

func seconds(d time.Duration) int64 { return int64(math.Round(d.Seconds())) }

func loadCalendar(ctx context.Context, q db.Querier, id int64) (*calendar.Calendar, error) {
	var zone, hours, exceptions string
	err := q.QueryRowContext(ctx, `SELECT time_zone, hours, exceptions FROM calendars WHERE id = $1`, id).
		Scan(&zone, &hours, &exceptions)
	if err != nil {
		return nil, err
	}
	return parseCalendar(zone, hours, exceptions)
}

// parseCalendar builds a calendar from its stored columns.
func parseCalendar(zone, hours, exceptions string) (*calendar.Calendar, error) {
	spec := calendar.Spec{TimeZone: zone}
	if err := json.Unmarshal([]byte(hours), &spec.Hours); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(exceptions), &spec.Exceptions); err != nil {
		return nil, err
	}
	return calendar.New(spec)
}

// slaCounts reads the outcome of one target from the ticket's SLA state
// just after the fact settled it: met on time, missed, or none.
func slaCounts(text, target string) (counts, string) {
	type outcome struct {
		State string `json:"state"`
	}
	var targets struct {
		FirstResponse *outcome `json:"first_response"`
		Resolution    *outcome `json:"resolution"`
	}
	if text == "" || json.Unmarshal([]byte(text), &targets) != nil {
		return counts{}, ""
	}
	t := targets.FirstResponse
	if target == "resolution" {
		t = targets.Resolution
	}
	if t == nil {
		return counts{}, ""
	}
	switch t.State {
	case "met":
		return counts{slaMet: 1, slaDue: 1}, "met"
	case "met_late", "breached":
		return counts{slaDue: 1}, "missed"
	}
	return counts{}, ""
}
