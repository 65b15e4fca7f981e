package db_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
)

// A database analyzed once gets statistics for an index added later (by
// a migration) when it is migrated again; one never analyzed gets none,
// so the planner keeps its defaults.
func TestMigrateCompletesStatistics(t *testing.T) {
	ctx := context.Background()
	open := func(name string) *db.DB {
		d, err := db.Open(ctx, filepath.Join(t.TempDir(), name))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { d.Close() })
		if _, err := d.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		return d
	}
	stats := func(d *db.DB, index string) int {
		var n int
		if err := d.Write.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'`).Scan(&n); err != nil || n == 0 {
			return 0
		}
		if err := d.Write.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_stat1 WHERE idx = $1`, index).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}

	fresh := open("fresh.db")
	if _, err := fresh.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if n := stats(fresh, "tickets_open"); n != 0 {
		t.Error("a database never analyzed got statistics")
	}

	d := open("analyzed.db")
	for _, q := range []string{`INSERT INTO contacts (first_name, last_name, created_at, updated_at) VALUES ('A', 'B', '2026-01-01', '2026-01-01')`,
		`ANALYZE`, `CREATE INDEX contacts_later ON contacts(last_name)`} {
		if _, err := d.Write.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if stats(d, "contacts_later") != 0 {
		t.Fatal("the new index has statistics before the migration ran")
	}
	if _, err := d.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if stats(d, "contacts_later") != 1 {
		t.Error("migrating an analyzed database left an index without statistics")
	}
}
