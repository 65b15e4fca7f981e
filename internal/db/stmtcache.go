package db

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"sync"

	"modernc.org/sqlite"
)

// SQLite spends more time parsing SQL than running it for the short
// statements a helpdesk makes. database/sql prepares anew on every call
// (pgx caches statements itself), so SQLite connections here keep their
// prepared statements, keyed by the query text.

const sqliteDriverName = "sqlite-frontdesk"

// maxCachedStmts bounds each connection's cache; dynamic list queries have
// a bounded set of shapes, but a bound costs nothing.
const maxCachedStmts = 512

var registerOnce sync.Once

func sqliteDriver() string {
	registerOnce.Do(func() { sql.Register(sqliteDriverName, cachingDriver{base: &sqlite.Driver{}}) })
	return sqliteDriverName
}

type cachingDriver struct{ base driver.Driver }

func (d cachingDriver) Open(name string) (driver.Conn, error) {
	c, err := d.base.Open(name)
	if err != nil {
		return nil, err
	}
	return &cachingConn{Conn: c, stmts: map[string]driver.Stmt{}}, nil
}

// cachingConn is used by one goroutine at a time (database/sql's rule for
// driver connections), so its map needs no lock.
type cachingConn struct {
	driver.Conn
	stmts map[string]driver.Stmt
}

type fullConn interface {
	driver.ConnPrepareContext
	driver.ConnBeginTx
	driver.ExecerContext
	driver.QueryerContext
	driver.Pinger
	driver.SessionResetter
	driver.Validator
}

func (c *cachingConn) base() fullConn { return c.Conn.(fullConn) }

func (c *cachingConn) stmt(ctx context.Context, query string) (driver.Stmt, bool, error) {
	if s, ok := c.stmts[query]; ok {
		return s, true, nil
	}
	s, err := c.base().PrepareContext(ctx, query)
	if err != nil {
		return nil, false, err
	}
	if len(c.stmts) >= maxCachedStmts {
		return s, false, nil
	}
	c.stmts[query] = s
	return s, true, nil
}

func (c *cachingConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	s, cached, err := c.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	if !cached {
		defer s.Close()
	}
	return s.(driver.StmtExecContext).ExecContext(ctx, args)
}

func (c *cachingConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	s, cached, err := c.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	if !cached {
		// An uncached statement must outlive its rows: fall back to the driver's own path.
		s.Close()
		return c.base().QueryContext(ctx, query, args)
	}
	return s.(driver.StmtQueryContext).QueryContext(ctx, args)
}

func (c *cachingConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	return c.base().PrepareContext(ctx, query)
}

func (c *cachingConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	return c.base().BeginTx(ctx, opts)
}

func (c *cachingConn) Ping(ctx context.Context) error { return c.base().Ping(ctx) }

func (c *cachingConn) ResetSession(ctx context.Context) error { return c.base().ResetSession(ctx) }

func (c *cachingConn) IsValid() bool { return c.base().IsValid() }

func (c *cachingConn) Close() error {
	for q, s := range c.stmts {
		_ = s.Close()
		delete(c.stmts, q)
	}
	return c.Conn.Close()
}
