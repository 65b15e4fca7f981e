package ticket

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/team"
)

// NewTicket is the input for opening a ticket on any channel.
type NewTicket struct {
	Subject     string
	Description string
	Team        string // id or slug
	Priority    int
	Channel     Channel
	Contact     contact.Identity
	Assignee    string // id or email; empty for none
	Tags        []string
	ActorID     int64 // the operator who opened it, 0 for the customer
	CreatedAt   time.Time
	// The first customer message: its sanitised HTML, files and mail
	// headers, when the channel has them.
	DescriptionHTML string
	Attachments     []NewAttachment
	Mail            *MailHeaders
	// Fields are extra values a website form collected.
	Fields []Field
	// Custom are custom field values by field name (see CustomFields).
	Custom map[string]any
	// Words are the prepared search words of Description, if any.
	Words Words
	// Status is the open status to start in (id or name; empty: the
	// pipeline's first open status).
	Status string
	// Cc are people besides the contact who get the ticket's replies.
	Cc []Participant
	// AsReply makes the description the operator's (ActorID's) first
	// public reply, mailed to the customer, rather than the customer's
	// request; the request, when ActorID typed it, records them as its
	// writer on the customer's behalf.
	AsReply bool
}

// resolved carries what validation looked up, for the insert.
type resolved struct {
	team     team.Team
	status   pipeline.Status
	assignee *OperatorRef
	contact  int64
	// newContact is what the contact was created with, if this ticket did.
	newContact *contact.Identity
	// autoAssigned: the team's assignment mode chose the assignee.
	autoAssigned bool
}

// Create opens a ticket in one transaction: the contact is linked or
// created, the description becomes the first customer message, and the
// history records the creation. A failure leaves nothing behind.
func (s *Service) Create(ctx context.Context, in NewTicket) (Ticket, error) {
	in.normalize()
	in.Words = PrepareWords(in.Description)
	var n newTicket
	var rewritten *bool
	err := s.DB.WithTx(ctx, func(tx *db.Tx) (err error) {
		var wctx context.Context
		wctx, rewritten = watchRewrites(ctx)
		n, err = s.createTx(wctx, tx, in)
		return err
	})
	if err != nil {
		return Ticket{}, err
	}
	s.publish("ticket.created", n.id)
	if *rewritten { // a rule changed the new ticket: what it wrote is not what the creation knows
		return s.Get(ctx, n.id)
	}
	return s.answer(ctx, n)
}

type rewritesKey struct{}

// watchRewrites gives a creation a context in which UpdateTx (a rule's
// change to the new ticket, in the same transaction) is noted.
func watchRewrites(ctx context.Context) (context.Context, *bool) {
	flag := new(bool)
	return context.WithValue(ctx, rewritesKey{}, flag), flag
}

func noteRewrite(ctx context.Context) {
	if flag, ok := ctx.Value(rewritesKey{}).(*bool); ok {
		*flag = true
	}
}

// CreateTx is Create inside the caller's transaction, for intake that must
// commit the ticket with its own bookkeeping (a processed raw mail). It
// returns the ticket id and its first message's id; the caller announces
// the ticket with Announce after the commit.
func (s *Service) CreateTx(ctx context.Context, tx *db.Tx, in NewTicket) (id, first int64, err error) {
	n, err := s.createTx(ctx, tx, in)
	return n.id, n.first, err
}

// newTicket is what a creation wrote.
type newTicket struct {
	in                NewTicket
	r                 resolved
	id, number, first int64
	token             string
	clock             ClockColumns
}

