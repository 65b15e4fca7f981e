package ui

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

// assets are the embedded static files, each served under a name that
// carries a hash of its content (app.3f9c2a1b7d.css), so browsers may
// cache them for a year and still see a new version at once.
type assets struct {
	urls  map[string]string // logical name -> /static/hashed name
	files map[string]asset  // hashed name -> file
}

type asset struct {
	body  []byte
	ctype string
}

func loadAssets(fsys fs.FS) (*assets, error) {
	a := &assets{urls: map[string]string{}, files: map[string]asset{}}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		hashed := hashedName(name, body)
		a.urls[name] = "/static/" + hashed
		a.files[hashed] = asset{body: body, ctype: contentType(name)}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load static files: %w", err)
	}
	return a, nil
}

// hashedName puts the content hash before the last extension.
func hashedName(name string, body []byte) string {
	sum := sha256.Sum256(body)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
}

func contentType(name string) string {
	if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
		return ct
	}
	return "text/plain; charset=utf-8"
}

// url is the template function {{asset "app.css"}}. An unknown name is an
// error, so a typo fails the page (and its test) instead of a silent 404.
func (a *assets) url(name string) (string, error) {
	u, ok := a.urls[name]
	if !ok {
		return "", fmt.Errorf("no static file %q", name)
	}
	return u, nil
}

// serve answers GET /static/{path...} with immutable caching.
func (a *assets) serve(w http.ResponseWriter, r *http.Request) {
	f, ok := a.files[r.PathValue("path")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", f.ctype)
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	_, _ = w.Write(f.body)
}

// AssetURL is {{asset}} for other surfaces (the public pages), whose
// static files the agent app serves under /static/.
func (u *UI) AssetURL(name string) (string, error) { return u.assets.url(name) }
