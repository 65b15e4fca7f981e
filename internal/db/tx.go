package db

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// Tx is a transaction; it is a Querier.
type Tx struct {
	*sql.Tx
	Dialect Dialect
}

// WithTx runs fn in a transaction on the write handle, commits when fn
// returns nil and rolls back otherwise. A transaction that failed because
// the engine was busy, or on a serialization conflict, runs again.
func (d *DB) WithTx(ctx context.Context, fn func(tx *Tx) error) error {
	delay := 5 * time.Millisecond
	for attempt := 1; ; attempt++ {
		err := d.runTx(ctx, fn)
		if err == nil || attempt == 5 || !isRetryable(err) {
			return err
		}
		select {
		case <-ctx.Done():
			return errors.Join(err, ctx.Err())
		case <-time.After(delay):
		}
		delay *= 3
	}
}

func (d *DB) runTx(ctx context.Context, fn func(tx *Tx) error) (err error) {
	sqlTx, err := d.Write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	tx := &Tx{Tx: sqlTx, Dialect: d.Dialect}
	defer func() {
		if p := recover(); p != nil {
			_ = sqlTx.Rollback()
			panic(p)
		}
		if err != nil {
			_ = sqlTx.Rollback()
		}
	}()
	if err = fn(tx); err != nil {
		return err
	}
	return sqlTx.Commit()
}
