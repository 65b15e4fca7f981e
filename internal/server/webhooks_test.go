package server_test

import (
	"fmt"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func TestWebhooksThroughAPI(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		e.run([]scenario{
			{name: "no token", method: "GET", url: "/api/v1/webhooks", status: 401},
			{name: "agents may not see them", method: "GET", url: "/api/v1/webhooks", token: "agent", status: 403},
			{name: "empty", method: "GET", url: "/api/v1/webhooks", token: "admin", status: 200,
				contains: []string{`"items":[]`, `"events":["ticket_created",`}},
			{name: "every problem on its field", method: "POST", url: "/api/v1/webhooks", token: "admin",
				body: `{"name":"","url":"ftp://x","events":["nope"]}`, status: 422,
				contains: []string{`"name":"is required"`, `"url":"must be an http:// or https:// address"`, `"events":"unknown event nope`}},
			{name: "the install itself", method: "POST", url: "/api/v1/webhooks", token: "admin",
				body: `{"name":"Loop","url":"http://127.0.0.1:8080/api/v1/tickets","events":["ticket_created"]}`, status: 422,
				contains: []string{`"url":"points at this Frontdesk itself`}},
			{name: "create shows the secret once", method: "POST", url: "/api/v1/webhooks", token: "admin",
				body:   `{"name":"CRM","url":"https://crm.example.com/hooks","events":["ticket_created","note_added"],"customer_facing":true}`,
				status: 201, contains: []string{`"id":1`, `"secret":"whsec_`, `"customer_facing":true`, `"enabled":true`}},
			{name: "read has no secret", method: "GET", url: "/api/v1/webhooks/1", token: "admin", status: 200,
				contains: []string{`"name":"CRM"`}, notContain: []string{`secret`}},
			{name: "list has no secret", method: "GET", url: "/api/v1/webhooks", token: "admin", status: 200,
				contains: []string{`"url":"https://crm.example.com/hooks"`}, notContain: []string{`whsec_`}},
			{name: "change", method: "PATCH", url: "/api/v1/webhooks/1", token: "admin", body: `{"enabled":false}`, status: 200,
				contains: []string{`"enabled":false`, `"name":"CRM"`}},
			{name: "agent may not change", method: "PATCH", url: "/api/v1/webhooks/1", token: "agent", body: `{"enabled":true}`, status: 403},
			{name: "bad change", method: "PATCH", url: "/api/v1/webhooks/1", token: "admin", body: `{"url":"javascript:alert(1)"}`, status: 422,
				contains: []string{`"url":`}},
			{name: "rotate", method: "POST", url: "/api/v1/webhooks/1/rotate-secret", token: "admin", status: 200, contains: []string{`"secret":"whsec_`}},
			{name: "test", method: "POST", url: "/api/v1/webhooks/1/test", token: "admin", status: 202},
			{name: "deliveries", method: "GET", url: "/api/v1/webhooks/1/deliveries", token: "admin", status: 200,
				contains: []string{`"event":"ping"`, `"status":"queued"`, `"attempts":0`}},
			{name: "unknown", method: "GET", url: "/api/v1/webhooks/9/deliveries", token: "admin", status: 404},
			{name: "delete", method: "DELETE", url: "/api/v1/webhooks/1", token: "admin", status: 204},
			{name: "gone", method: "GET", url: "/api/v1/webhooks/1", token: "admin", status: 404},
		})
	})
}

func TestNotificationsThroughAPI(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.create("/api/v1/tickets", `{"subject":"Refund","team":"support","contact":{"email":"ana@example.com"}}`)
		notes := fmt.Sprintf("/api/v1/tickets/%v/messages", tk["id"])
		e.create(notes, `{"kind":"note","body":"@agent can you look at the refund?"}`)
		e.create(notes, `{"kind":"note","body":"@agent and the invoice"}`)
		e.run([]scenario{
			{name: "no token", method: "GET", url: "/api/v1/notifications", status: 401},
			{name: "the agent's", method: "GET", url: "/api/v1/notifications", token: "agent", status: 200,
				contains: []string{`"unread":2`, `"kind":"mention"`, `"subject":"Refund"`, `"actor_name":"The admin"`, `"excerpt":"@agent and the invoice"`, `"read":false`}},
			{name: "none for the admin, who wrote them", method: "GET", url: "/api/v1/notifications", token: "admin", status: 200,
				contains: []string{`"items":[]`, `"unread":0`}},
			{name: "not the admin's to mark", method: "POST", url: "/api/v1/notifications/1/read", token: "admin", status: 404},
			{name: "mark one read", method: "POST", url: "/api/v1/notifications/1/read", token: "agent", status: 204},
			{name: "unread only", method: "GET", url: "/api/v1/notifications?unread=true", token: "agent", status: 200,
				contains: []string{`"unread":1`, `"id":2`}, notContain: []string{`"id":1,`}},
			{name: "a page", method: "GET", url: "/api/v1/notifications?limit=1", token: "agent", status: 200,
				contains: []string{`"id":2`, `"next_cursor":"2"`}},
			{name: "the next page", method: "GET", url: "/api/v1/notifications?limit=1&cursor=2", token: "agent", status: 200,
				contains: []string{`"id":1`, `"read":true`}},
			{name: "bad filter", method: "GET", url: "/api/v1/notifications?unread=yes", token: "agent", status: 422,
				contains: []string{`"unread":"must be true or false"`}},
			{name: "mark all read", method: "POST", url: "/api/v1/notifications/read", token: "agent", status: 204},
			{name: "none unread", method: "GET", url: "/api/v1/notifications?unread=true", token: "agent", status: 200,
				contains: []string{`"items":[]`, `"unread":0`}},
		})
	})
}
