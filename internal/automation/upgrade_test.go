package automation_test

import (
	"context"
	"io/fs"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/automation"
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
		migrateAgain(t, d, "0053_mail_rules.sql")
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

// migrateAgain runs migration file's Up part over d as it is now.
func migrateAgain(t *testing.T, d *db.DB, file string) {
	t.Helper()
	folder, files := "sqlite", migrations.SQLite
	if d.Dialect == db.Postgres {
		folder, files = "postgres", migrations.Postgres
	}
	raw, err := fs.ReadFile(files, folder+"/"+file)
	if err != nil {
		t.Fatal(err)
	}
	up, _, _ := strings.Cut(strings.TrimPrefix(string(raw), "-- +goose Up"), "-- +goose Down")
	if _, err := d.Write.ExecContext(context.Background(), up); err != nil {
		t.Fatal(err)
	}
}

// Migration 0066 leaves one received mail rule per team where adding the
// ready rule again had made two: the oldest, on because a copy was on. A
// copy of another ready rule stays, as an ordinary rule.
func TestUpgradeDropsDuplicateMailRules(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		oldest := k.count(`SELECT min(id) FROM rules WHERE team_id = $1 AND preset = 'received_mail'`, k.team.ID)
		if _, err := d.Write.ExecContext(k.ctx, `DROP INDEX rules_preset`); err != nil {
			t.Fatal(err)
		}
		if _, err := d.Write.ExecContext(k.ctx, `UPDATE rules SET enabled = FALSE WHERE id = $1`, oldest); err != nil {
			t.Fatal(err)
		}
		for _, copied := range []string{"received_mail", "received_mail", "closed_mail"} {
			if _, err := d.Write.ExecContext(k.ctx, `INSERT INTO rules (name, enabled, team_id, position, event, definition,
				preset, created_at, updated_at) SELECT name, TRUE, team_id, position, event, definition, preset, created_at,
				updated_at FROM rules WHERE team_id = $1 AND preset = $2 ORDER BY id LIMIT 1`, k.team.ID, copied); err != nil {
				t.Fatal(err)
			}
		}
		answered := k.rule(automation.Rule{Name: "Answered: wait", Preset: "answer_sent_status",
			When: automation.When{Event: "answer_sent"}, Then: []automation.Action{setStatus("Waiting")}})
		if _, err := d.Write.ExecContext(k.ctx, `INSERT INTO rules (name, enabled, team_id, position, event, definition,
			preset, created_at, updated_at) SELECT 'Answered: my copy', enabled, team_id, position, event, definition, preset,
			created_at, updated_at FROM rules WHERE id = $1`, answered.ID); err != nil {
			t.Fatal(err)
		}
		migrateAgain(t, d, "0066_preset_once.sql")

		if n := k.count(`SELECT count(*) FROM rules WHERE preset = 'received_mail' AND id = $1 AND enabled`, oldest); n != 1 {
			t.Fatal("the oldest received mail rule is gone or off; a copy of it was on")
		}
		for preset, want := range map[string]int{"received_mail": 1, "closed_mail": 1, "answer_sent_status": 1} {
			if n := k.count(`SELECT count(*) FROM rules WHERE preset = $1`, preset); n != want {
				t.Errorf("%s rules after the upgrade: %d, want %d", preset, n, want)
			}
		}
		if n := k.count(`SELECT count(*) FROM rules WHERE name = 'Answered: my copy' AND preset IS NULL`); n != 1 {
			t.Error("the copy of the answered rule is gone or still a preset; it should stay as an ordinary rule")
		}
		tk := k.ticket(db.Now())
		if n := k.count(`SELECT count(*) FROM mail_outbox WHERE ticket_id = $1 AND kind = 'received'`, tk.ID); n != 1 {
			t.Fatalf("received mails = %d, want 1", n)
		}
	})
}
