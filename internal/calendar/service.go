package calendar

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// Service keeps calendars.
type Service struct {
	DB *db.DB
	// SLA hears of a change of hours in its transaction, to recompute
	// open tickets' due times (optional).
	SLA interface {
		Changed(ctx context.Context, q db.Querier) error
	}
}

func (s *Service) changed(ctx context.Context, tx *db.Tx) error {
	if s.SLA == nil {
		return nil
	}
	return s.SLA.Changed(ctx, tx)
}

// List returns every calendar by name, each with the teams using it.
func (s *Service) List(ctx context.Context) ([]Record, error) {
	return list(ctx, s.DB.Read)
}

// ListTx is List inside q, for callers that build every calendar in
// their own transaction (the SLA policies' snapshot).
func ListTx(ctx context.Context, q db.Querier) ([]Record, error) {
	return list(ctx, q)
}

// Get returns calendar id.
func (s *Service) Get(ctx context.Context, id int64) (Record, error) {
	return get(ctx, s.DB.Read, id)
}

// Exists reports whether calendar id exists, inside q (a team's change).
func (s *Service) Exists(ctx context.Context, q db.Querier, id int64) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT count(*) FROM calendars WHERE id = $1`, id).Scan(&n)
	return n == 1, err
}

// Create checks in and stores it.
func (s *Service) Create(ctx context.Context, in Input) (Record, error) {
	name, spec, err := in.check()
	if err != nil {
		return Record{}, err
	}
	var id int64
	err = s.DB.WithTx(ctx, func(tx *db.Tx) error {
		id, err = insert(ctx, tx, name, spec)
		return err
	})
	if err != nil {
		return Record{}, err
	}
	return s.Get(ctx, id)
}

// Update replaces calendar id with in, checked as a whole.
func (s *Service) Update(ctx context.Context, id int64, in Input) (Record, error) {
	name, spec, err := in.check()
	if err != nil {
		return Record{}, err
	}
	err = s.DB.WithTx(ctx, func(tx *db.Tx) error {
		if _, err := get(ctx, tx, id); err != nil {
			return err
		}
		if err := update(ctx, tx, id, name, spec); err != nil {
			return err
		}
		return s.changed(ctx, tx)
	})
	if err != nil {
		return Record{}, err
	}
	return s.Get(ctx, id)
}

// Delete removes calendar id. A calendar a team uses is kept, and the
// refusal names the teams: silently putting them on round-the-clock time
// would move every due time they have.
func (s *Service) Delete(ctx context.Context, id int64) error {
	return s.DB.WithTx(ctx, func(tx *db.Tx) error {
		r, err := get(ctx, tx, id)
		if err != nil {
			return err
		}
		if len(r.Teams) > 0 {
			return domain.Conflict("%s uses this calendar; choose other business hours for %s first",
				teamNames(r.Teams), pronoun(len(r.Teams)))
		}
		if err := refuseIfPolicies(ctx, tx, id); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM calendars WHERE id = $1`, id)
		if db.IsForeignKeyViolation(err) { // a team or a policy took it meanwhile
			return domain.Conflict("a team or an SLA policy uses this calendar now; choose other business hours for it first")
		}
		return err
	})
}

// refuseIfPolicies names the SLA policies that count in calendar id: their
// targets would silently move to the team's hours.
func refuseIfPolicies(ctx context.Context, tx *db.Tx, id int64) error {
	rows, err := tx.QueryContext(ctx, `SELECT name FROM sla_policies WHERE calendar_id = $1 ORDER BY position, id`, id)
	if err != nil {
		return err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return err
		}
		names = append(names, "SLA policy "+n)
	}
	if err := rows.Err(); err != nil || len(names) == 0 {
		return err
	}
	return domain.Conflict("%s counts in this calendar; choose other business hours for %s first",
		strings.Join(names, ", "), pronoun(len(names)))
}

func teamNames(teams []TeamRef) string {
	names := make([]string, len(teams))
	for i, t := range teams {
		names[i] = "team " + t.Name
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func pronoun(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// ImportHolidays adds the holidays of an iCalendar file, for the years
// first to last, to calendar id as days closed all day, and says how many
// dates were new. Dates the calendar already has an exception for keep it.
// A file that does not parse is refused on the field "file", naming the
// line.
func (s *Service) ImportHolidays(ctx context.Context, id int64, ics []byte, first, last int) (Record, int, error) {
	var added int
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		if err := lock(ctx, tx, id); err != nil {
			return err
		}
		r, err := get(ctx, tx, id)
		if err != nil {
			return err
		}
		holidays, err := Holidays(ics, r.location(), first, last)
		var pe *ParseError
		switch {
		case errors.As(err, &pe):
			return domain.Invalid("file", "this is not an iCalendar file we can read: "+pe.Error())
		case err != nil:
			return domain.Invalid("years", err.Error())
		}
		var spec Spec
		spec, added = r.Spec.AddHolidays(holidays)
		name, spec, err := InputOf(r.Name, spec).check()
		if err != nil {
			return err
		}
		if err := update(ctx, tx, id, name, spec); err != nil {
			return err
		}
		return s.changed(ctx, tx)
	})
	if err != nil {
		return Record{}, 0, err
	}
	r, err := s.Get(ctx, id)
	return r, added, err
}

// location is the record's zone; a stored calendar was checked, so the
// zone loads, but UTC is a safe answer if the zone database changed.
func (r Record) location() *time.Location {
	loc, err := time.LoadLocation(r.TimeZone)
	if err != nil {
		return time.UTC
	}
	return loc
}

// Calendar builds the arithmetic of r.
func (r Record) Calendar() (*Calendar, error) {
	return New(r.Spec)
}
