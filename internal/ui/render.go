package ui

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strings"
	"sync"
)

// renderer holds one template set per page: the layout plus that page's
// file, so each page defines its own "title" and "content" blocks.
type renderer struct {
	pages map[string]*template.Template
}

const layoutFile = "layout.html"

// newRenderer parses every page with the layout and checks that each one
// fills the layout's content block.
func newRenderer(fsys fs.FS, a *assets) (*renderer, error) {
	base, err := template.New("").Funcs(template.FuncMap{"asset": a.url}).ParseFS(fsys, layoutFile)
	if err != nil {
		return nil, fmt.Errorf("parse layout: %w", err)
	}
	files, err := fs.Glob(fsys, "*.html")
	if err != nil {
		return nil, err
	}
	r := &renderer{pages: map[string]*template.Template{}}
	for _, f := range files {
		if f == layoutFile || strings.HasPrefix(f, "portal_") { // the public pages render their own
			continue
		}
		t, err := template.Must(base.Clone()).ParseFS(fsys, f)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", f, err)
		}
		if c := t.Lookup("content"); c == nil || c.Tree == nil || c.Tree.Root.String() == "" {
			return nil, fmt.Errorf("template %s defines no content block", f)
		}
		r.pages[strings.TrimSuffix(f, ".html")] = t
	}
	return r, nil
}

// page renders a whole page (the layout around the page's content).
func (r *renderer) page(w http.ResponseWriter, status int, name string, view any) error {
	return r.block(w, status, name, "layout", view)
}

// block renders one named block of a page alone: what htmx swaps in.
// Output is buffered so a failing template never sends half a page.
func (r *renderer) block(w http.ResponseWriter, status int, name, block string, view any) error {
	t, ok := r.pages[name]
	if !ok {
		return fmt.Errorf("no page %q", name)
	}
	buf := buffers.Get().(*bytes.Buffer)
	defer putBuffer(buf)
	if err := t.ExecuteTemplate(buf, block, view); err != nil {
		return fmt.Errorf("render %s/%s: %w", name, block, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w) // a client that went away is not our error
	return nil
}

// buffers keeps the pages' output buffers for the next page: a page of
// 100 KB grew a new buffer through 64 and 128 KB, a quarter of what the
// inbox allocated, and garbage collections slow the pages they overlap.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// putBuffer returns buf to the pool, unless an unusual page grew it past
// what a page needs: that one goes to the collector.
func putBuffer(buf *bytes.Buffer) {
	if buf.Cap() > 1<<20 {
		return
	}
	buf.Reset()
	buffers.Put(buf)
}

// fragment renders one named block of a page to HTML that the page then
// places as it is, escaped once: for markup that repeats unchanged, such
// as a board column's Move buttons on each of its cards, which cost most
// of the board's render when executed card by card.
func (r *renderer) fragment(name, block string, view any) (template.HTML, error) {
	t, ok := r.pages[name]
	if !ok {
		return "", fmt.Errorf("no page %q", name)
	}
	var b strings.Builder
	if err := t.ExecuteTemplate(&b, block, view); err != nil {
		return "", fmt.Errorf("render %s/%s: %w", name, block, err)
	}
	return template.HTML(b.String()), nil // html/template's own output: escaped for the body context it is placed in
}
