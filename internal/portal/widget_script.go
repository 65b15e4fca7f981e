package portal

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"net/http"
	"time"

	"github.com/frontdesk/frontdesk/web"
)

// widgetScript is /widget.js or /chat.js, read once. Host sites load them
// under a fixed name (they cannot be fingerprinted), so each is cached
// briefly and revalidated by its ETag.
type widgetScript struct {
	name    string
	body    []byte
	etag    string
	modTime time.Time
}

const widgetScriptCache = "public, max-age=300"

func loadWidgetScript(name string) (*widgetScript, error) {
	b, err := fs.ReadFile(web.Static, name)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(b)
	return &widgetScript{name: name, body: b, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}, nil
}

// ServeHTTP answers GET /widget.js (or /chat.js) for any site: the script
// itself holds nothing private; what it may do is decided per team by
// /widget/v1/.
func (s *widgetScript) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/javascript; charset=utf-8")
	h.Set("Cache-Control", widgetScriptCache)
	h.Set("ETag", s.etag)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cross-Origin-Resource-Policy", "cross-origin")
	http.ServeContent(w, r, s.name, s.modTime, bytes.NewReader(s.body))
}
