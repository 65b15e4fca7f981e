package main

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
)

// TestReportsRebuildChatsKeepsTheTickets: --chats replays the chats and
// leaves the tickets' part of the record; without it the record is
// rebuilt from the tickets there are (none here).
func TestReportsRebuildChatsKeepsTheTickets(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fd.db")
	t.Setenv("FRONTDESK_DB", path)
	if out, err := run(t, "", "migrate"); err != nil {
		t.Fatalf("migrate: %v %q", err, out)
	}
	conn, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Exec(`INSERT INTO report_days (day, team_id, channel, priority, operator_id, created)
		VALUES ('2026-11-30', 1, 'email', 0, 0, 7)`); err != nil {
		t.Fatal(err)
	}
	kept := func() int {
		var n int
		if err := conn.QueryRow(`SELECT COALESCE(SUM(created), 0) FROM report_days`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	out, err := run(t, "", "reports", "rebuild", "--chats")
	if err != nil || !strings.Contains(out, "from 0 tickets and 0 chats") {
		t.Fatalf("rebuild --chats: %v %q", err, out)
	}
	if n := kept(); n != 7 {
		t.Errorf("after rebuild --chats the record counts %d created, want the 7 it had", n)
	}
	if out, err := run(t, "", "reports", "rebuild"); err != nil {
		t.Fatalf("rebuild: %v %q", err, out)
	}
	if n := kept(); n != 0 {
		t.Errorf("after a full rebuild of no tickets the record counts %d created, want 0", n)
	}
}