func (s *Service) createTx(ctx context.Context, tx *db.Tx, in NewTicket) (newTicket, error) {
	in.normalize()
	r, err := s.resolveNew(ctx, tx, &in)
	if err != nil {
		return newTicket{}, err
	}
	if err := s.mayEnter(ctx, tx, r.team.PipelineID, in.ActorID); err != nil {
		return newTicket{}, err
	}
	n := newTicket{in: in, r: r, token: NewToken()}
	facts := &ClockFacts{TeamID: r.team.ID, ContactID: r.contact, Priority: in.Priority, Channel: string(in.Channel),
		Tags: tagSet(in.Tags)}
	step := ClockStep{Kind: ClockCreated, At: in.CreatedAt, StatusID: r.status.ID, Facts: facts}
	if s.Clocks != nil {
		if n.clock, err = s.Clocks.Open(ctx, tx, step); err != nil {
			return newTicket{}, err
		}
	}
	if err = s.insert(ctx, tx, &n); err != nil {
		return newTicket{}, err
	}
	if n.first, err = s.afterInsert(ctx, tx, &n); err != nil {
		return newTicket{}, err
	}
	if in.Status != "" { // a status chosen at creation holds the operator to what it requires
		if err := s.requireValues(ctx, tx, n.id, r.status); err != nil {
			return newTicket{}, err
		}
	}
	if err = s.report(ctx, tx, n.id, ReportFact{Kind: ReportCreated, At: in.CreatedAt}); err != nil {
		return newTicket{}, err
	}
	if err := s.happened(ctx, tx, createdHappening(ctx, n)); err != nil {
		return newTicket{}, err
	}
	kind := firstMessage(in, 0).Kind
	if err := s.notify(ctx, tx, Notice{Kind: NoticeCreated, TicketID: n.id, MessageID: n.first,
		MessageKind: kind, Channel: in.Channel, Mail: in.Mail, ActorID: in.ActorID}); err != nil || kind != Reply {
		return n, err
	}
	// The operator's first message goes to the customer as a reply does.
	return n, s.notify(ctx, tx, Notice{Kind: NoticeMessage, TicketID: n.id, MessageID: n.first,
		MessageKind: Reply, ActorID: in.ActorID})
}

func (in *NewTicket) normalize() {
	in.Subject = strings.TrimSpace(in.Subject)
	in.Description = strings.TrimSpace(in.Description)
	if in.Channel == "" {
		in.Channel = API
	}
	if in.CreatedAt.IsZero() {
		in.CreatedAt = db.Now()
	}
	in.CreatedAt = db.Norm(in.CreatedAt)
}

func validateNew(in NewTicket) *domain.Check {
	c := &domain.Check{}
	c.Line("subject", in.Subject)
	c.Text("description", in.Description)
	for i, f := range in.Fields {
		c.Line(fmt.Sprintf("fields[%d].label", i), f.Label)
		c.Text(fmt.Sprintf("fields[%d].value", i), f.Value)
	}
	for i, a := range in.Attachments {
		c.Line(fmt.Sprintf("files[%d]", i), a.Filename)
	}
	c.Require(in.Subject != "", "subject", "is required")
	c.Require(!domain.TooLong(in.Subject, MaxSubject), "subject", fmt.Sprintf("must be at most %d characters", MaxSubject))
	c.Require(len(in.Description) <= MaxBody, "description", fmt.Sprintf("must be at most %d bytes", MaxBody))
	c.Require(in.Priority >= 0 && in.Priority <= MaxPriority, "priority", "must be 0, 1, 2 or 3")
	c.Require(channels[in.Channel], "channel", "must be one of email, web_form, widget, chat, manual, api")
	c.Require(strings.TrimSpace(in.Team) != "", "team", "is required")
	checkTags(c, "tags", in.Tags)
	return c
}

func checkTags(c *domain.Check, field string, tags []string) {
	c.Require(len(tags) <= MaxTags, field, fmt.Sprintf("at most %d tags", MaxTags))
	for i, tag := range tags {
		t := normalizeTag(tag)
		c.Require(t != "" && !domain.TooLong(t, MaxTag), fmt.Sprintf("%s[%d]", field, i),
			fmt.Sprintf("must be 1 to %d characters", MaxTag))
		c.Require(!strings.Contains(t, ","), fmt.Sprintf("%s[%d]", field, i), "must not contain a comma")
		c.Line(fmt.Sprintf("%s[%d]", field, i), tag)
	}
}

func normalizeTag(t string) string { return strings.ToLower(strings.TrimSpace(t)) }

