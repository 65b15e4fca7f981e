package server_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/config"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/server"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// Behind FRONTDESK_TRUSTED_PROXIES each customer has their own budget of
// guesses, and a stranger's own X-Forwarded-For changes nothing.
func TestClientAddressBehindTrustedProxies(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		cfg := config.Defaults()
		cfg.DataDir, cfg.TrustedProxies = t.TempDir(), "10.0.0.0/24"
		s := app.NewServices(d, cfg)
		if _, err := s.Bootstrap(context.Background()); err != nil {
			t.Fatal(err)
		}
		h := server.Handler(s, slog.New(slog.NewTextHandler(io.Discard, nil)))
		guess := func(peer, forwarded string) int {
			req := httptest.NewRequest(http.MethodGet, "/t/"+ticket.NewToken(), nil)
			req.RemoteAddr = peer
			if forwarded != "" {
				req.Header.Set("X-Forwarded-For", forwarded)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			return rec.Code
		}
		steps := []struct {
			name, peer, forwarded string
			times, want           int
		}{
			{"proxied customer A guesses", "10.0.0.1:5000", "203.0.113.1", app.TokenGuessBurst, http.StatusNotFound},
			{"A is out of guesses", "10.0.0.1:5000", "203.0.113.1", 1, http.StatusTooManyRequests},
			{"A cannot pose as B by writing the header itself", "10.0.0.1:5000", "203.0.113.2, 203.0.113.1", 1, http.StatusTooManyRequests},
			{"customer B behind the same proxy has its own", "10.0.0.1:5000", "203.0.113.2", 1, http.StatusNotFound},
		}
		for i := range app.TokenGuessBurst {
			if code := guess("198.51.100.9:5000", "203.0.113."+strconv.Itoa(100+i)); code != http.StatusNotFound {
				t.Fatalf("stranger's guess %d: %d", i, code)
			}
		}
		if code := guess("198.51.100.9:5000", "203.0.113.250"); code != http.StatusTooManyRequests {
			t.Errorf("a spoofed X-Forwarded-For from an untrusted peer reset the limit: %d", code)
		}
		for _, st := range steps {
			for i := range st.times {
				if code := guess(st.peer, st.forwarded); code != st.want {
					t.Fatalf("%s (%d): %d, want %d", st.name, i, code, st.want)
				}
			}
		}
	})
}
