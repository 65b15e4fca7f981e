package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/widget"
)

const hostOrigin = "https://shop.example.com"

// Relinking a ticket to another customer renews its public link: the
// previous customer's page and widget access by the old token end, the new
// link works, and the history says why. A merge of two records of the same
// person keeps the link.
func TestRelinkRenewsPublicLink(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		e.allowWidget()
		tk := e.create("/api/v1/tickets", goodTicket)
		oldToken := tokenOf(t, tk)
		other := e.create("/api/v1/contacts", `{"email":"right@example.com","first_name":"Rita","last_name":"Right"}`)
		url := fmt.Sprintf("/api/v1/tickets/%v", tk["id"])
		code, body := e.do("PATCH", url, "agent", fmt.Sprintf(`{"contact":%v}`, other["id"]), "")
		if code != http.StatusOK {
			t.Fatalf("relink: %d %s", code, body)
		}
		var relinked map[string]any
		_ = json.Unmarshal([]byte(body), &relinked)
		newToken := tokenOf(t, relinked)
		if newToken == oldToken {
			t.Fatal("the public link is unchanged after the relink")
		}
		e.run([]scenario{
			{name: "old link", method: "GET", url: "/t/" + oldToken, status: 404, notContain: []string{"Invoice 2291"}},
			{name: "new link", method: "GET", url: "/t/" + newToken, status: 200, contains: []string{"Invoice 2291"}},
			{name: "history", method: "GET", url: url + "/events", token: "agent", status: 200,
				contains: []string{`"kind":"link_rotated"`, `"reason":"contact_changed"`, `"from_name":"Mia Wong"`, `"to_name":"Rita Right"`}},
		})
		if code := e.widgetThread(oldToken); code != http.StatusNotFound {
			t.Errorf("widget with the old token: %d, want 404", code)
		}
		if code := e.widgetThread(newToken); code != http.StatusOK {
			t.Errorf("widget with the new token: %d, want 200", code)
		}
		code, body = e.do("POST", fmt.Sprintf("/api/v1/contacts/%v/merge", other["id"]), "admin",
			fmt.Sprintf(`{"into":%v}`, tk["contact"].(map[string]any)["id"]), "")
		if code != http.StatusOK {
			t.Fatalf("merge: %d %s", code, body)
		}
		e.run([]scenario{{name: "link after a merge of the same person", method: "GET", url: "/t/" + newToken, status: 200}})
	})
}

func tokenOf(t *testing.T, tk map[string]any) string {
	t.Helper()
	u, _ := tk["public_url"].(string)
	i := strings.LastIndex(u, "/t/")
	if i < 0 {
		t.Fatalf("no public link in %v", tk)
	}
	return u[i+3:]
}

// allowWidget turns on the support team's widget for hostOrigin.
func (e *env) allowWidget() {
	e.t.Helper()
	ctx := context.Background()
	tm, err := e.s.Teams.Find(ctx, e.s.DB.Read, "support")
	if err != nil {
		e.t.Fatal(err)
	}
	if _, err := e.s.Widgets.Update(ctx, tm.ID, widget.Input{Origins: []string{hostOrigin}, Color: "#2563eb"}); err != nil {
		e.t.Fatal(err)
	}
}

// widgetThread reads a ticket through the widget, as the host page would.
func (e *env) widgetThread(token string) int {
	req := httptest.NewRequest("GET", "/widget/v1/support/t/"+token, nil)
	req.Header.Set("Origin", hostOrigin)
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	return rec.Code
}
