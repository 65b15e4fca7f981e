package db_test

import (
	"context"
	"sync"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// A synced transaction commits with the log flushed to disk, whatever the
// engine's default, also when it shares its commit with unsynced ones;
// other transactions keep the cheaper default.
func TestSyncedTransactionsWaitForTheDisk(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		mode := func(tx *db.Tx) string {
			q := `PRAGMA synchronous` // 1 NORMAL, 2 FULL
			if d.Dialect == db.Postgres {
				q = `SHOW synchronous_commit`
			}
			var m string
			if err := tx.QueryRowContext(ctx, q).Scan(&m); err != nil {
				t.Error(err)
			}
			return m
		}
		want := map[db.Dialect]string{db.SQLite: "2", db.Postgres: "on"}[d.Dialect]
		var wg sync.WaitGroup
		for i := range 60 {
			wg.Go(func() {
				synced := i%3 == 0
				run := map[bool]func(context.Context, func(*db.Tx) error) error{true: d.WithSyncedTx, false: d.WithTx}[synced]
				err := run(ctx, func(tx *db.Tx) error {
					if m := mode(tx); synced && m != want {
						t.Errorf("synced transaction runs with %s, want %s", m, want)
					}
					return nil
				})
				if err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		if d.Dialect == db.SQLite {
			_ = d.WithTx(ctx, func(tx *db.Tx) error {
				if m := mode(tx); m != "1" {
					t.Errorf("after the synced ones, a transaction runs with synchronous=%s, want 1 (NORMAL)", m)
				}
				return nil
			})
		}
	})
}
