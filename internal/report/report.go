// Package report keeps the report record, an append-only list of the facts
// reports count with their durations computed when they happen, rolled up
// per day, and answers reports from the roll-ups alone: a report never
// reads the tickets table (docs/reports.md).
package report

import (
	"github.com/frontdesk/frontdesk/internal/db"
)

// Service writes the record (Record, in the ticket change's transaction)
// and reads reports from its roll-ups.
type Service struct {
	DB *db.DB
}

// key is what a roll-up row groups by; operator 0 is none.
type key struct {
	team     int64
	channel  string
	priority int
	operator int64
}

// counts are the increments of one report_days row.
type counts struct {
	created, closed, reopened, movedIn, movedOut, assigned int
	answers, firstResponses, openDelta, slaMet, slaDue     int
}

// The duration metrics of report_durations.
const (
	firstResponseWall     = "frt_wall"
	firstResponseBusiness = "frt_business"
	resolutionWall        = "res_wall"
	resolutionBusiness    = "res_business"
)
