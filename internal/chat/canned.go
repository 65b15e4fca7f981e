package chat

import (
	"context"
	"database/sql"
	"errors"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// Canned is a canned response: ":shortcut" in an operator's answer (chat
// or ticket composer) becomes Body. TeamID nil: shared by every team.
type Canned struct {
	ID        int64     `json:"id"`
	TeamID    *int64    `json:"team_id"`
	Shortcut  string    `json:"shortcut"`
	Body      string    `json:"body"`
	UpdatedAt time.Time `json:"updated_at"`
}

var shortcutRE = regexp.MustCompile(`^[a-z0-9_-]{1,40}$`)

func (in *Canned) validate() error {
	c := &domain.Check{}
	in.Shortcut = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(in.Shortcut), ":"))
	in.Body = strings.TrimSpace(in.Body)
	c.Require(shortcutRE.MatchString(in.Shortcut), "shortcut", "must be 1 to 40 lowercase letters, digits, - or _")
	c.Require(in.Body != "", "body", "is required")
	c.Require(utf8.RuneCountInString(in.Body) <= MaxBody, "body", "must be at most 10,000 characters")
	return c.Err()
}

// SaveCanned creates (ID 0) or changes a canned response.
func (s *Service) SaveCanned(ctx context.Context, in Canned) (Canned, error) {
	if err := in.validate(); err != nil {
		return Canned{}, err
	}
	now := s.now()
	var err error
	if in.ID == 0 {
		err = s.DB.Write.QueryRowContext(ctx, `INSERT INTO canned_responses (team_id, shortcut, body, created_at,
			updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING id`, in.TeamID, in.Shortcut, in.Body, now).Scan(&in.ID)
	} else {
		var res interface{ RowsAffected() (int64, error) }
		res, err = s.DB.Write.ExecContext(ctx, `UPDATE canned_responses SET team_id = $1, shortcut = $2, body = $3,
			updated_at = $4 WHERE id = $5`, in.TeamID, in.Shortcut, in.Body, now, in.ID)
		if n, _ := rowsOf(res, err); err == nil && n == 0 {
			return Canned{}, domain.NotFound("canned response")
		}
	}
	if db.IsUniqueViolation(err, "canned_responses") {
		return Canned{}, domain.Invalid("shortcut", "is already used")
	}
	if db.IsForeignKeyViolation(err) {
		return Canned{}, domain.Invalid("team_id", "no such team")
	}
	in.UpdatedAt = now
	return in, err
}

func rowsOf(res interface{ RowsAffected() (int64, error) }, err error) (int64, error) {
	if err != nil || res == nil {
		return 0, err
	}
	return res.RowsAffected()
}

// DeleteCanned removes a canned response.
func (s *Service) DeleteCanned(ctx context.Context, id int64) error {
	_, err := s.DB.Write.ExecContext(ctx, `DELETE FROM canned_responses WHERE id = $1`, id)
	return err
}

// CannedFor lists the responses a team's operators may use (the team's
// and the shared ones; the team's win on a clash), by shortcut.
func (s *Service) CannedFor(ctx context.Context, teamID *int64) ([]Canned, error) {
	var team int64
	if teamID != nil {
		team = *teamID
	}
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT id, team_id, shortcut, body, updated_at FROM canned_responses
		WHERE team_id IS NULL OR team_id = $1 ORDER BY shortcut, team_id IS NULL`, team)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Canned{}
	for rows.Next() {
		var c Canned
		if err := rows.Scan(&c.ID, &c.TeamID, &c.Shortcut, &c.Body, &c.UpdatedAt); err != nil {
			return nil, err
		}
		if n := len(out); n > 0 && out[n-1].Shortcut == c.Shortcut {
			continue
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

var cannedRE = regexp.MustCompile(`(^|\s):([a-z0-9_-]{1,40})\b`)

// Expand replaces each ":shortcut" word naming a canned response of the
// team with its text; other words, ":)" included, stay as written.
func (s *Service) Expand(ctx context.Context, teamID *int64, body string) (string, error) {
	if !strings.Contains(body, ":") {
		return body, nil
	}
	list, err := s.CannedFor(ctx, teamID)
	if err != nil {
		return body, err
	}
	return ExpandWith(list, body), nil
}

// ExpandWith is Expand over a list already read (the ticket composer).
func ExpandWith(list []Canned, body string) string {
	by := map[string]string{}
	for _, c := range list {
		by[c.Shortcut] = c.Body
	}
	return cannedRE.ReplaceAllStringFunc(body, func(w string) string {
		m := cannedRE.FindStringSubmatch(w)
		if text, ok := by[m[2]]; ok {
			return m[1] + text
		}
		return w
	})
}

// CannedByID reads one canned response.
func (s *Service) CannedByID(ctx context.Context, id int64) (Canned, error) {
	var c Canned
	err := s.DB.Read.QueryRowContext(ctx, `SELECT id, team_id, shortcut, body, updated_at FROM canned_responses
		WHERE id = $1`, id).Scan(&c.ID, &c.TeamID, &c.Shortcut, &c.Body, &c.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return c, domain.NotFound("canned response")
	}
	return c, err
}

// CannedList lists every canned response, the shared ones first, then by
// team and shortcut (the settings page).
func (s *Service) CannedList(ctx context.Context) ([]Canned, error) {
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT id, team_id, shortcut, body, updated_at FROM canned_responses
		ORDER BY team_id IS NOT NULL, team_id, shortcut`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Canned{}
	for rows.Next() {
		var c Canned
		if err := rows.Scan(&c.ID, &c.TeamID, &c.Shortcut, &c.Body, &c.UpdatedAt); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
