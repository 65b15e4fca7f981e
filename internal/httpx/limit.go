package httpx

import (
	"errors"
	"fmt"
	"mime"
	"net/http"
)

// TooLarge is the answer to a body over its limit: 413, never a 400 or a
// body read halfway as if it were whole.
func TooLarge(limit int64) *Error {
	return &Error{Status: http.StatusRequestEntityTooLarge, Code: "too_large",
		Message: fmt.Sprintf("The request body is larger than %s, the limit here.", SizeText(limit))}
}

// tooLarge reports whether err came from a body over its
// http.MaxBytesReader limit, and that limit.
func tooLarge(err error) (int64, bool) {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return mbe.Limit, true
	}
	return 0, false
}

// ReadForm parses a form post, keeping up to memory bytes of files in
// memory, inside the limit r.Body was given with http.MaxBytesReader. A
// body over it is TooLarge; other unreadable bodies are left to the
// handler, which finds its fields empty.
func ReadForm(r *http.Request, memory int64) error {
	// ParseMultipartForm would hide ParseForm's error behind
	// ErrNotMultipart, so each kind of form is parsed by its own call.
	var err error
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
		err = r.ParseMultipartForm(memory)
	} else {
		err = r.ParseForm()
	}
	if limit, ok := tooLarge(err); ok {
		return TooLarge(limit)
	}
	return nil
}

// SizeText writes a limit of n bytes for people: "10 MB", "64 KB".
func SizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
