package ticket

import (
	"context"
	"strings"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/team"
)

// ContactResolver links a ticket to its customer inside the ticket's transaction.
type ContactResolver interface {
	Link(ctx context.Context, q db.Querier, in contact.Identity) (contact.Linked, error)
}

// TeamFinder finds a team by id or slug.
type TeamFinder interface {
	Find(ctx context.Context, q db.Querier, ref string) (team.Team, error)
}

// PipelineReader reads a pipeline with its statuses.
type PipelineReader interface {
	GetTx(ctx context.Context, q db.Querier, id int64) (pipeline.Pipeline, error)
	FirstOpen(ctx context.Context, q db.Querier, id int64) (pipeline.Status, error)
}

// OperatorFinder finds an operator by id or email.
type OperatorFinder interface {
	Find(ctx context.Context, q db.Querier, ref string) (operator.Operator, error)
}

// Publisher tells the rest of the system what happened to a ticket, after commit.
type Publisher interface {
	Publish(kind string, ticketID int64)
}

// Service owns tickets, messages and events.
type Service struct {
	DB        *db.DB
	BaseURL   string
	Contacts  ContactResolver
	Teams     TeamFinder
	Pipelines PipelineReader
	Operators OperatorFinder
	Bus       Publisher
	Notifier  Notifier     // optional: mail to customers (see notice.go)
	Custom    CustomFields // optional: custom field values (see custom.go)
	Clocks    Clocks       // optional: SLA state, kept in step (see clock.go)
	Reports   Reporter     // optional: the report record, kept in step (see report.go)
	// Automations hears of every change inside its transaction
	// (optional; see happening.go).
	Automations Automator
	// Search on SQLite (scan.go): a query matching at least FewMatches
	// tickets (0: computed from the number of tickets) walks the list in
	// order, testing up to ScanBudget tickets (0: 20,000; negative: never
	// walk) before asking the FTS index.
	FewMatches int
	ScanBudget int
}

func (s *Service) publicURL(token string) string {
	return strings.TrimRight(s.BaseURL, "/") + "/t/" + token
}

func (s *Service) publish(kind string, ticketID int64) {
	if s.Bus != nil {
		s.Bus.Publish(kind, ticketID)
	}
}

// sqlFor picks the statement written for the service's database engine.
func (s *Service) sqlFor(sqlite, postgres string) string {
	if s.DB.Dialect == db.Postgres {
		return postgres
	}
	return sqlite
}
