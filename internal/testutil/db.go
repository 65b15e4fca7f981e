// Package testutil runs tests on both database engines.
package testutil

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
)

// PostgresURL is the server the PostgreSQL runs use, from
// FRONTDESK_TEST_POSTGRES (scripts/test starts one and sets it).
func PostgresURL() string { return os.Getenv("FRONTDESK_TEST_POSTGRES") }

// Strict reports whether a missing component must fail the test rather
// than skip it: under CI, or when a PostgreSQL URL was given.
func Strict() bool { return os.Getenv("CI") != "" || PostgresURL() != "" }

// Engines runs fn once on a fresh migrated SQLite database and once on a
// fresh migrated PostgreSQL database, as subtests "sqlite" and "postgres".
func Engines(t *testing.T, fn func(t *testing.T, d *db.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, NewSQLite(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, NewPostgres(t)) })
}

// NewSQLite opens a migrated SQLite database in a temporary directory.
func NewSQLite(t testing.TB) *db.DB {
	t.Helper()
	d, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatalf("open sqlite: %v", err)
	}
	t.Cleanup(func() { d.Close() })
	if _, err := d.Migrate(context.Background()); err != nil {
		t.Fatalf("migrate sqlite: %v", err)
	}
	return d
}

var (
	templateOnce sync.Once
	templateName string
	templateErr  error
	dbCounter    int
	dbCounterMu  sync.Mutex
)

// NewPostgres creates a fresh database on the test server, cloned from a
// template migrated once per test binary, and drops it after the test.
func NewPostgres(t testing.TB) *db.DB {
	t.Helper()
	base := PostgresURL()
	if base == "" {
		if Strict() {
			t.Fatal("PostgreSQL is required under CI: set FRONTDESK_TEST_POSTGRES (scripts/test does)")
		}
		t.Skip("FRONTDESK_TEST_POSTGRES not set; run scripts/test for the PostgreSQL half")
	}
	templateOnce.Do(func() { templateName, templateErr = makeTemplate(base) })
	if templateErr != nil {
		t.Fatalf("prepare postgres template: %v", templateErr)
	}
	dbCounterMu.Lock()
	dbCounter++
	name := fmt.Sprintf("%s_%d", templateName, dbCounter)
	dbCounterMu.Unlock()
	if err := adminExec(base, fmt.Sprintf("CREATE DATABASE %s TEMPLATE %s", name, templateName)); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	d, err := db.Open(context.Background(), withDatabase(base, name))
	if err != nil {
		t.Fatalf("open postgres: %v", err)
	}
	t.Cleanup(func() {
		d.Close()
		_ = adminExec(base, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	})
	return d
}

func makeTemplate(base string) (string, error) {
	name := fmt.Sprintf("fdtest_%d", os.Getpid())
	_ = adminExec(base, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	if err := adminExec(base, "CREATE DATABASE "+name); err != nil {
		return "", err
	}
	d, err := db.Open(context.Background(), withDatabase(base, name))
	if err != nil {
		return "", err
	}
	defer d.Close()
	if _, err := d.Migrate(context.Background()); err != nil {
		return "", err
	}
	return name, nil
}

func adminExec(base, stmt string) error {
	conn, err := sql.Open("pgx", base)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.Exec(stmt)
	return err
}

func withDatabase(base, name string) string {
	i := strings.LastIndex(base, "/")
	rest := ""
	if q := strings.IndexByte(base[i:], '?'); q >= 0 {
		rest = base[i+q:]
	}
	return base[:i+1] + name + rest
}

// PostgresDSN is the URL of the test database d is connected to, for a
// second node (another *db.DB, or a server process) on the same data.
func PostgresDSN(t testing.TB, d *db.DB) string {
	t.Helper()
	var name string
	if err := d.Read.QueryRow(`SELECT current_database()`).Scan(&name); err != nil {
		t.Fatal(err)
	}
	return withDatabase(PostgresURL(), name)
}

// SecondNode opens another connection pool on d's PostgreSQL database, as
// a second node of the same install would.
func SecondNode(t testing.TB, d *db.DB) *db.DB {
	t.Helper()
	other, err := db.Open(context.Background(), PostgresDSN(t, d))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	return other
}
