package team

import (
	"context"
	"fmt"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// Input creates or changes a team; nil fields keep their value (or take
// the default on create).
type Input struct {
	Name           *string
	Slug           *string
	EmailAlias     *string
	PipelineID     *int64
	AssignmentMode *AssignmentMode
	// CalendarID chooses the team's business hours; 0 takes them away
	// (round the clock).
	CalendarID *int64
	Channels   *Channels
	MemberIDs  *[]int64
}

// Create adds a team. The slug defaults to one made from the name, the
// alias to slug@mail-domain and the pipeline to defaultPipeline.
func (s *Service) Create(ctx context.Context, in Input, defaultPipeline int64) (Team, error) {
	t := Team{AssignmentMode: Manual, PipelineID: defaultPipeline,
		Channels: Channels{Email: true, Form: true, Widget: true}, MemberIDs: []int64{}}
	if in.Name != nil && in.Slug == nil {
		slug := Slugify(*in.Name)
		in.Slug = &slug
	}
	var id int64
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		if err := s.merge(ctx, tx, &t, in, true); err != nil {
			return err
		}
		now := db.Now()
		err := tx.QueryRowContext(ctx, `INSERT INTO teams (name, slug, email_alias, pipeline_id, assignment_mode,
			email_enabled, form_enabled, widget_enabled, chat_enabled, created_at, updated_at, calendar_id)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11) RETURNING id`,
			t.Name, t.Slug, t.EmailAlias, t.PipelineID, t.AssignmentMode, t.Channels.Email, t.Channels.Form,
			t.Channels.Widget, t.Channels.LiveChat, now, t.CalendarID).Scan(&id)
		if err := uniqueErr(err); err != nil {
			return err
		}
		if err := s.switchChat(ctx, tx, id, t.Channels.LiveChat, t.Channels.LiveChat); err != nil {
			return err
		}
		if err := setMembers(ctx, tx, id, t.MemberIDs); err != nil || s.Rules == nil {
			return err
		}
		return s.Rules.TeamCreated(ctx, tx, id)
	})
	if err != nil {
		return Team{}, err
	}
	if s.Rules != nil {
		s.Rules.Forget()
	}
	return s.Get(ctx, id)
}

