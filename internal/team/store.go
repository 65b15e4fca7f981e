package team

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// PipelineChecker confirms a pipeline exists; the pipeline service is one.
type PipelineChecker interface {
	Exists(ctx context.Context, q db.Querier, id int64) (bool, error)
}

// ChatSwitch turns a team's live chat channel on or off (chat.Service).
type ChatSwitch interface {
	SetTeamChatTx(ctx context.Context, tx *db.Tx, teamID int64, on bool) error
}

// TeamRules makes a new team's default rules (internal/automation).
type TeamRules interface {
	TeamCreated(ctx context.Context, tx *db.Tx, teamID int64) error
	Forget() // after the team's commit
}

// Service manages teams.
type Service struct {
	DB         *db.DB
	MailDomain string
	Pipelines  PipelineChecker
	// SLA hears of a change of a team's calendar in its transaction, to
	// recompute the team's open tickets (optional).
	SLA Recomputer
	// LiveChat creates or switches the team's chat channel with its
	// "chat" switch, in the same transaction; nil leaves channels alone.
	LiveChat ChatSwitch
	// Rules gives a new team its default automation rules (the received
	// and closed mails), in the team's transaction; nil makes none.
	Rules TeamRules
	// lookups remembers Find and ByAlias: every ticket creation and every
	// incoming mail asks, and teams change rarely.
	lookups db.Memo[string, Team]
}

// Recomputer recomputes open tickets' SLA state after their hours changed.
type Recomputer interface {
	Changed(ctx context.Context, q db.Querier) error
}

// Forget drops remembered teams; a package that changes a team row
// itself calls it after its commit.
func (s *Service) Forget() { s.lookups.Forget() }

const teamColumns = `id, name, slug, email_alias, pipeline_id, assignment_mode, calendar_id,
	email_enabled, form_enabled, widget_enabled, chat_enabled, created_at, updated_at`

func scanTeam(row interface{ Scan(...any) error }) (Team, error) {
	var t Team
	var cal sql.NullInt64
	err := row.Scan(&t.ID, &t.Name, &t.Slug, &t.EmailAlias, &t.PipelineID, &t.AssignmentMode, &cal,
		&t.Channels.Email, &t.Channels.Form, &t.Channels.Widget, &t.Channels.LiveChat, &t.CreatedAt, &t.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return t, ErrNotFound
	}
	if cal.Valid {
		t.CalendarID = &cal.Int64
	}
	return t, err
}

// Get returns team id with its members.
func (s *Service) Get(ctx context.Context, id int64) (Team, error) {
	return s.GetTx(ctx, s.DB.Read, id)
}

// GetTx returns team id inside a transaction.
func (s *Service) GetTx(ctx context.Context, q db.Querier, id int64) (Team, error) {
	t, err := scanTeam(q.QueryRowContext(ctx, `SELECT `+teamColumns+` FROM teams WHERE id = $1`, id))
	if err != nil {
		return t, err
	}
	t.MemberIDs, err = members(ctx, q, t.ID)
	return t, err
}

// Find returns the team named by ref, its id or its slug, without its
// members: the lookup every ticket creation makes, kept to one query.
func (s *Service) Find(ctx context.Context, q db.Querier, ref string) (Team, error) {
	ref = strings.TrimSpace(ref)
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		return s.lookup(ctx, q, "id", id)
	}
	// A slug no team can have names none, and is never a query parameter
	// (PostgreSQL refuses NUL and invalid UTF-8: a 500 for a typo).
	slug := strings.ToLower(ref)
	if !slugPattern.MatchString(slug) {
		return Team{}, ErrNotFound
	}
	return s.lookup(ctx, q, "slug", slug)
}

// ByAlias returns the team whose alias is address, in any case.
func (s *Service) ByAlias(ctx context.Context, address string) (Team, error) {
	alias, ok := domain.NormalizeEmail(address)
	if !ok {
		return Team{}, ErrNotFound
	}
	return s.lookup(ctx, s.DB.Read, "email_alias", alias)
}

// lookup returns the team whose column equals value.
func (s *Service) lookup(ctx context.Context, q db.Querier, column string, value any) (Team, error) {
	return s.lookups.Get(fmt.Sprint(column, ":", value), func() (Team, error) {
		return scanTeam(q.QueryRowContext(ctx, `SELECT `+teamColumns+` FROM teams WHERE `+column+` = $1`, value))
	})
}

func members(ctx context.Context, q db.Querier, teamID int64) ([]int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT operator_id FROM team_members WHERE team_id = $1 ORDER BY operator_id`, teamID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ids := []int64{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// List returns every team by name, with members.
func (s *Service) List(ctx context.Context) ([]Team, error) {
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT `+teamColumns+` FROM teams ORDER BY lower(name), id`)
	if err != nil {
		return nil, err
	}
	var out []Team
	for rows.Next() {
		t, err := scanTeam(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		if out[i].MemberIDs, err = members(ctx, s.DB.Read, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// IsMember reports whether operator opID belongs to team teamID.
func (s *Service) IsMember(ctx context.Context, teamID, opID int64) (bool, error) {
	var n int
	err := s.DB.Read.QueryRowContext(ctx, `SELECT count(*) FROM team_members WHERE team_id = $1 AND operator_id = $2`,
		teamID, opID).Scan(&n)
	return n > 0, err
}

func (s *Service) defaultAlias(slug string) string {
	return fmt.Sprintf("%s@%s", slug, strings.ToLower(s.MailDomain))
}
