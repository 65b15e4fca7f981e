package server_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// NUL or invalid UTF-8 that a stranger or an API client sends is a 4xx on
// both engines, never a 500: PostgreSQL cannot take NUL or invalid UTF-8
// in a text parameter, so malformed tokens, slugs, aliases and addresses
// are refused before any query.
func TestNULNeverA500(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		e.allowWidget()
		tk := e.create("/api/v1/tickets", goodTicket)
		u := fmt.Sprintf("/api/v1/tickets/%v", tk["id"])
		tok := strings.Repeat("A", 20)
		for _, c := range []struct{ method, url, token, body string }{
			{"GET", "/t/" + tok + "%00", "", ""},
			{"GET", "/t/" + tok + "%FF", "", ""},
			{"GET", "/support/support/sent?ticket=" + tok + "%00", "", ""},
			{"GET", "/support/a%00b", "", ""},
			{"GET", "/widget/v1/a%00b/form", "", ""},
			{"POST", "/api/v1/teams", "admin", `{"name":"Sales","slug":"sa\u0000les"}`},
			{"POST", "/api/v1/teams", "admin", `{"name":"Sales","slug":"sales","email_alias":"sa\u0000les@example.com"}`},
			{"POST", "/api/v1/tickets", "admin", `{"subject":"Hi","team":"sup\u0000port","contact":{"email":"a@example.com"}}`},
			{"POST", "/api/v1/tickets", "admin", `{"subject":"Hi","team":"support","assignee":"ag\u0000ent@example.com","contact":{"email":"a@example.com"}}`},
			{"PATCH", u, "admin", `{"team":"sup\u0000port"}`},
			{"PATCH", u, "admin", `{"assignee":"ag\u0000ent@example.com"}`},
		} {
			if code, body := e.do(c.method, c.url, c.token, c.body, ""); code >= 500 {
				t.Errorf("%s %s %s: %d %.80s", c.method, c.url, c.body, code, body)
			}
		}
		// POST /login with this email is a 500 page on PostgreSQL.
		if _, err := e.s.Operators.Authenticate(context.Background(), "adm\x00in@example.com", "x"); !errors.Is(err, operator.ErrBadCredentials) {
			t.Errorf("sign-in with NUL in the email: %v, want bad credentials", err)
		}
	})
}
