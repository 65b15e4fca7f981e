package automation

import (
	"context"

	"github.com/frontdesk/frontdesk/internal/db"
)

// teamDefaults are the rules every team starts with: the received and
// closed mails, which were built into the outbox before rules existed
// and are now rules like any other (migration 0053 made them for the
// teams that existed then, keeping each team's choice).
func teamDefaults(teamID int64) []Rule {
	return []Rule{
		{Name: "Mail the received template", Enabled: true, Scope: Scope{Team: teamID}, Preset: "received_mail",
			When: When{Event: "ticket_created", Channels: []string{"email", "web_form", "widget"}},
			If:   [][]Cond{}, Then: []Action{{Action: "mail_customer", Template: "received"}}},
		{Name: "Mail the closed template", Enabled: true, Scope: Scope{Team: teamID}, Preset: "closed_mail",
			When: When{Event: "status_entered", Closing: true},
			If:   [][]Cond{}, Then: []Action{{Action: "mail_customer", Template: "closed"}}},
	}
}

// TeamCreated gives a new team its default rules, inside the team's
// transaction; the team service calls Forget after it commits.
func (s *Service) TeamCreated(ctx context.Context, tx *db.Tx, teamID int64) error {
	for _, r := range teamDefaults(teamID) {
		if err := insertRule(ctx, tx, &r); err != nil {
			return err
		}
	}
	return nil
}

// Forget drops the compiled rules, to be read again: call it after
// committing a change to rules made in another service's transaction.
// (Forgetting before the commit would let a load in between keep the
// rules without the change.)
func (s *Service) Forget() { s.cache.Forget() }

// PresetEnabled reports whether team teamID's rule made from preset is on
// (false when the team has none): the team's mail settings show the
// received and closed mails' switch this way.
func (s *Service) PresetEnabled(ctx context.Context, teamID int64, preset string) (bool, error) {
	var n int
	err := s.DB.Read.QueryRowContext(ctx, `SELECT count(*) FROM rules WHERE team_id = $1 AND preset = $2 AND enabled`,
		teamID, preset).Scan(&n)
	return n > 0, err
}

// SetPresetEnabled switches team teamID's rules made from preset on or
// off, making the default one when the team has none.
func (s *Service) SetPresetEnabled(ctx context.Context, teamID int64, preset string, on bool) error {
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE rules SET enabled = $3, updated_at = $4 WHERE team_id = $1 AND preset = $2`,
			teamID, preset, on, db.Now())
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n > 0 {
			return nil
		}
		for _, r := range teamDefaults(teamID) {
			if r.Preset == preset {
				r.Enabled = on
				return insertRule(ctx, tx, &r)
			}
		}
		return nil
	})
	s.cache.Forget()
	return err
}
