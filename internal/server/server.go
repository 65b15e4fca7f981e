// Package server assembles the HTTP surfaces of Frontdesk into one handler
// and runs it with a graceful stop.
package server

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/frontdesk/frontdesk/internal/api"
	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/portal"
	"github.com/frontdesk/frontdesk/internal/ui"
)

// Handler returns the whole HTTP surface over s.
func Handler(s *app.Services, log *slog.Logger) http.Handler {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	reg.MustRegister(collectors.NewDBStatsCollector(s.DB.Write, "write"))
	if s.DB.Read != s.DB.Write {
		reg.MustRegister(collectors.NewDBStatsCollector(s.DB.Read, "read"))
	}
	reg.MustRegister(newChatGauges(s.Chats))
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		httpx.WriteJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", ready(s))
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg}))
	(&api.API{S: s, Log: log}).Register(mux)
	// The templates and static files are embedded, so a failure here is a
	// build mistake that the ui tests catch, not a condition to handle.
	agentApp, err := ui.New(ui.Deps{Services: s, Log: log, BaseURL: s.Tickets.BaseURL})
	if err != nil {
		panic(err)
	}
	agentApp.Register(mux)
	public, err := portal.New(portal.Deps{Services: s, Log: log, BaseURL: s.Tickets.BaseURL, Asset: agentApp.AssetURL,
		Widgets: widgetConfig{s}})
	if err != nil {
		panic(err)
	}
	public.Register(mux)
	forms, err := portal.NewForms(portal.FormDeps{Services: s, Log: log, BaseURL: s.Tickets.BaseURL})
	if err != nil {
		panic(err)
	}
	forms.Register(mux)
	// The client's address is settled first, so every rate limit and the
	// logs see the same one.
	return httpx.RealClient(s.TrustedProxies, httpx.Observe(log, httpx.NewMetrics(reg), mux))
}

func ready(s *app.Services) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		err := s.DB.Ping(ctx)
		if err == nil {
			err = s.DB.SchemaCurrent(ctx)
		}
		if err != nil {
			httpx.WriteJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "reason": err.Error()})
			return
		}
		httpx.WriteJSON(w, http.StatusOK, map[string]string{"status": "ready"})
	}
}

// Serve answers on ln until ctx ends, then stops taking connections and
// lets requests in flight finish (up to grace).
func Serve(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger, grace time.Duration) error {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 60 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 120 * time.Second,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("stopping: letting requests in flight finish", "grace", grace)
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
