// Package migrations embeds the schema, one folder per database engine.
// Migrations are forward-only; both folders hold the same steps.
package migrations

import "embed"

// SQLite holds the migrations for SQLite.
//
//go:embed sqlite/*.sql
var SQLite embed.FS

// Postgres holds the migrations for PostgreSQL.
//
//go:embed postgres/*.sql
var Postgres embed.FS