// resolveNew validates the input and looks up team, status, assignee and
// contact, reporting every bad field at once.
func (s *Service) resolveNew(ctx context.Context, tx *db.Tx, in *NewTicket) (resolved, error) {
	c := validateNew(*in)
	var r resolved
	if strings.TrimSpace(in.Team) != "" {
		if err := s.resolveTeam(ctx, tx, in.Team, c, &r); err != nil {
			return r, err
		}
	}
	if r.team.ID != 0 {
		if err := s.checkCustom(ctx, tx, r.team.PipelineID, in.Custom, c); err != nil {
			return r, err
		}
	}
	if err := s.resolveStatus(ctx, tx, in.Status, c, &r); err != nil {
		return r, err
	}
	checkCc(in.Cc, c)
	if in.AsReply {
		c.Require(in.ActorID != 0, "description", "a reply needs the operator who writes it")
		c.Require(in.Description != "", "description", "is required for a message to the customer")
	}
	if in.Assignee != "" {
		op, err := s.findAssignee(ctx, tx, in.Assignee, c, "assignee")
		if err != nil {
			return r, err
		}
		if op.ID != 0 {
			r.assignee = &OperatorRef{ID: op.ID, Name: op.Name, Email: op.Email}
		}
	}
	if r.assignee == nil && in.Assignee == "" && r.team.ID != 0 {
		id, err := autoAssignee(ctx, tx, r.team)
		if err != nil {
			return r, err
		}
		if id != nil {
			r.assignee, r.autoAssigned = &OperatorRef{ID: *id}, true
		}
	}
	if err := c.Err(); err != nil {
		// Report contact problems too, without creating the contact.
		_ = c.Merge("contact.", contactCheck(in.Contact))
		return r, c.Err()
	}
	l, err := s.Contacts.Link(ctx, tx, in.Contact)
	if err := c.Merge("contact.", err); err != nil {
		return r, err
	}
	r.contact, r.newContact = l.ID, l.New
	if err := c.Err(); err != nil || !l.Claimed {
		return r, err
	}
	return r, s.renewUnsignedLinks(ctx, tx, l.ID)
}

func contactCheck(in contact.Identity) error {
	var c domain.Check
	if in.Email != "" {
		_, ok := domain.NormalizeEmail(in.Email)
		c.Require(ok, "email", "must be a valid email address")
	}
	c.Require(in.Email != "" || in.ExternalID != "", "email", "is required when there is no external_id")
	return c.Err()
}

// badRef refuses a reference to a team or an operator holding characters
// no id, slug or address has, before any query: PostgreSQL fails one on
// NUL or invalid UTF-8, a 500 where the field's message belongs.
func badRef(c *domain.Check, field, ref string) bool {
	msg := domain.TextProblem(ref, false)
	if msg != "" {
		c.Add(field, msg)
	}
	return msg != ""
}

func (s *Service) resolveTeam(ctx context.Context, q db.Querier, ref string, c *domain.Check, r *resolved) error {
	if badRef(c, "team", ref) {
		return nil
	}
	t, err := s.Teams.Find(ctx, q, ref)
	if errors.Is(err, domain.ErrNotFound) {
		c.Add("team", fmt.Sprintf("no team with id or slug %q", ref))
		return nil
	}
	if err != nil {
		return err
	}
	st, err := s.Pipelines.FirstOpen(ctx, q, t.PipelineID)
	if err != nil {
		return err
	}
	r.team, r.status = t, st
	return nil
}

func (s *Service) findAssignee(ctx context.Context, q db.Querier, ref string, c *domain.Check, field string) (operator.Operator, error) {
	if badRef(c, field, ref) {
		return operator.Operator{}, nil
	}
	op, err := s.Operators.Find(ctx, q, ref)
	if errors.Is(err, domain.ErrNotFound) || (err == nil && !op.Active) {
		c.Add(field, fmt.Sprintf("no active operator with id or email %q", ref))
		return operator.Operator{}, nil
	}
	return op, err
}

