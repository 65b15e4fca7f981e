package server_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// The rules API: admins write, agents read, every bad part of a rule is
// refused on its own field, and a saved rule acts on the next ticket.
func TestRulesAPI(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		good := `{"name":"Answered: wait","enabled":true,"scope":{"team":1},"when":{"event":"answer_sent"},
			"if":[[{"field":"priority","op":"lt","value":3}]],"then":[{"action":"set_status","status":"Waiting"}]}`
		rule := e.create("/api/v1/rules", good)
		url := fmt.Sprintf("/api/v1/rules/%d", int64(rule["id"].(float64)))
		e.run([]scenario{
			{name: "no token", method: "GET", url: "/api/v1/rules", status: http.StatusUnauthorized},
			{name: "agent reads", method: "GET", url: "/api/v1/rules", token: "agent", status: http.StatusOK,
				contains: []string{`"name":"Answered: wait"`, `"event":"answer_sent"`, `"last_fired_at":null`}},
			{name: "agent cannot create", method: "POST", url: "/api/v1/rules", token: "agent", body: good, status: http.StatusForbidden},
			{name: "agent cannot delete", method: "DELETE", url: url, token: "agent", status: http.StatusForbidden},
			{name: "unknown field", method: "POST", url: "/api/v1/rules", token: "admin", status: http.StatusUnprocessableEntity,
				body:     `{"name":"x","scope":{"team":1},"when":{"event":"answer_sent"},"if":[[{"field":"mood","op":"is","value":"sad"}]],"then":[{"action":"add_tags","tags":["x"]}]}`,
				contains: []string{`"if[0][0].field"`}},
			{name: "wrong value type", method: "POST", url: "/api/v1/rules", token: "admin", status: http.StatusUnprocessableEntity,
				body:     `{"name":"x","when":{"event":"answer_sent"},"if":[[{"field":"priority","op":"gt","value":"high"}]],"then":[{"action":"add_tags","tags":["x"]}]}`,
				contains: []string{`"if[0][0].value"`}},
			{name: "template that does not render", method: "POST", url: "/api/v1/rules", token: "admin", status: http.StatusUnprocessableEntity,
				body:     `{"name":"x","when":{"event":"answer_sent"},"then":[{"action":"mail_customer","template":"closed","subject":"{{ticket.subject","body":"b"}]}`,
				contains: []string{`"then[0].subject"`}},
			{name: "scope cannot satisfy", method: "POST", url: "/api/v1/rules", token: "admin", status: http.StatusUnprocessableEntity,
				body:     `{"name":"x","when":{"event":"answer_sent"},"then":[{"action":"set_status","status":"Waiting"}]}`,
				contains: []string{`"then[0].status"`, `scope the rule`}},
			{name: "self loop", method: "POST", url: "/api/v1/rules", token: "admin", status: http.StatusUnprocessableEntity,
				body:     `{"name":"x","scope":{"team":1},"when":{"event":"status_entered","status":"Waiting"},"then":[{"action":"set_status","status":"Waiting"}]}`,
				contains: []string{`"then[0].action"`, `loop`}},
			{name: "switch off", method: "PATCH", url: url, token: "admin", body: `{"enabled":false}`, status: http.StatusOK,
				contains: []string{`"enabled":false`, `"status":"Waiting"`}},
			{name: "delete", method: "DELETE", url: url, token: "admin", status: http.StatusNoContent},
			{name: "gone", method: "GET", url: url, token: "admin", status: http.StatusNotFound},
		})
	})
}
