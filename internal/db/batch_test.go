package db_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
)

func openSQLite(t *testing.T) *db.DB {
	t.Helper()
	d, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.Write.Exec(`CREATE TABLE kv (k TEXT PRIMARY KEY, v INTEGER NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	return d
}

// Concurrent writers share commits, but each keeps its own transaction:
// a failing one leaves no trace and the others all land.
func TestBatchedTransactionsStayIsolated(t *testing.T) {
	d := openSQLite(t)
	defer d.Close()
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make([]error, 200)
	for i := range errs {
		wg.Go(func() {
			errs[i] = d.WithTx(ctx, func(tx *db.Tx) error {
				if _, err := tx.ExecContext(ctx, `INSERT INTO kv (k, v) VALUES ($1, $2)`, fmt.Sprint(i), i); err != nil {
					return err
				}
				if i%10 == 0 {
					return errors.New("refused")
				}
				return nil
			})
		})
	}
	wg.Wait()
	var n int
	if err := d.Read.QueryRow(`SELECT count(*) FROM kv`).Scan(&n); err != nil || n != 180 {
		t.Errorf("%d rows (%v), want the 180 that succeeded", n, err)
	}
	for i, err := range errs {
		if (i%10 == 0) != (err != nil) {
			t.Errorf("writer %d: %v", i, err)
		}
	}
}

func TestWriteAfterCloseFailsInsteadOfPanicking(t *testing.T) {
	d := openSQLite(t)
	d.Close()
	err := d.WithTx(context.Background(), func(tx *db.Tx) error { return nil })
	if err == nil {
		t.Error("write after Close succeeded")
	}
}

func TestPanicReachesItsCaller(t *testing.T) {
	d := openSQLite(t)
	defer d.Close()
	defer func() {
		if recover() == nil {
			t.Error("panic inside a transaction was swallowed")
		}
	}()
	_ = d.WithTx(context.Background(), func(tx *db.Tx) error { panic("boom") })
}
