package server_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// A JSON body over the API's limit gets 413 with a JSON error, not a 400
// that blames the JSON, and nothing is written; one just under it is read.
func TestOversizedAPIBodyGets413(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.create("/api/v1/tickets", goodTicket)
		note := func(size int) string {
			return fmt.Sprintf(`{"kind":"note","body":"%s"}`, strings.Repeat("x", size))
		}
		url := fmt.Sprintf("/api/v1/tickets/%v/messages", tk["id"])
		e.run([]scenario{
			{name: "over the limit", method: "POST", url: url, token: "agent", body: note(httpx.MaxJSONBody), status: 413,
				contains: []string{`"code":"too_large"`, "1 MB"}},
			{name: "a ticket over the limit", method: "POST", url: "/api/v1/tickets", token: "agent",
				body: strings.Replace(goodTicket, "My card", strings.Repeat("y", 2*httpx.MaxJSONBody), 1), status: 413,
				contains: []string{`"code":"too_large"`}},
			{name: "nothing written", method: "GET", url: "/api/v1/tickets", token: "agent", status: 200,
				notContain: []string{"yyyy"}},
			{name: "just under the limit", method: "POST", url: url, token: "agent", body: note(httpx.MaxJSONBody - 100),
				status: http.StatusUnprocessableEntity, contains: []string{`"body"`}},
		})
	})
}
