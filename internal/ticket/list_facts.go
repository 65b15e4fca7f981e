package ticket

import (
	"slices"
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
	Kind     string // created | closed | sla_missed | offline
	From, To string
	TeamID   int64 // 0: any
	Channel  string
	Priority int   // -1: any
	Operator int64 // 0: any; -1: none
	// Target and Policy narrow sla_missed: first_response or resolution
	// ("" both), and an SLA policy (0 any).
	Target string
	Policy int64
}

// FactKinds are the facts a list can be opened from: a creation, a
// close, an SLA target missed (met late or breached), an offline message
// left on a chat channel's form.
var FactKinds = []string{"created", "closed", "sla_missed", "offline"}

// SLATargets are the targets an sla_missed list may keep.
var SLATargets = []string{"first_response", "resolution"}

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
	days := "day >= " + w.arg(f.From) + " AND day <= " + w.arg(f.To)
	switch f.Kind {
	case "offline":
		// Offline messages count under the chat channel's team alone.
		cond := days
		if f.TeamID != 0 {
			cond += " AND team_id = " + w.arg(f.TeamID)
		}
		w.add("t.id IN (SELECT ticket_id FROM report_chat_offline WHERE " + cond + ")")
	case "sla_missed":
		c.Require(f.Target == "" || slices.Contains(SLATargets, f.Target), "target", "must be first_response or resolution")
		cond := "NOT met AND " + days + keyFilter(w, f)
		if f.Target != "" {
			cond += " AND target = " + w.arg(f.Target)
		}
		if f.Policy != 0 {
			cond += " AND policy_id = " + w.arg(f.Policy)
		}
		w.add("t.id IN (SELECT ticket_id FROM report_sla_events WHERE " + cond + ")")
	default:
		cond := "kind = " + w.arg(f.Kind) + " AND " + days + keyFilter(w, f)
		w.add("t.id IN (SELECT ticket_id FROM report_events WHERE " + cond + ")")
	}
}

// keyFilter narrows record rows to the team, channel, priority and
// operator of f, as the facts had them.
func keyFilter(w *where, f *Facts) string {
	cond := ""
	if f.TeamID != 0 {
		cond += " AND team_id = " + w.arg(f.TeamID)
	}
	if f.Channel != "" {
		cond += " AND channel = " + w.arg(f.Channel)
	}
	if f.Priority >= 0 {
		cond += " AND priority = " + w.arg(f.Priority)
	}
	switch {
	case f.Operator > 0:
		cond += " AND operator_id = " + w.arg(f.Operator)
	case f.Operator < 0:
		cond += " AND operator_id = 0"
	}
	return cond
}
