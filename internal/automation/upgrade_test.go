package automation_test

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/migrations"
)

// Migration 0053 turns each existing team's received and closed mails
// into rules, keeping the team's choice: run again over a team that had
// switched its closed mail off, it makes a received rule that is on and a
// closed rule that is off.
func TestUpgradeKeepsEachTeamsMailChoice(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		if _, err := d.Write.ExecContext(k.ctx, `DELETE FROM rules`); err != nil {
			t.Fatal(err)
		}
		if _, err := d.Write.ExecContext(k.ctx, `INSERT INTO team_mail_templates (team_id, kind, enabled, subject, body, updated_at)
			VALUES ($1, 'closed', FALSE, 'Bye', 'Bye {{ticket_url}}', $2)`, k.team.ID, db.Now()); err != nil {
			t.Fatal(err)
		}
		folder, files := "sqlite", migrations.SQLite
		if d.Dialect == db.Postgres {
			folder, files = "postgres", migrations.Postgres
		}
		raw, err := fs.ReadFile(files, folder+"/0053_mail_rules.sql")
		if err != nil {
			t.Fatal(err)
		}
		up, _, _ := strings.Cut(strings.TrimPrefix(string(raw), "-- +goose Up"), "-- +goose Down")
		if _, err := d.Write.ExecContext(k.ctx, up); err != nil {
			t.Fatal(err)
		}
		rules, err := k.s.Automations.List(k.ctx)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for _, r := range rules {
			got[r.Preset] = r.Enabled
		}
		if len(rules) != 2 || !got["received_mail"] || got["closed_mail"] {
			t.Fatalf("rules after the upgrade %+v, want received on and closed off", rules)
		}
		tk := k.ticket(db.Now())
		k.setStatus(tk.ID, "Closed")
		if n := k.count(`SELECT count(*) FROM mail_outbox WHERE ticket_id = $1 AND kind = 'closed'`, tk.ID); n != 0 {
			t.Fatalf("closed mails = %d, the team had switched them off", n)
		}
		if n := k.count(`SELECT count(*) FROM mail_outbox WHERE ticket_id = $1 AND kind = 'received'`, tk.ID); n != 1 {
			t.Fatalf("received mails = %d, want 1", n)
		}
	})
}