// Ticket creation differs by engine only in the number and the search
// document: SQLite takes the number from a counter row and indexes in its
// FTS5 table afterwards; PostgreSQL draws from a sequence and writes the
// tsvector in the same statement, sparing a second update of the row.
const (
	sqliteInsertTicket = `INSERT INTO tickets (subject, description, team_id, pipeline_id, status_id,
		is_open, priority, assignee_id, contact_id, channel, public_token, created_at, updated_at, last_activity_at,
		last_customer_activity_at, sla_policy_id, sla_calendar_id, sla_due_at, sla_state, sla, sla_check_at,
		sla_notified, sla_start_status_id, sla_start_policy_id, sla_start_calendar_id, number)
		VALUES ($1, $2, $3, $4, $5, TRUE, $6, $7, $8, $9, $10, $11, $11, $11, $11,
		$12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
		RETURNING id, number`
	pgInsertTicket = `INSERT INTO tickets (subject, description, team_id, pipeline_id, status_id,
		is_open, priority, assignee_id, contact_id, channel, public_token, created_at, updated_at, last_activity_at,
		last_customer_activity_at, sla_policy_id, sla_calendar_id, sla_due_at, sla_state, sla, sla_check_at,
		sla_notified, sla_start_status_id, sla_start_policy_id, sla_start_calendar_id, search, number)
		VALUES ($1, $2, $3, $4, $5, TRUE, $6, $7, $8, $9, $10, $11, $11, $11, $11,
		$12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22::tsvector, nextval('ticket_number_seq'))
		RETURNING id, number`
)

func (s *Service) insert(ctx context.Context, tx *db.Tx, n *newTicket) error {
	in, r := n.in, n.r
	var assignee *int64
	if r.assignee != nil {
		assignee = &r.assignee.ID
	}
	c := n.clock
	args := []any{in.Subject, in.Description, r.team.ID, r.team.PipelineID, r.status.ID, in.Priority,
		assignee, r.contact, in.Channel, n.token, in.CreatedAt,
		c.PolicyID, c.CalendarID, c.State.Due, c.State.State, c.Text, c.CheckAt, c.Notified,
		c.StartStatusID, c.StartPolicyID, c.StartCalendarID}
	query := pgInsertTicket
	if s.DB.Dialect == db.SQLite {
		if err := tx.QueryRowContext(ctx, sqliteNextNumber).Scan(&n.number); err != nil {
			return fmt.Errorf("next ticket number: %w", err)
		}
		args, query = append(args, n.number), sqliteInsertTicket
	} else {
		args = append(args, pgWords(withSubject(in.Subject, in.Words.of(in.Description))))
	}
	return tx.QueryRowContext(ctx, query, args...).Scan(&n.id, &n.number)
}

// afterInsert writes what hangs off a new ticket and returns the id of its
// first message (0 when it has none). The ticket row already carries the
// creation times, and the search document is written once with the subject
// and the description, so creation stays a handful of statements.
func (s *Service) afterInsert(ctx context.Context, tx *db.Tx, n *newTicket) (int64, error) {
	id, in, r := n.id, n.in, &n.r
	if s.DB.Dialect == db.SQLite {
		s.indexNew(ctx, tx, id, in.Subject, in.Words.of(in.Description))
	}
	if err := insertTags(ctx, tx, id, in.Tags); err != nil {
		return 0, err
	}
	if err := s.recordEvent(ctx, tx, id, in.ActorID, "created", map[string]any{"channel": in.Channel}, in.CreatedAt); err != nil {
		return 0, err
	}
	if r.autoAssigned {
		a := r.assignee
		if err := tx.QueryRowContext(ctx, `SELECT name, email FROM operators WHERE id = $1`, a.ID).Scan(&a.Name, &a.Email); err != nil {
			return 0, err
		}
		data := map[string]any{"from": nil, "to": a.Name, "mode": r.team.AssignmentMode}
		if err := s.recordEvent(ctx, tx, id, 0, EventAssignee, data, in.CreatedAt); err != nil {
			return 0, err
		}
	}
	if err := insertFields(ctx, tx, id, in.Fields); err != nil {
		return 0, err
	}
	if len(in.Custom) > 0 && s.Custom != nil {
		if _, err := s.Custom.Set(ctx, tx, id, r.team.PipelineID, in.Custom); err != nil {
			return 0, err
		}
	}
	if err := AddParticipants(ctx, tx, id, in.Cc); err != nil {
		return 0, err
	}
	if in.Description == "" && len(in.Attachments) == 0 {
		return 0, nil
	}
	return storeMessage(ctx, tx, id, firstMessage(in, r.contact))
}

// NewToken returns a fresh public link token: 160 random bits.
func NewToken() string {
	b := make([]byte, 20)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

func idString(id int64) string { return strconv.FormatInt(id, 10) }
