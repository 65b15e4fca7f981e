// Package db opens SQLite or PostgreSQL behind one small API: a write handle,
// a read handle, transactions with retry, and the few dialect differences.
package db

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver
)

// Dialect names the database engine.
type Dialect string

// The two engines Frontdesk runs on.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// Querier is what both *sql.DB and *sql.Tx offer; stores take it so one
// method works inside and outside a transaction.
type Querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// DB holds the handles. On SQLite, Write has one connection (SQLite allows
// one writer; queueing in Go beats spinning on SQLITE_BUSY) and Read a pool.
// On PostgreSQL both are the same pool.
type DB struct {
	Dialect Dialect
	Write   *sql.DB
	Read    *sql.DB
	batch   *batcher // SQLite only: group commit of write transactions
	ckpt    *checkpointer
	// PostgreSQL only: the server does not wait for the disk at commit
	// (synchronous_commit off), so synced transactions must ask it to.
	asyncCommit bool
}

// Open connects to dsn: a postgres:// URL, or else a SQLite file path.
func Open(ctx context.Context, dsn string) (*DB, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return openPostgres(ctx, dsn)
	}
	return openSQLite(ctx, dsn)
}

func openPostgres(ctx context.Context, dsn string) (*DB, error) {
	pool, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	pool.SetMaxOpenConns(max(16, 4*runtime.NumCPU()))
	pool.SetMaxIdleConns(max(16, 4*runtime.NumCPU()))
	pool.SetConnMaxIdleTime(5 * time.Minute)
	d := &DB{Dialect: Postgres, Write: pool, Read: pool}
	var commit string
	if err := pool.QueryRowContext(ctx, `SHOW synchronous_commit`).Scan(&commit); err != nil {
		pool.Close()
		return nil, fmt.Errorf("connect to postgres: %w", err)
	}
	d.asyncCommit = commit == "off"
	return d, nil
}

// The three kinds of SQLite connection (the checkpointer's needs only the
// common settings).
type sqliteMode int

const (
	modeWrite sqliteMode = iota
	modeRead
	modeCheckpoint
)

func sqliteDSN(path string, mode sqliteMode) string {
	q := url.Values{}
	q.Set("_time_format", "sqlite")
	q.Set("_txlock", "immediate")
	for _, p := range []string{"journal_mode(WAL)", "synchronous(NORMAL)", "foreign_keys(1)",
		"busy_timeout(10000)", "temp_store(MEMORY)", "mmap_size(2147418112)"} {
		q.Add("_pragma", p)
	}
	switch mode {
	case modeRead:
		q.Add("_pragma", "query_only(1)")
		q.Add("_pragma", "cache_size(-131072)")
	case modeWrite:
		// A small cache: at the end of each write transaction SQLite's
		// page cache may scan its whole hash table (pcache1TruncateUnsafe),
		// which grows with the cache. At 256 MB that scan took 6% of the
		// CPU of mail intake; at 8 MB intake is 15-40% faster, creation on
		// a million tickets no slower (docs/benchmarks.md), since pages
		// the cache drops are still in the operating system's. The
		// checkpoint at 64 MB of log finds most pages already copied by
		// the checkpointer, and lets the log start over.
		q.Add("_pragma", "cache_size(-8192)")
		q.Add("_pragma", "wal_autocheckpoint(16384)")
	}
	return "file:" + path + "?" + q.Encode()
}

func openSQLite(ctx context.Context, path string) (*DB, error) {
	path = strings.TrimPrefix(path, "sqlite://")
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("create database directory: %w", err)
		}
	}
	w, err := sql.Open(sqliteDriver(), sqliteDSN(path, modeWrite))
	if err != nil {
		return nil, fmt.Errorf("open sqlite: %w", err)
	}
	w.SetMaxOpenConns(1)
	w.SetConnMaxIdleTime(0)
	// The first connection switches the file to WAL before readers open it.
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	r, err := sql.Open(sqliteDriver(), sqliteDSN(path, modeRead))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open sqlite: %w", err)
	}
	n := max(4, runtime.NumCPU()*2)
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	ckpt, err := startCheckpointer(path)
	if err != nil {
		w.Close()
		r.Close()
		return nil, fmt.Errorf("open sqlite: %w", err)
	}
	d := &DB{Dialect: SQLite, Write: w, Read: r, ckpt: ckpt}
	d.batch = newBatcher(d)
	return d, nil
}

// Close releases both handles.
func (d *DB) Close() error {
	if d.batch != nil {
		d.batch.close()
	}
	if d.ckpt != nil {
		d.ckpt.close()
	}
	err := d.Write.Close()
	if d.Read != d.Write {
		if rerr := d.Read.Close(); err == nil {
			err = rerr
		}
	}
	return err
}

// Ping checks that the database answers.
func (d *DB) Ping(ctx context.Context) error {
	return d.Read.PingContext(ctx)
}
