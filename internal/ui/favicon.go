package ui

import (
	"net/http"
	"strings"
)

// favicon answers browsers that ask for /favicon.ico, and every layout's
// icon link, with the SVG mark in web/static. Its address has no content
// hash, so it is cached for a day rather than a year.
func (u *UI) favicon(w http.ResponseWriter, r *http.Request) error {
	hashed, err := u.assets.url("favicon.svg")
	if err != nil {
		return err
	}
	f := u.assets.files[strings.TrimPrefix(hashed, "/static/")]
	w.Header().Set("Content-Type", "image/svg+xml")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	_, _ = w.Write(f.body)
	return nil
}
