package server_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/server"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// Two nodes of one PostgreSQL install (each its own pool, services and
// handler, as two processes behind a load balancer) spend one budget of
// guesses: alternating between them gains a guesser nothing.
func TestNodesShareRateLimits(t *testing.T) {
	d := testutil.NewPostgres(t)
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	nodes := []http.Handler{server.Handler(testutil.Services(t, d), quiet),
		server.Handler(testutil.Services(t, testutil.SecondNode(t, d)), quiet)}
	guess := func(node int) int {
		req := httptest.NewRequest(http.MethodGet, "/t/"+ticket.NewToken(), nil)
		req.RemoteAddr = "203.0.113.77:6000"
		rec := httptest.NewRecorder()
		nodes[node].ServeHTTP(rec, req)
		return rec.Code
	}
	for i := range app.TokenGuessBurst {
		if code := guess(i % 2); code != http.StatusNotFound {
			t.Fatalf("guess %d on node %d: %d", i, i%2, code)
		}
	}
	for node := range nodes {
		if code := guess(node); code != http.StatusTooManyRequests {
			t.Errorf("node %d after %d guesses spread over both: %d, want 429", node, app.TokenGuessBurst, code)
		}
	}
}