// Update changes team id.
func (s *Service) Update(ctx context.Context, id int64, in Input) (Team, error) {
	defer s.Forget()
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		t, err := s.GetTx(ctx, tx, id)
		if err != nil {
			return err
		}
		hours := t.CalendarID
		if err := s.merge(ctx, tx, &t, in, false); err != nil {
			return err
		}
		if err := s.hoursChanged(ctx, tx, hours, t.CalendarID); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE teams SET name = $2, slug = $3, email_alias = $4, pipeline_id = $5,
			assignment_mode = $6, email_enabled = $7, form_enabled = $8, widget_enabled = $9, chat_enabled = $10,
			updated_at = $11, calendar_id = $12 WHERE id = $1`, id, t.Name, t.Slug, t.EmailAlias, t.PipelineID,
			t.AssignmentMode, t.Channels.Email, t.Channels.Form, t.Channels.Widget, t.Channels.LiveChat, db.Now(), t.CalendarID)
		if err := uniqueErr(err); err != nil {
			return err
		}
		if err := s.switchChat(ctx, tx, id, in.Channels != nil, t.Channels.LiveChat); err != nil {
			return err
		}
		if in.MemberIDs == nil {
			return nil
		}
		return setMembers(ctx, tx, id, t.MemberIDs)
	})
	if err != nil {
		return Team{}, err
	}
	return s.Get(ctx, id)
}

// switchChat passes the chat switch on when it was set.
func (s *Service) switchChat(ctx context.Context, tx *db.Tx, id int64, set, on bool) error {
	if s.LiveChat == nil || !set {
		return nil
	}
	return s.LiveChat.SetTeamChatTx(ctx, tx, id, on)
}

func uniqueErr(err error) error {
	switch {
	case db.IsUniqueViolation(err, "slug"):
		return domain.Invalid("slug", "another team already uses this slug")
	case db.IsUniqueViolation(err, "email_alias"):
		return domain.Invalid("email_alias", "another team already uses this address")
	}
	return err
}

// merge validates in and copies it onto t.
func (s *Service) merge(ctx context.Context, q db.Querier, t *Team, in Input, creating bool) error {
	var c domain.Check
	if in.Name != nil {
		t.Name = strings.TrimSpace(*in.Name)
	}
	c.Line("name", t.Name)
	c.Require(t.Name != "" && !domain.TooLong(t.Name, 100), "name", "must be 1 to 100 characters")
	if in.Slug != nil {
		t.Slug = strings.ToLower(strings.TrimSpace(*in.Slug))
	}
	c.Line("slug", t.Slug)
	c.Require(slugPattern.MatchString(t.Slug), "slug", "must be 1 to 50 lower-case letters, digits and dashes")
	if in.EmailAlias != nil {
		t.EmailAlias = *in.EmailAlias
	} else if creating {
		t.EmailAlias = s.defaultAlias(t.Slug)
	}
	c.Line("email_alias", t.EmailAlias)
	alias, ok := domain.NormalizeEmail(t.EmailAlias)
	c.Require(ok, "email_alias", "must be a valid email address")
	t.EmailAlias = alias
	if in.AssignmentMode != nil {
		t.AssignmentMode = *in.AssignmentMode
	}
	c.Require(validModes(t.AssignmentMode), "assignment_mode", "must be manual, round_robin or fewest_open")
	if in.Channels != nil {
		t.Channels = *in.Channels
	}
	if in.MemberIDs != nil {
		t.MemberIDs = *in.MemberIDs
	}
	if in.PipelineID != nil {
		t.PipelineID = *in.PipelineID
	}
	if in.CalendarID != nil {
		t.CalendarID = in.CalendarID
		if *in.CalendarID == 0 {
			t.CalendarID = nil
		}
	}
	if err := s.checkRefs(ctx, q, t, &c); err != nil {
		return err
	}
	return c.Err()
}

func (s *Service) checkRefs(ctx context.Context, q db.Querier, t *Team, c *domain.Check) error {
	if err := taken(ctx, q, t, c); err != nil {
		return err
	}
	ok, err := s.Pipelines.Exists(ctx, q, t.PipelineID)
	if err != nil {
		return err
	}
	c.Require(ok, "pipeline_id", "no such pipeline")
	if t.CalendarID != nil {
		var n int
		if err := q.QueryRowContext(ctx, `SELECT count(*) FROM calendars WHERE id = $1`, *t.CalendarID).Scan(&n); err != nil {
			return err
		}
		c.Require(n == 1, "calendar_id", "no such calendar")
	}
	for i, opID := range t.MemberIDs {
		var n int
		if err := q.QueryRowContext(ctx, `SELECT count(*) FROM operators WHERE id = $1`, opID).Scan(&n); err != nil {
			return err
		}
		c.Require(n == 1, fmt.Sprintf("member_ids[%d]", i), "no such operator")
	}
	return nil
}

func setMembers(ctx context.Context, tx *db.Tx, teamID int64, ids []int64) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM team_members WHERE team_id = $1`, teamID); err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, `INSERT INTO team_members (team_id, operator_id) VALUES ($1, $2)
			ON CONFLICT DO NOTHING`, teamID, id); err != nil {
			return err
		}
	}
	return nil
}

// taken refuses a slug or alias another team has. A malformed one, already
// refused, is not looked up: PostgreSQL fails the query on NUL or invalid
// UTF-8, which would turn the field's message into a 500.
func taken(ctx context.Context, q db.Querier, t *Team, c *domain.Check) error {
	if _, ok := domain.NormalizeEmail(t.EmailAlias); !ok || !slugPattern.MatchString(t.Slug) {
		return nil
	}
	rows, err := q.QueryContext(ctx, `SELECT slug, email_alias FROM teams WHERE (slug = $1 OR email_alias = $2) AND id <> $3`,
		t.Slug, t.EmailAlias, t.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var slug, alias string
		if err := rows.Scan(&slug, &alias); err != nil {
			return err
		}
		c.Require(slug != t.Slug, "slug", "another team already uses this slug")
		c.Require(alias != t.EmailAlias, "email_alias", "another team already uses this address")
	}
	return rows.Err()
}

// hoursChanged tells the SLA when a team's calendar changed from before
// to after.
func (s *Service) hoursChanged(ctx context.Context, tx *db.Tx, before, after *int64) error {
	same := (before == nil && after == nil) || (before != nil && after != nil && *before == *after)
	if same || s.SLA == nil {
		return nil
	}
	return s.SLA.Changed(ctx, tx)
}
