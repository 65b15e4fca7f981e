package portal_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/form"
	"github.com/frontdesk/frontdesk/internal/portal"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// fakeWidgets stands in for the team settings of the forms branch.
type fakeWidgets map[string]portal.WidgetSettings

func (f fakeWidgets) WidgetSettings(_ context.Context, slug string) (portal.WidgetSettings, error) {
	s, ok := f[slug]
	if !ok {
		return s, domain.NotFound("team")
	}
	return s, nil
}

const (
	widgetSecret = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
	hostOrigin   = "http://127.0.0.1:9000"
)

func widgetHandler(t *testing.T, e *env, require bool) http.Handler {
	t.Helper()
	p, err := portal.New(portal.Deps{Services: e.s, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		BaseURL: "http://localhost:8080", Asset: func(n string) (string, error) { return "/static/" + n, nil },
		Widgets: fakeWidgets{"support": {TeamSlug: "support", Enabled: true, Secret: widgetSecret,
			AllowedOrigins: []string{hostOrigin}, RequireVerified: require}}})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	p.Register(mux)
	return mux
}

// publish gives the support team's form the default fields and more.
func publish(t *testing.T, e *env, more ...form.Field) {
	t.Helper()
	if _, err := e.s.Forms.Save(context.Background(), 1, append(form.Default(), more...)); err != nil {
		t.Fatal(err)
	}
}

func call(t *testing.T, h http.Handler, method, path, origin string, body any) (int, map[string]any, http.Header) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = strings.NewReader(string(b))
	}
	req := httptest.NewRequest(method, path, rd)
	req.Header.Set("Content-Type", "application/json")
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	out := map[string]any{}
	_ = json.Unmarshal(rec.Body.Bytes(), &out)
	return rec.Code, out, rec.Header()
}

func signed(t *testing.T, ext string) portal.Identity {
	sig, err := portal.Sign(widgetSecret, ext)
	if err != nil {
		t.Fatal(err)
	}
	return portal.Identity{ExternalID: ext, Email: ext + "@example.com", Name: "User " + ext, Signature: sig}
}

func TestWidgetIdentityAndOrigins(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		h := widgetHandler(t, e, true)
		open := func(id portal.Identity, origin string) (int, map[string]any) {
			code, out, _ := call(t, h, "POST", "/widget/v1/support/tickets", origin,
				map[string]any{"identity": id, "subject": "Widget question", "message": "How do I export?"})
			return code, out
		}
		forged := signed(t, "u-1")
		forged.ExternalID = "u-2" // someone else's id under u-1's signature
		for name, c := range map[string]struct {
			id     portal.Identity
			origin string
			want   int
		}{
			"forged signature":     {forged, hostOrigin, http.StatusForbidden},
			"unsigned external id": {portal.Identity{ExternalID: "u-1"}, hostOrigin, http.StatusForbidden},
			"anonymous, required":  {portal.Identity{}, hostOrigin, http.StatusForbidden},
			"foreign origin":       {signed(t, "u-1"), "https://evil.example", http.StatusForbidden},
			"no origin":            {signed(t, "u-1"), "", http.StatusForbidden},
		} {
			if code, _ := open(c.id, c.origin); code != c.want {
				t.Errorf("%s: %d, want %d", name, code, c.want)
			}
		}
		code, out := open(signed(t, "u-1"), hostOrigin)
		if code != http.StatusCreated {
			t.Fatalf("signed visitor: %d %v", code, out)
		}
		tk, err := e.s.Tickets.ByToken(context.Background(), out["token"].(string))
		if err != nil || tk.Contact.ExternalID == nil || *tk.Contact.ExternalID != "u-1" || tk.Channel != ticket.Widget {
			t.Errorf("the ticket's contact %+v, channel %s: want external id u-1 by widget", tk.Contact, tk.Channel)
		}
		code, _, hdr := call(t, h, "OPTIONS", "/widget/v1/support/tickets", hostOrigin, nil)
		if code != http.StatusNoContent || hdr.Get("Access-Control-Allow-Origin") != hostOrigin {
			t.Errorf("preflight: %d, allow-origin %q", code, hdr.Get("Access-Control-Allow-Origin"))
		}
	})
}

func TestWidgetVisitorsSeeOnlyTheirTickets(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		h := widgetHandler(t, e, false)
		mk := func(id portal.Identity, subject string) string {
			code, out, _ := call(t, h, "POST", "/widget/v1/support/tickets", hostOrigin,
				map[string]any{"identity": id, "email": "anon@example.com", "subject": subject, "message": "Hello"})
			if code != http.StatusCreated {
				t.Fatalf("open %q: %d %v", subject, code, out)
			}
			return out["token"].(string)
		}
		mine := mk(signed(t, "u-1"), "Mine")
		mk(signed(t, "u-2"), "Theirs")
		mk(portal.Identity{}, "Anonymous one") // allowed: the team does not require signing
		_, out, _ := call(t, h, "POST", "/widget/v1/support/mine", hostOrigin, map[string]any{"identity": signed(t, "u-1")})
		items, _ := out["items"].([]any)
		if len(items) != 1 || items[0].(map[string]any)["subject"] != "Mine" {
			t.Errorf("u-1's list: %v", out)
		}
		tk, _ := e.s.Tickets.ByToken(context.Background(), mine)
		e.message(tk.ID, ticket.Reply, "Export is under Settings.", "", "")
		e.message(tk.ID, ticket.Note, noteText, "", "")
		code, out, _ := call(t, h, "POST", "/widget/v1/support/t/"+mine+"/messages", hostOrigin, map[string]any{"body": "Found it, thanks"})
		b, _ := json.Marshal(out)
		if code != http.StatusOK || !strings.Contains(string(b), "Export is under Settings.") ||
			!strings.Contains(string(b), "Found it, thanks") || strings.Contains(string(b), "NOTE-7f3a") {
			t.Errorf("answer: %d %s", code, b)
		}
		if code, _, _ := call(t, h, "GET", "/widget/v1/support/t/"+ticket.NewToken(), hostOrigin, nil); code != http.StatusNotFound {
			t.Errorf("unknown token: %d", code)
		}
	})
}
