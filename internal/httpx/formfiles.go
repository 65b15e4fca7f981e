package httpx

import "net/http"

// net/http removes the temporary files of a parsed multipart form only
// for the request it made. A copy (r.WithContext) that a middleware
// passes on and a handler parses keeps its own form, which nobody would
// remove: every upload past the in-memory part would stay on disk.

// DropForm removes the temporary files of the multipart form r parsed,
// if any. A handler that parses a form defers it, so no early refusal
// leaves files behind.
func DropForm(r *http.Request) {
	if r.MultipartForm != nil {
		_ = r.MultipartForm.RemoveAll()
	}
}

// DropCopyForm is deferred by a middleware that passes cp, a copy of r:
// it removes the files of a form the copy parsed itself, after next
// returned. A form parsed before the copy is r's, removed by its owner.
func DropCopyForm(cp, r *http.Request) {
	if cp.MultipartForm != nil && cp.MultipartForm != r.MultipartForm {
		_ = cp.MultipartForm.RemoveAll()
	}
}
