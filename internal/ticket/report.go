package ticket

import (
	"context"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
)

// ReportKind is what happened to a ticket, as the report record reads it.
type ReportKind string

// The facts the report record hears of. Changed is any change of what a
// report groups by (team, priority, assignee); the record reads the
// ticket's new values itself.
const (
	ReportCreated  ReportKind = "created"
	ReportAnswer   ReportKind = "answer"
	ReportClosed   ReportKind = "closed"
	ReportReopened ReportKind = "reopened"
	ReportChanged  ReportKind = "changed"
)

// ReportFact is one fact for the report record: its kind, when it
// happened and, for an answer, the operator who wrote it.
type ReportFact struct {
	Kind       ReportKind
	At         time.Time
	OperatorID int64
}

// Reporter keeps the report record (internal/report) in step with ticket
// changes, inside the change's transaction, so a figure never counts a
// change that rolled back.
type Reporter interface {
	Record(ctx context.Context, tx *db.Tx, ticketID int64, f ReportFact) error
}

func (s *Service) report(ctx context.Context, tx *db.Tx, id int64, f ReportFact) error {
	if s.Reports == nil || f.Kind == "" {
		return nil
	}
	if f.At.IsZero() {
		f.At = db.Now()
	}
	f.At = db.Norm(f.At)
	return s.Reports.Record(ctx, tx, id, f)
}

// reportKind is the report fact of a written change, if it makes one.
func (ch change) reportKind() ReportKind {
	switch {
	case ch.shuts:
		return ReportClosed
	case ch.event == EventReopened:
		return ReportReopened
	case ch.event == EventTeam, ch.event == EventPriority, ch.event == EventAssignee:
		return ReportChanged
	}
	return ""
}
