package httpx

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
)

// A handler behind RealClient that parses a form with files and never
// removes them (as most do not) leaves nothing on disk: net/http cleans
// the request it made, RealClient the copy it passed.
func TestRealClientRemovesTheCopysFormFiles(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // os.TempDir, where mime/multipart writes
	tp, _ := ParseTrustedProxies("127.0.0.1")
	parsed := 0
	srv := httptest.NewServer(RealClient(tp, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseMultipartForm(1 << 10); err == nil && len(r.MultipartForm.File["f"]) == 1 {
			parsed++
		}
	})))
	defer srv.Close()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	fw, _ := mw.CreateFormFile("f", "big.bin")
	_, _ = fw.Write(bytes.Repeat([]byte("x"), 64<<10))
	_ = mw.Close()
	res, err := http.Post(srv.URL, mw.FormDataContentType(), &b)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	left, _ := filepath.Glob(filepath.Join(tmp, "multipart-*"))
	if parsed != 1 || len(left) > 0 {
		t.Errorf("parsed %d forms, %d temporary files left: %v", parsed, len(left), left)
	}
}
