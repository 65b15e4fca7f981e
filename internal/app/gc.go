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

// ReleaseStartupMemory collects once and hands the free memory back to
// the system. Starting allocates much that it drops at once: goose reads
// every migration (16 MB of buffers), and a first start hashes the
// admin's password (argon2's 19 MiB). With GOGC=200 the heap would keep
// that garbage until it grew three times over, and the runtime returns
// freed pages to the system only slowly: an idle server held 60-70 MB.
func ReleaseStartupMemory() { debug.FreeOSMemory() }
