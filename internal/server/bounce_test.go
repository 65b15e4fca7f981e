package server_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// TestContactBouncesReadAndCleared: the API shows when and why an address
// bounces and clears the mark, so replies go to it again.
func TestContactBouncesReadAndCleared(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		c := e.create("/api/v1/contacts", `{"email":"ann@example.com","emails":["ann@example.com","ann@old.example"]}`)
		id := fmt.Sprint(c["id"])
		if err := contact.MarkBouncing(ctx, d.Write, "ann@old.example", "5.1.1 550 no such user"); err != nil {
			t.Fatal(err)
		}
		one := "/api/v1/contacts/" + id
		clear := one + "/bounces/ann@old.example"
		e.run([]scenario{
			{name: "bounce shown", method: "GET", url: one, token: "agent", status: 200,
				contains: []string{`"bounces":[{"email":"ann@old.example","bounced_at":"`, `"reason":"5.1.1 550 no such user"`}},
			{name: "not an address", method: "DELETE", url: one + "/bounces/nope", token: "agent", status: 422,
				contains: []string{`"email"`}},
			{name: "an address that does not bounce", method: "DELETE", url: one + "/bounces/ann@example.com",
				token: "agent", status: 404},
			{name: "another contact's address", method: "DELETE", url: "/api/v1/contacts/999/bounces/ann@old.example",
				token: "agent", status: 404},
			{name: "cleared", method: "DELETE", url: clear, token: "agent", status: 204},
			{name: "gone", method: "GET", url: one, token: "agent", status: 200, notContain: []string{`"bounces"`}},
			{name: "cleared twice", method: "DELETE", url: clear, token: "agent", status: 404},
		})
		if bouncing, err := contact.IsBouncing(ctx, d.Read, "ann@old.example"); err != nil || bouncing {
			t.Errorf("still bouncing after the API cleared it: %v, %v", bouncing, err)
		}
	})
}
