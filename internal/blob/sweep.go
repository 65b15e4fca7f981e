package blob

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// InUse reports whether a database row names the blob sum.
type InUse func(ctx context.Context, sum string) (bool, error)

// Sweep removes the blobs that nothing references and that are older than
// grace (files of uploads refused after they were stored, of rows that
// never committed, of raw mails pruned), and the temporary files of Puts
// that were cut off. The grace covers a Put whose row is still on its way
// to the database: Put refreshes a reused file's time for the same reason.
// It returns how many files it removed.
func (s *Store) Sweep(ctx context.Context, grace time.Duration, inUse InUse) (int, error) {
	cutoff := time.Now().Add(-grace)
	removed := 0
	err := filepath.WalkDir(s.Dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return ignoreMissing(err)
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		gone, err := s.sweepFile(ctx, path, e, cutoff, inUse)
		if gone {
			removed++
		}
		return err
	})
	return removed, ignoreMissing(err)
}

// sweepFile removes one file if it is stale and, unless it is a
// temporary file, unreferenced.
func (s *Store) sweepFile(ctx context.Context, path string, e fs.DirEntry, cutoff time.Time, inUse InUse) (bool, error) {
	temp := filepath.Base(filepath.Dir(path)) == "tmp"
	if !temp && (!validSum(e.Name()) || path != s.Path(e.Name())) {
		return false, nil // not ours: leave it
	}
	if info, err := e.Info(); err != nil || !info.ModTime().Before(cutoff) {
		return false, ignoreMissing(err)
	}
	if !temp {
		used, err := inUse(ctx, e.Name())
		if err != nil || used {
			return false, err
		}
	}
	return s.removeIfStale(path, cutoff)
}

// removeIfStale removes path unless Put has refreshed it since it was
// looked at.
func (s *Store) removeIfStale(path string, cutoff time.Time) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	info, err := os.Stat(path)
	if err != nil || !info.ModTime().Before(cutoff) {
		return false, ignoreMissing(err)
	}
	return true, ignoreMissing(os.Remove(path))
}

func ignoreMissing(err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}
