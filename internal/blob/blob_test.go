package blob_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/blob"
)

func TestPutStoresOnceByContent(t *testing.T) {
	s := &blob.Store{Dir: t.TempDir()}
	a, err := s.PutBytes([]byte("hello"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.Put(strings.NewReader("hello"), 10)
	if err != nil {
		t.Fatal(err)
	}
	if a != b || a.Size != 5 || a.SHA256 != "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824" {
		t.Fatalf("refs differ or wrong: %+v %+v", a, b)
	}
	got, err := s.ReadAll(a.SHA256)
	if err != nil || string(got) != "hello" {
		t.Fatalf("read back %q, %v", got, err)
	}
	tmp, _ := os.ReadDir(filepath.Join(s.Dir, "tmp"))
	if len(tmp) != 0 {
		t.Errorf("%d temporary files left behind", len(tmp))
	}
}

func TestPutRefusesOverLimitAndLeavesNothing(t *testing.T) {
	s := &blob.Store{Dir: t.TempDir()}
	if _, err := s.Put(bytes.NewReader(make([]byte, 11)), 10); !errors.Is(err, blob.ErrTooLarge) {
		t.Fatalf("want ErrTooLarge, got %v", err)
	}
	if _, err := s.Put(bytes.NewReader(make([]byte, 10)), 10); err != nil {
		t.Fatalf("exactly the limit: %v", err)
	}
	tmp, _ := os.ReadDir(filepath.Join(s.Dir, "tmp"))
	if len(tmp) != 0 {
		t.Errorf("%d temporary files left behind", len(tmp))
	}
}

func TestOpenUnknownOrMalformedHash(t *testing.T) {
	s := &blob.Store{Dir: t.TempDir()}
	for _, sum := range []string{strings.Repeat("a", 64), "../../etc/passwd", ""} {
		if _, err := s.Open(sum); !errors.Is(err, blob.ErrNotFound) {
			t.Errorf("Open(%q) = %v, want ErrNotFound", sum, err)
		}
	}
}
