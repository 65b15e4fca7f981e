package server_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/config"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/server"
)

// scenario is one HTTP exchange and what the answer must and must not hold.
type scenario struct {
	name       string
	method     string
	url        string
	token      string // "admin", "agent" or "" for none
	body       string
	ctype      string // defaults to application/json when body is set
	status     int
	contains   []string
	notContain []string
}

// env is a running handler over a fresh database with an admin and an agent.
type env struct {
	t      *testing.T
	s      *app.Services
	h      http.Handler
	tokens map[string]string
	ids    map[string]int64
}

func newEnv(t *testing.T, d *db.DB) *env {
	t.Helper()
	ctx := context.Background()
	s := app.NewServices(d, config.Defaults())
	if _, err := s.Bootstrap(ctx); err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, s: s, tokens: map[string]string{}, ids: map[string]int64{},
		h: server.Handler(s, slog.New(slog.NewTextHandler(io.Discard, nil)))}
	for _, who := range []operator.Role{operator.Admin, operator.Agent} {
		op, err := s.Operators.Create(ctx, operator.NewOperator{Email: string(who) + "@example.com", Name: "The " + string(who),
			Role: who, Password: "correct horse battery"})
		if err != nil {
			t.Fatal(err)
		}
		secret, _, err := s.Operators.CreateToken(ctx, op, op.ID, "test")
		if err != nil {
			t.Fatal(err)
		}
		e.tokens[string(who)], e.ids[string(who)] = secret, op.ID
	}
	return e
}

func (e *env) do(method, url, token, body, ctype string) (int, string) {
	e.t.Helper()
	req := httptest.NewRequest(method, url, strings.NewReader(body))
	if body != "" {
		if ctype == "" {
			ctype = "application/json"
		}
		req.Header.Set("Content-Type", ctype)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+e.tokens[token])
	}
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

func (e *env) run(scenarios []scenario) {
	e.t.Helper()
	for _, sc := range scenarios {
		code, body := e.do(sc.method, sc.url, sc.token, sc.body, sc.ctype)
		if code != sc.status {
			e.t.Errorf("%s: %s %s = %d, want %d; body %s", sc.name, sc.method, sc.url, code, sc.status, body)
			continue
		}
		for _, want := range sc.contains {
			if !strings.Contains(body, want) {
				e.t.Errorf("%s: body lacks %q: %s", sc.name, want, body)
			}
		}
		for _, bad := range sc.notContain {
			if strings.Contains(body, bad) {
				e.t.Errorf("%s: body holds %q: %s", sc.name, bad, body)
			}
		}
	}
}

// create posts body to url as admin and returns the decoded answer.
func (e *env) create(url, body string) map[string]any {
	e.t.Helper()
	code, out := e.do(http.MethodPost, url, "admin", body, "")
	if code != http.StatusCreated {
		e.t.Fatalf("POST %s = %d: %s", url, code, out)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		e.t.Fatal(err)
	}
	return v
}
