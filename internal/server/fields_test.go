package server_test

import (
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

const reasonField = `{"name":"reason","label":"Return reason","help":"What the customer wants","type":"choice",
	"options":["Refund","Exchange"],"on_card":true}`

func TestFieldsThroughAPI(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		e.run([]scenario{
			{name: "no token", method: "GET", url: "/api/v1/fields", status: 401},
			{name: "empty list", method: "GET", url: "/api/v1/fields", token: "agent", status: 200, contains: []string{`{"items":[]}`}},
			{name: "agent may not create", method: "POST", url: "/api/v1/fields", token: "agent", body: reasonField, status: 403},
			{name: "create", method: "POST", url: "/api/v1/fields", token: "admin", body: reasonField, status: 201,
				contains: []string{`"id":1`, `"name":"reason"`, `"options":["Refund","Exchange"]`, `"on_card":true`, `"pipelines":[]`}},
			{name: "every problem on its field", method: "POST", url: "/api/v1/fields", token: "admin",
				body: `{"name":"Assignee","label":"","type":"choice","options":["A","A"],"pipelines":[99]}`, status: 422,
				contains: []string{`"name":"must start with a letter`, `"label":"is required"`, `"options[1]":"\"A\" is listed twice"`}},
			{name: "reserved name", method: "POST", url: "/api/v1/fields", token: "admin",
				body: `{"name":"priority","label":"P","type":"text"}`, status: 422, contains: []string{`"name":"priority is a ticket property of its own`}},
			{name: "unknown pipeline", method: "POST", url: "/api/v1/fields", token: "admin",
				body: `{"name":"deal","label":"Deal","type":"number","pipelines":[99]}`, status: 422, contains: []string{`"pipelines":"no pipeline with id 99"`}},
			{name: "number field", method: "POST", url: "/api/v1/fields", token: "admin",
				body: `{"name":"refund_amount","label":"Refund amount","type":"number"}`, status: 201},
			{name: "checkbox field", method: "POST", url: "/api/v1/fields", token: "admin",
				body: `{"name":"vip","label":"VIP","type":"checkbox"}`, status: 201},
			{name: "ticket with bad values", method: "POST", url: "/api/v1/tickets", token: "agent",
				body: `{"subject":"Kettle","team":"support","contact":{"email":"ana@example.com"},
					"fields":{"refund_amount":"12","reason":"Money back","vip":"yes","colour":"red"}}`, status: 422,
				contains: []string{`"fields.refund_amount":"must be a number"`, `"fields.reason":"must be one of the options: Refund, Exchange"`,
					`"fields.vip":"must be true or false"`, `"fields.colour":"no such field"`}},
			{name: "nothing created", method: "GET", url: "/api/v1/tickets", token: "agent", status: 200, contains: []string{`"items":[]`}},
			{name: "ticket with values", method: "POST", url: "/api/v1/tickets", token: "agent",
				body: `{"subject":"Kettle","team":"support","contact":{"email":"ana@example.com"},
					"fields":{"refund_amount":12.50,"reason":"Refund","vip":true}}`, status: 201,
				contains: []string{`"fields":{"reason":"Refund","refund_amount":12.5,"vip":true}`}},
			{name: "read typed", method: "GET", url: "/api/v1/tickets/1", token: "agent", status: 200,
				contains: []string{`"fields":{"reason":"Refund","refund_amount":12.5,"vip":true}`}},
			{name: "patch clears with null", method: "PATCH", url: "/api/v1/tickets/1", token: "agent",
				body: `{"fields":{"refund_amount":null,"vip":false}}`, status: 200,
				contains: []string{`"fields":{"reason":"Refund","refund_amount":null,"vip":false}`}},
			{name: "patch refused whole", method: "PATCH", url: "/api/v1/tickets/1", token: "agent",
				body: `{"subject":"Other","fields":{"reason":"Exchange","refund_amount":[1]}}`, status: 422,
				contains: []string{`"fields.refund_amount":"must be a number"`}},
			{name: "history", method: "GET", url: "/api/v1/tickets/1/events", token: "agent", status: 200,
				contains:   []string{`"kind":"field","actor":{"id":2`, `"field":"refund_amount","from":12.5,"label":"Refund amount","to":null`},
				notContain: []string{`"to":"Exchange"`}},
			{name: "filter by field", method: "GET", url: "/api/v1/tickets?field=reason:Refund", token: "agent", status: 200,
				contains: []string{`"subject":"Kettle"`}},
			{name: "filter misses", method: "GET", url: "/api/v1/tickets?field=reason:Exchange", token: "agent", status: 200,
				contains: []string{`"items":[]`}},
			{name: "filter by unticked box", method: "GET", url: "/api/v1/tickets?field=vip:false", token: "agent", status: 200,
				contains: []string{`"subject":"Kettle"`}},
			{name: "bad filter", method: "GET", url: "/api/v1/tickets?field=reason:Nope", token: "agent", status: 422,
				contains: []string{`"field":"reason must be one of the options`}},
			{name: "type change refused", method: "PATCH", url: "/api/v1/fields/1", token: "admin", body: `{"type":"text"}`, status: 422,
				contains: []string{`"type":"Return reason holds values on 1 ticket; a field that holds values cannot change type"`}},
			{name: "rename refused", method: "PATCH", url: "/api/v1/fields/1", token: "admin", body: `{"name":"why"}`, status: 422,
				contains: []string{`"name":"a field's name never changes`}},
			{name: "label changes", method: "PATCH", url: "/api/v1/fields/1", token: "admin", body: `{"label":"Why"}`, status: 200,
				contains: []string{`"label":"Why"`, `"options":["Refund","Exchange"]`}},
			{name: "agent may not delete", method: "DELETE", url: "/api/v1/fields/1", token: "agent", status: 403},
			{name: "delete", method: "DELETE", url: "/api/v1/fields/1", token: "admin", status: 204},
			{name: "gone from the ticket", method: "GET", url: "/api/v1/tickets/1", token: "agent", status: 200,
				contains: []string{`"fields":{"refund_amount":null,"vip":false}`}},
			{name: "gone", method: "GET", url: "/api/v1/fields/1", token: "agent", status: 404},
		})
	})
}

func TestFieldDeleteRefusedWhileRequired(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		e.create("/api/v1/fields", reasonField)
		if _, err := d.Write.Exec(`INSERT INTO status_required (status_id, property)
			SELECT id, 'reason' FROM statuses WHERE name = 'Closed'`); err != nil {
			t.Fatal(err)
		}
		e.run([]scenario{
			{name: "required by a status", method: "DELETE", url: "/api/v1/fields/1", token: "admin", status: 409,
				contains: []string{"Return reason is required to enter status Closed (Support)"}},
		})
	})
}
