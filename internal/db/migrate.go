package db

import (
	"context"
	"fmt"
	"io/fs"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"

	"github.com/frontdesk/frontdesk/migrations"
)

func (d *DB) provider() (*goose.Provider, error) {
	var (
		dialect goose.Dialect
		dir     fs.FS
		err     error
	)
	switch d.Dialect {
	case Postgres:
		dialect = goose.DialectPostgres
		dir, err = fs.Sub(migrations.Postgres, "postgres")
	default:
		dialect = goose.DialectSQLite3
		dir, err = fs.Sub(migrations.SQLite, "sqlite")
	}
	if err != nil {
		return nil, err
	}
	var opts []goose.ProviderOption
	if d.Dialect == Postgres {
		// Several nodes starting at once: one migrates, the others wait.
		locker, err := lock.NewPostgresSessionLocker()
		if err != nil {
			return nil, err
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	return goose.NewProvider(dialect, d.Write, dir, opts...)
}

// Migrate applies every pending migration, each in its own transaction.
func (d *DB) Migrate(ctx context.Context) (applied int, err error) {
	p, err := d.provider()
	if err != nil {
		return 0, err
	}
	results, err := p.Up(ctx)
	if err != nil {
		return len(results), fmt.Errorf("migrate: %w", err)
	}
	return len(results), d.optimize(ctx)
}

// optimize completes SQLite's planner statistics on a database that has
// been analyzed before (the benchmark's seeding runs ANALYZE; so may an
// operator). An index added by a later migration then has none, and the
// planner takes it for a very selective one: on a million tickets the
// open inbox walked tickets_closed_at (is_open = ?) and sorted 165,000
// rows (1.5 s) instead of reading tickets_open in order. PRAGMA optimize
// analyzes any table with an index that lacks statistics (and tables that
// grew 25-fold), on a sample (analysis_limit), so milliseconds. A database
// never analyzed is left to the planner's defaults, which serve it well;
// statistics taken while it is small would mislead it once it grows.
func (d *DB) optimize(ctx context.Context) error {
	if d.Dialect != SQLite {
		return nil // autovacuum's ANALYZE keeps PostgreSQL's statistics
	}
	var analyzed int
	if err := d.Write.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'`).Scan(&analyzed); err != nil {
		return fmt.Errorf("optimize: %w", err)
	}
	if analyzed == 0 {
		return nil
	}
	if _, err := d.Write.ExecContext(ctx, `PRAGMA analysis_limit = 1000`); err != nil {
		return fmt.Errorf("optimize: %w", err)
	}
	if _, err := d.Write.ExecContext(ctx, `PRAGMA optimize = 0x10002`); err != nil {
		return fmt.Errorf("optimize: %w", err)
	}
	return nil
}

// SchemaCurrent reports an error when migrations are pending or the
// database holds a newer schema than this binary knows.
func (d *DB) SchemaCurrent(ctx context.Context) error {
	p, err := d.provider()
	if err != nil {
		return err
	}
	current, err := p.GetDBVersion(ctx)
	if err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	sources := p.ListSources()
	want := int64(0)
	if len(sources) > 0 {
		want = sources[len(sources)-1].Version
	}
	if current != want {
		return fmt.Errorf("schema version is %d, this build needs %d: run `frontdesk migrate`", current, want)
	}
	return nil
}
