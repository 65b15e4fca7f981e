package db

import "time"

// Now is the time the database stores: UTC, microsecond precision (what
// PostgreSQL keeps), so values read back compare equal to what was written.
func Now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

// Norm brings t into the stored form.
func Norm(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }
