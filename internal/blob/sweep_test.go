package blob_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/blob"
)

func age(t *testing.T, p string) {
	old := time.Now().Add(-2 * time.Hour)
	if err := os.Chtimes(p, old, old); err != nil {
		t.Fatal(err)
	}
}

// Sweep removes old unreferenced files and cut-off temporary files, and
// keeps what is referenced, what is young, what Put has just handed out
// again, and what is not a blob at all.
func TestSweep(t *testing.T) {
	s := &blob.Store{Dir: t.TempDir()}
	put := func(b string) string {
		ref, err := s.PutBytes([]byte(b))
		if err != nil {
			t.Fatal(err)
		}
		age(t, s.Path(ref.SHA256))
		return ref.SHA256
	}
	used, orphan, reused := put("kept by a row"), put("nothing names me"), put("stored again just now")
	young, err := s.PutBytes([]byte("just stored"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutBytes([]byte("stored again just now")); err != nil { // a new upload of the same bytes
		t.Fatal(err)
	}
	tmp := filepath.Join(s.Dir, "tmp", "put-123")
	foreign := filepath.Join(s.Dir, "README")
	for _, p := range []string{tmp, foreign} {
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		age(t, p)
	}
	n, err := s.Sweep(context.Background(), time.Hour, func(_ context.Context, sum string) (bool, error) {
		return sum == used, nil
	})
	if err != nil || n != 2 {
		t.Errorf("Sweep removed %d, %v; want the orphan and the temporary file", n, err)
	}
	for p, want := range map[string]bool{s.Path(used): true, s.Path(orphan): false, s.Path(reused): true,
		s.Path(young.SHA256): true, tmp: false, foreign: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s: present %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}
