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
	return d.withTx(ctx, fn, false)
}

// WithSyncedTx is WithTx for work whose commit must be on disk when it
// returns, whatever the engine's settings: a mail whose receipt is
// confirmed next, which the sender then deletes. SQLite's commits
// otherwise reach the disk at the next checkpoint (synchronous=NORMAL),
// and a PostgreSQL server may run with synchronous_commit off; a power
// cut can lose such commits, though never half of one.
func (d *DB) WithSyncedTx(ctx context.Context, fn func(tx *Tx) error) error {
	return d.withTx(ctx, fn, true)
}

func (d *DB) withTx(ctx context.Context, fn func(tx *Tx) error, synced bool) error {
	delay := 5 * time.Millisecond
	for attempt := 1; ; attempt++ {
		var err error
		if d.batch != nil {
			err = d.batch.submit(ctx, fn, synced)
		} else {
			err = d.runTx(ctx, syncedOnPostgres(fn, synced && d.asyncCommit))
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

// syncedOnPostgres makes a PostgreSQL transaction wait for its commit to
// be flushed where the server's default says otherwise (by default it
// does, and the extra statement is saved).
func syncedOnPostgres(fn func(tx *Tx) error, synced bool) func(tx *Tx) error {
	if !synced {
		return fn
	}
	return func(tx *Tx) error {
		if _, err := tx.Exec(`SET LOCAL synchronous_commit TO on`); err != nil {
			return err
		}
		return fn(tx)
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
