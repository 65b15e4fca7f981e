// Package blob keeps files (attachments, raw mails) content-addressed on
// disk: a file's name is the SHA-256 of its bytes, so the same file stored
// twice takes the space once, and a stored file never changes.
package blob

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// ErrTooLarge is returned by Put when the content passes the limit.
var ErrTooLarge = errors.New("blob: content too large")

// ErrNotFound is returned by Open for a hash that was never stored.
var ErrNotFound = errors.New("blob: not found")

// Ref names stored content.
type Ref struct {
	SHA256 string
	Size   int64
}

// Store is a directory of blobs: <dir>/ab/cd/abcd....
type Store struct {
	Dir string

	// mu orders Put's reuse of a stored file against Sweep's removal of
	// it, so a file Put has just handed out is never swept (sweep.go).
	mu sync.Mutex
}

// Put stores what r yields, at most max bytes (0: no limit), and returns
// once the file and its directory entry are on disk, so a caller may
// commit a database row naming it.
func (s *Store) Put(r io.Reader, max int64) (Ref, error) {
	tmpDir := filepath.Join(s.Dir, "tmp")
	if err := os.MkdirAll(tmpDir, 0o750); err != nil {
		return Ref{}, err
	}
	tmp, err := os.CreateTemp(tmpDir, "put-*")
	if err != nil {
		return Ref{}, err
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	ref, err := copyHashed(tmp, r, max)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return Ref{}, err
	}
	return ref, s.place(tmp.Name(), ref.SHA256)
}

// RefOf names b as Put would, without storing it.
func RefOf(b []byte) Ref {
	sum := sha256.Sum256(b)
	return Ref{SHA256: hex.EncodeToString(sum[:]), Size: int64(len(b))}
}

// PutBytes stores b.
func (s *Store) PutBytes(b []byte) (Ref, error) {
	return s.Put(bytes.NewReader(b), 0)
}

func copyHashed(w io.Writer, r io.Reader, max int64) (Ref, error) {
	h := sha256.New()
	src := r
	if max > 0 {
		src = io.LimitReader(r, max+1)
	}
	n, err := io.Copy(io.MultiWriter(w, h), src)
	if err != nil {
		return Ref{}, err
	}
	if max > 0 && n > max {
		return Ref{}, ErrTooLarge
	}
	return Ref{SHA256: hex.EncodeToString(h.Sum(nil)), Size: n}, nil
}

// place moves a synced temp file to its final name and syncs the directory.
func (s *Store) place(tmp, sum string) error {
	final := s.Path(sum)
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := os.Stat(final); err == nil {
		// Same bytes already stored: a fresh time tells Sweep that a row
		// naming the file may be about to commit.
		now := time.Now()
		return os.Chtimes(final, now, now)
	}
	dir := filepath.Dir(final)
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return err
	}
	if err := os.Rename(tmp, final); err != nil {
		return err
	}
	return syncDir(dir)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// Path is where the blob with this hash lives.
func (s *Store) Path(sum string) string {
	if len(sum) < 4 {
		return filepath.Join(s.Dir, "invalid")
	}
	return filepath.Join(s.Dir, sum[:2], sum[2:4], sum)
}

// Open returns the stored content of sum.
func (s *Store) Open(sum string) (*os.File, error) {
	if !validSum(sum) {
		return nil, ErrNotFound
	}
	f, err := os.Open(s.Path(sum))
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s", ErrNotFound, sum)
	}
	return f, err
}

// ReadAll returns the stored content of sum.
func (s *Store) ReadAll(sum string) ([]byte, error) {
	f, err := s.Open(sum)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

func validSum(sum string) bool {
	if len(sum) != 64 {
		return false
	}
	_, err := hex.DecodeString(sum)
	return err == nil
}
