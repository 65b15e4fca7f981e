package ticket

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/pipeline"
)

// Patch changes a ticket; nil fields stay as they are. Status is an id or
// a name in the ticket's pipeline; Assignee an id or email, "" for none;
// Team an id or slug; Contact a contact id (relinking the ticket).
type Patch struct {
	Status   *string
	Priority *int
	Assignee *string
	Team     *string
	Subject  *string
	Tags     *[]string
	Contact  *int64
	// Custom sets custom field values by name; a nil value clears one and
	// a field not named keeps its value.
	Custom  map[string]any
	ActorID int64
	// At is when the change happened; zero means now. Imports and the demo
	// set it so histories and closing times read true.
	At time.Time
	// answered: a public reply made with this change already told the
	// customer (Respond), so closing sends no notice of its own.
	answered bool
}

// Update applies p to ticket id in one transaction and records each change
// in the history.
func (s *Service) Update(ctx context.Context, id int64, p Patch) (Ticket, error) {
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		t, err := s.getBy(ctx, tx, `t.id = $1`, id)
		if err != nil {
			return err
		}
		return s.applyPatch(ctx, tx, t, p)
	})
	if err != nil {
		return Ticket{}, err
	}
	s.publish("ticket.updated", id)
	return s.Get(ctx, id)
}

// change is one validated edit, ready to write.
type change struct {
	set   string // SQL assignment(s), using $2 onward after the ticket id
	args  []any
	event string
	data  map[string]any
	// closes: the change moves an open ticket to a closed status.
	closes bool
	// shuts is closes before a reply's notice masks it, for the reports.
	shuts bool
	// to is the status a status change enters, whose required properties
	// the ticket must hold once every change is written.
	to *pipeline.Status
	// fromStatus is the status a status change leaves.
	fromStatus int64
}

func (s *Service) applyPatch(ctx context.Context, tx *db.Tx, t Ticket, p Patch) error {
	var c domain.Check
	changes, err := s.plan(ctx, tx, t, p, &c)
	if err != nil {
		return err
	}
	if err := c.Err(); err != nil {
		return err
	}
	now := db.Now()
	if !p.At.IsZero() {
		now = db.Norm(p.At)
	}
	for _, ch := range changes {
		ch.closes = ch.closes && !p.answered
		if err := s.write(ctx, tx, t.ID, ch, p.ActorID, now); err != nil {
			return err
		}
	}
	for _, ch := range changes {
		if ch.to == nil {
			continue
		}
		if err := s.requireValues(ctx, tx, t.ID, *ch.to); err != nil {
			return err
		}
	}
	if p.Subject != nil && *p.Subject != t.Subject {
		s.indexSubject(ctx, tx, t.ID, strings.TrimSpace(*p.Subject))
	}
	if err := s.clock(ctx, tx, t.ID, clockSteps(changes, now)...); err != nil {
		return err
	}
	return s.happened(ctx, tx, patchHappenings(ctx, t.ID, changes, p.ActorID, p.answered)...)
}

// UpdateTx is Update inside the caller's transaction, for automations:
// the caller announces the change after the commit.
func (s *Service) UpdateTx(ctx context.Context, tx *db.Tx, id int64, p Patch) error {
	noteRewrite(ctx)
	t, err := s.getBy(ctx, tx, `t.id = $1`, id)
	if err != nil {
		return err
	}
	return s.applyPatch(ctx, tx, t, p)
}

func (s *Service) write(ctx context.Context, tx *db.Tx, id int64, ch change, actorID int64, now time.Time) error {
	if ch.set != "" {
		args := append([]any{id, now}, ch.args...)
		if _, err := tx.ExecContext(ctx, `UPDATE tickets SET updated_at = $2, `+ch.set+` WHERE id = $1`, args...); err != nil {
			return err
		}
	}
	if err := s.recordEvent(ctx, tx, id, actorID, ch.event, withRule(ctx, ch.data), now); err != nil {
		return err
	}
	if err := s.notify(ctx, tx, Notice{Kind: NoticeChanged, TicketID: id, ActorID: actorID, Event: ch.event,
		Data: ch.data}); err != nil {
		return err
	}
	if ch.to != nil {
		step := ClockStep{Kind: ClockStatus, At: now, StatusID: ch.to.ID, Closed: ch.to.Kind == pipeline.Closed}
		if err := s.clock(ctx, tx, id, step); err != nil {
			return err
		}
	}
	if err := s.report(ctx, tx, id, ReportFact{Kind: ch.reportKind(), At: now}); err != nil {
		return err
	}
	if !ch.closes {
		return nil
	}
	return s.notify(ctx, tx, Notice{Kind: NoticeClosed, TicketID: id, ActorID: actorID})
}

