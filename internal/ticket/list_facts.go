package ticket

import (
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/domain"
)

// Facts keeps the tickets behind a report figure: those with a fact of
// Kind recorded on a day From..To (YYYY-MM-DD, in the team's zone) under
// the team, channel, priority and operator they had then, read from the
// report record (internal/report), so a list opened from a figure holds
// exactly the tickets it counted, wherever they are now.
type Facts struct {
	Kind     string // created | closed
	From, To string
	TeamID   int64 // 0: any
	Channel  string
	Priority int   // -1: any
	Operator int64 // 0: any
}

// FactKinds are the facts a list can be opened from.
var FactKinds = []string{"created", "closed"}

// ParseDays reads "YYYY-MM-DD..YYYY-MM-DD" (or one date) into its first
// and last day.
func ParseDays(s string) (from, to string, ok bool) {
	from, to, found := strings.Cut(s, "..")
	if !found {
		to = from
	}
	a, errA := time.Parse(time.DateOnly, from)
	b, errB := time.Parse(time.DateOnly, to)
	return from, to, errA == nil && errB == nil && !b.Before(a)
}

func factsFilter(w *where, f *Facts, c *domain.Check) {
	if f == nil {
		return
	}
	_, _, ok := ParseDays(f.From + ".." + f.To)
	c.Require(ok, f.Kind, "must be a day or days as YYYY-MM-DD..YYYY-MM-DD")
	cond := "kind = " + w.arg(f.Kind) + " AND day >= " + w.arg(f.From) + " AND day <= " + w.arg(f.To)
	if f.TeamID != 0 {
		cond += " AND team_id = " + w.arg(f.TeamID)
	}
	if f.Channel != "" {
		cond += " AND channel = " + w.arg(f.Channel)
	}
	if f.Priority >= 0 {
		cond += " AND priority = " + w.arg(f.Priority)
	}
	if f.Operator != 0 {
		cond += " AND operator_id = " + w.arg(f.Operator)
	}
	w.add("t.id IN (SELECT ticket_id FROM report_events WHERE " + cond + ")")
}
