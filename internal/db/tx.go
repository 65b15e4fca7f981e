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
	Dialect  Dialect
	deferred []func() error
}

// Defer runs fn at the end of the transaction, after all other work and
// before the commit. Full-text index writes go here: on SQLite every later
// statement with a statement journal would otherwise make FTS5 flush a tiny
// index segment.
func (tx *Tx) Defer(fn func() error) { tx.deferred = append(tx.deferred, fn) }

func (tx *Tx) runDeferred() error {
	for _, fn := range tx.deferred {
		if err := fn(); err != nil {
			return err
		}
	}
	return nil
}

// WithTx runs fn in a transaction on the write handle, commits when fn
// returns nil and rolls back otherwise. A transaction that failed because
// the engine was busy, or on a serialization conflict, runs again.
func (d *DB) WithTx(ctx context.Context, fn func(tx *Tx) error) error {
	delay := 5 * time.Millisecond
	for attempt := 1; ; attempt++ {
		var err error
		if d.batch != nil {
			err = d.batch.submit(ctx, fn)
		} else {
			err = d.runTx(ctx, fn)
		}
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
	if err = tx.runDeferred(); err != nil {
		return err
	}
	return sqlTx.Commit()
}