// plan validates p against t and returns the changes it makes.
func (s *Service) plan(ctx context.Context, tx *db.Tx, t Ticket, p Patch, c *domain.Check) ([]change, error) {
	var out []change
	add := func(ch *change, err error) error {
		if ch != nil {
			out = append(out, *ch)
		}
		return err
	}
	teamChanges, err := s.planTeamAndStatus(ctx, tx, t, p, c)
	if err != nil {
		return nil, err
	}
	out = append(out, teamChanges...)
	steps := []func() (*change, error){
		func() (*change, error) { return planPriority(t, p, c), nil },
		func() (*change, error) { return s.planAssignee(ctx, tx, t, p, c) },
		func() (*change, error) { return planSubject(t, p, c), nil },
		func() (*change, error) { return s.planTags(ctx, tx, t, p, c) },
	}
	for _, step := range steps {
		if err := add(step()); err != nil {
			return nil, err
		}
	}
	custom, err := s.planCustom(ctx, tx, t, pipelineAfter(t, teamChanges), p.Custom, c)
	if err != nil {
		return nil, err
	}
	out = append(out, custom...)
	relink, err := s.planContact(ctx, tx, t, p, c)
	return append(out, relink...), err
}

// pipelineAfter is the ticket's pipeline once its team changes apply.
func pipelineAfter(t Ticket, changes []change) int64 {
	for _, ch := range changes {
		if ch.event == EventTeam {
			return ch.args[1].(int64)
		}
	}
	return t.PipelineID
}

func planPriority(t Ticket, p Patch, c *domain.Check) *change {
	if p.Priority == nil || *p.Priority == t.Priority {
		return nil
	}
	if *p.Priority < 0 || *p.Priority > MaxPriority {
		c.Add("priority", "must be 0, 1, 2 or 3")
		return nil
	}
	return &change{set: "priority = $3", args: []any{*p.Priority}, event: EventPriority,
		data: map[string]any{"from": t.Priority, "to": *p.Priority}}
}

func planSubject(t Ticket, p Patch, c *domain.Check) *change {
	if p.Subject == nil {
		return nil
	}
	subject := strings.TrimSpace(*p.Subject)
	c.Line("subject", subject)
	c.Require(subject != "", "subject", "is required")
	c.Require(!domain.TooLong(subject, MaxSubject), "subject", fmt.Sprintf("must be at most %d characters", MaxSubject))
	if subject == t.Subject || subject == "" {
		return nil
	}
	return &change{set: "subject = $3", args: []any{subject}, event: EventSubject,
		data: map[string]any{"from": t.Subject, "to": subject}}
}

func (s *Service) planAssignee(ctx context.Context, tx *db.Tx, t Ticket, p Patch, c *domain.Check) (*change, error) {
	if p.Assignee == nil {
		return nil, nil
	}
	var to *OperatorRef
	if ref := strings.TrimSpace(*p.Assignee); ref != "" {
		op, err := s.findAssignee(ctx, tx, ref, c, "assignee")
		if err != nil || op.ID == 0 {
			return nil, err
		}
		to = &OperatorRef{ID: op.ID, Name: op.Name, Email: op.Email}
	}
	if sameOperator(t.Assignee, to) {
		return nil, nil
	}
	var toID *int64
	if to != nil {
		toID = &to.ID
	}
	return &change{set: "assignee_id = $3", args: []any{toID}, event: EventAssignee,
		data: map[string]any{"from": operatorName(t.Assignee), "to": operatorName(to)}}, nil
}

func sameOperator(a, b *OperatorRef) bool {
	return (a == nil && b == nil) || (a != nil && b != nil && a.ID == b.ID)
}

func operatorName(o *OperatorRef) any {
	if o == nil {
		return nil
	}
	return o.Name
}

func (s *Service) planTags(ctx context.Context, tx *db.Tx, t Ticket, p Patch, c *domain.Check) (*change, error) {
	if p.Tags == nil {
		return nil, nil
	}
	checkTags(c, "tags", *p.Tags)
	next := make([]string, 0, len(*p.Tags))
	for _, tag := range *p.Tags {
		if n := normalizeTag(tag); n != "" && !slices.Contains(next, n) {
			next = append(next, n)
		}
	}
	slices.Sort(next)
	if slices.Equal(next, t.Tags) || c.Err() != nil {
		return nil, nil
	}
	return &change{event: EventTags, data: map[string]any{"from": t.Tags, "to": next}}, setTags(ctx, tx, t.ID, next)
}

// statusChange moves t to st, keeping is_open and closed_at in step.
func statusChange(t Ticket, st pipeline.Status) *change {
	ch := &change{args: []any{st.ID, st.Kind == pipeline.Open}, event: EventStatus,
		data: map[string]any{"from": t.Status.Name, "to": st.Name}, to: &st, fromStatus: t.Status.ID}
	switch {
	case st.Kind == pipeline.Closed && t.IsOpen():
		ch.set = "status_id = $3, is_open = $4, closed_at = $2"
		ch.closes, ch.shuts = true, true
	case st.Kind == pipeline.Open && !t.IsOpen():
		ch.set = "status_id = $3, is_open = $4, closed_at = NULL"
		ch.event = EventReopened
	default:
		ch.set = "status_id = $3, is_open = $4"
	}
	return ch
}

// reopen moves a closed ticket to its pipeline's first open status.
func (s *Service) reopen(ctx context.Context, tx *db.Tx, t Ticket, actorID int64, at time.Time) error {
	p, err := s.Pipelines.GetTx(ctx, tx, t.PipelineID)
	if err != nil {
		return err
	}
	ch := *statusChange(t, p.FirstOpen())
	if err := s.write(ctx, tx, t.ID, ch, actorID, at); err != nil {
		return err
	}
	return s.happened(ctx, tx, patchHappenings(ctx, t.ID, []change{ch}, actorID, false)...)
}
