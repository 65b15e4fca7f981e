package report

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/domain"
)

// MaxDays is the longest period a report covers: two years.
const MaxDays = 731

// Channels a report may filter by (ticket channels).
var Channels = []string{"email", "web_form", "widget", "chat", "manual", "api"}

// Query is a report's period and filters as a person or the API gives
// them: dates as YYYY-MM-DD, team as id or slug, operator as id or email,
// priority "0" to "3", Time "business" (the default) or "wall".
type Query struct {
	From, To, Team, Channel, Priority, Operator, Time string
}

// Filter is a checked Query. Teams are the teams the asker may see (nil:
// all, for an admin); Team, Operator 0 and Priority -1 mean any.
type Filter struct {
	From, To time.Time
	Teams    []int64
	Team     int64
	Channel  string
	Priority int
	Operator int64
	Business bool
	TeamSlug string
	Days     int
	member   int64 // the asking agent, whose teams the chat sessions list keeps; 0 for an admin
}

// Asker is who asks for a report: an operator id and whether an admin.
type Asker struct {
	ID    int64
	Admin bool
}

// Check validates q for asker, reporting every bad field at once.
func (s *Service) Check(ctx context.Context, asker Asker, q Query) (Filter, error) {
	c := &domain.Check{}
	f := Filter{Priority: -1, Business: q.Time != "wall"}
	f.From, f.To = checkPeriod(c, q.From, q.To)
	f.Days = int(f.To.Sub(f.From).Hours()/24) + 1
	c.Require(q.Time == "" || q.Time == "wall" || q.Time == "business", "time", "must be business or wall")
	if q.Channel != "" {
		f.Channel = q.Channel
		c.Require(contains(Channels, q.Channel), "channel", "must be one of "+strings.Join(Channels, ", "))
	}
	if q.Priority != "" {
		p, err := strconv.Atoi(q.Priority)
		c.Require(err == nil && p >= 0 && p <= 3, "priority", "must be 0, 1, 2 or 3")
		f.Priority = p
	}
	if err := s.checkWho(ctx, c, asker, q, &f); err != nil {
		return f, err
	}
	return f, c.Err()
}

func checkPeriod(c *domain.Check, from, to string) (time.Time, time.Time) {
	a, errA := time.Parse(time.DateOnly, from)
	b, errB := time.Parse(time.DateOnly, to)
	c.Require(from != "", "from", "is required (YYYY-MM-DD)")
	c.Require(from == "" || errA == nil, "from", "must be a date as YYYY-MM-DD")
	c.Require(to != "", "to", "is required (YYYY-MM-DD)")
	c.Require(to == "" || errB == nil, "to", "must be a date as YYYY-MM-DD")
	if errA != nil || errB != nil {
		return a, a
	}
	c.Require(!b.Before(a), "to", "must not be before from")
	c.Require(b.Sub(a).Hours()/24 < MaxDays, "to", fmt.Sprintf("the period must be at most %d days (two years)", MaxDays))
	if b.Before(a) || b.Sub(a).Hours()/24 >= MaxDays {
		return a, a
	}
	return a, b
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
