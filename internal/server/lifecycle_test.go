package server_test

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/config"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/server"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// A stop signal lets a request in flight finish instead of cutting it off.
func TestGracefulStopFinishesRequestsInFlight(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	started := make(chan struct{})
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		time.Sleep(300 * time.Millisecond)
		_, _ = w.Write([]byte("finished"))
	})
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() {
		served <- server.Serve(ctx, ln, slow, slog.New(slog.NewTextHandler(io.Discard, nil)), 5*time.Second)
	}()
	type answer struct {
		body string
		err  error
	}
	got := make(chan answer, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/")
		if err != nil {
			got <- answer{err: err}
			return
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		got <- answer{string(b), err}
	}()
	<-started
	stop()
	if a := <-got; a.err != nil || a.body != "finished" {
		t.Errorf("request in flight got %q, %v; want it to finish", a.body, a.err)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve returned %v after a clean stop", err)
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/"); err == nil {
		t.Error("server still accepts connections after stopping")
	}
}

// /readyz reports an unmigrated database as not ready.
func TestReadyzNeedsCurrentSchema(t *testing.T) {
	d, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "fresh.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	h := server.Handler(app.NewServices(d, config.Defaults()), slog.New(slog.NewTextHandler(io.Discard, nil)))
	e := &env{t: t, h: h}
	e.run([]scenario{{name: "stale schema", method: "GET", url: "/readyz", status: 503, contains: []string{"frontdesk migrate"}}})
	if _, err := d.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	e.run([]scenario{{name: "migrated", method: "GET", url: "/readyz", status: 200}})
}

// Migrating twice is harmless on both engines.
func TestMigrateIsIdempotent(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		n, err := d.Migrate(context.Background())
		if err != nil || n != 0 {
			t.Errorf("second migrate applied %d, %v", n, err)
		}
		if err := d.SchemaCurrent(context.Background()); err != nil {
			t.Error(err)
		}
	})
}
