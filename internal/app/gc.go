package app

import (
	"os"
	"runtime/debug"
)

// TuneGC lets the heap grow to three times the live data between
// collections instead of twice (GOGC=200), unless GOGC is set. Frontdesk's
// live heap is small, and mail intake allocates a mail's text several
// times over (parsing, sanitising, search words): collections took an
// eighth of its CPU at the default. An operator who wants the default, or
// a memory ceiling, sets GOGC or GOMEMLIMIT.
func TuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
}
