package outbound

import (
	"context"
	"database/sql"
	"errors"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// Templates returns team's templates for every kind, defaults where the
// team changed nothing.
func (s *Service) Templates(ctx context.Context, teamID int64) ([]Template, error) {
	out := make([]Template, 0, len(Kinds))
	for _, k := range Kinds {
		t, err := templateFor(ctx, s.DB.Read, teamID, k)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

func templateFor(ctx context.Context, q db.Querier, teamID int64, k Kind) (Template, error) {
	var enabled bool
	var subject, body string
	err := q.QueryRowContext(ctx, `SELECT enabled, subject, body FROM team_mail_templates
		WHERE team_id = $1 AND kind = $2`, teamID, k).Scan(&enabled, &subject, &body)
	if errors.Is(err, sql.ErrNoRows) {
		return Defaults()[k], nil
	}
	return storedTemplate(k, enabled, subject, body), err
}

// storedTemplate is a team's own template of kind k.
func storedTemplate(k Kind, enabled bool, subject, body string) Template {
	// A public reply always goes out; only its wording is the team's.
	return Template{Kind: k, Enabled: enabled || k == Reply, Subject: subject, Body: body}
}

// SaveTemplates validates every template, reporting each bad field, and
// stores them all or none.
func (s *Service) SaveTemplates(ctx context.Context, teamID int64, ts []Template) error {
	var c domain.Check
	for _, t := range ts {
		if t.Kind != Reply && t.Kind != Received && t.Kind != Closed {
			c.Add("kind", "must be reply, received or closed")
			continue
		}
		t.check(&c)
	}
	if err := c.Err(); err != nil {
		return err
	}
	now := db.Now()
	return s.DB.WithTx(ctx, func(tx *db.Tx) error {
		for _, t := range ts {
			if _, err := tx.ExecContext(ctx, `INSERT INTO team_mail_templates (team_id, kind, enabled, subject,
				body, updated_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (team_id, kind) DO UPDATE SET
				enabled = excluded.enabled, subject = excluded.subject, body = excluded.body,
				updated_at = excluded.updated_at`, teamID, t.Kind, t.Enabled || t.Kind == Reply, t.Subject, t.Body,
				now); err != nil {
				return err
			}
		}
		return nil
	})
}
