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
	return len(results), nil
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
