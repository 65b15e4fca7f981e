package server_test

import (
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func TestSLAPoliciesThroughAPI(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		e.create("/api/v1/calendars", lunchBreakWeek)
		e.create("/api/v1/pipelines", `{"name":"Sales","statuses":[{"name":"Lead","kind":"open"},{"name":"Won","kind":"closed"}]}`)
		e.run([]scenario{
			{name: "no token", method: "GET", url: "/api/v1/sla-policies", status: 401},
			{name: "empty list", method: "GET", url: "/api/v1/sla-policies", token: "agent", status: 200, contains: []string{`{"items":[]}`}},
			{name: "agent may not create", method: "POST", url: "/api/v1/sla-policies", token: "agent",
				body: `{"name":"Urgent","targets":{"first_response":60}}`, status: 403},
			{name: "create, pausing in Waiting by default", method: "POST", url: "/api/v1/sla-policies", token: "admin",
				body:   `{"name":"Standard","match":{"teams":[1]},"calendar_id":1,"targets":{"first_response":240,"resolution":2400},"warn_minutes":30}`,
				status: 201, contains: []string{`"id":1`, `"position":1`, `"match":{"teams":[1],"priorities":[],"tags":[],"channels":[],"companies":[]}`,
					`"calendar_id":1`, `"targets":{"first_response":240,"next_response":null,"resolution":2400}`, `"pause_statuses":[3]`, `"warn_minutes":30`}},
			{name: "urgent goes first", method: "POST", url: "/api/v1/sla-policies", token: "admin",
				body:   `{"name":"Urgent","position":1,"match":{"priorities":[3],"tags":["VIP"],"channels":["email"]},"targets":{"first_response":60},"pause_statuses":[]}`,
				status: 201, contains: []string{`"position":1`, `"tags":["vip"]`, `"pause_statuses":[]`, `"calendar_id":null`}},
			{name: "in order", method: "GET", url: "/api/v1/sla-policies", token: "agent", status: 200,
				contains: []string{`"name":"Urgent","position":1`, `"name":"Standard","position":2`}},
			{name: "every problem on its field", method: "POST", url: "/api/v1/sla-policies", token: "admin",
				body: `{"name":"","match":{"teams":[1,99],"priorities":[4],"channels":["fax"],"companies":[5]},"calendar_id":42,
					"targets":{"first_response":0,"resolution":600000},"pause_statuses":[5,77],"warn_minutes":-1}`, status: 422,
				contains: []string{`"name":"is required"`, `"match.teams[1]":"no team with id 99"`, `"match.priorities[0]":"4 is not a priority`,
					`"match.channels[0]":"\"fax\" is not a channel`, `"match.companies[0]":"no company with id 5"`, `"calendar_id":"no calendar with id 42"`,
					`"targets.first_response":"0 minutes: a target is from 1 minute to a year`, `"targets.resolution":"600000 minutes`,
					`"pause_statuses[0]":"status \"Lead\" belongs to pipeline \"Sales\", which none of this policy's teams uses"`,
					`"pause_statuses[1]":"no status with id 77"`, `"warn_minutes":`}},
			{name: "no target at all", method: "POST", url: "/api/v1/sla-policies", token: "admin",
				body: `{"name":"Empty","targets":{}}`, status: 422, contains: []string{`"targets":"set at least one target"`}},
			{name: "name taken", method: "POST", url: "/api/v1/sla-policies", token: "admin",
				body: `{"name":"urgent","targets":{"first_response":5}}`, status: 422, contains: []string{`"name":"another SLA policy already has this name"`}},
			{name: "unknown field", method: "POST", url: "/api/v1/sla-policies", token: "admin", body: `{"name":"X","targetz":{}}`, status: 400},
			{name: "change keeps the rest, moves it last", method: "PATCH", url: "/api/v1/sla-policies/2", token: "admin",
				body: `{"position":2,"targets":{"first_response":30}}`, status: 200,
				contains: []string{`"name":"Urgent"`, `"position":2`, `"first_response":30`, `"tags":["vip"]`}},
			{name: "a bad change", method: "PATCH", url: "/api/v1/sla-policies/2", token: "admin", body: `{"targets":{"next_response":0}}`,
				status: 422, contains: []string{`"targets.next_response"`}},
			{name: "agent may not change", method: "PATCH", url: "/api/v1/sla-policies/2", token: "agent", body: `{"name":"Mine"}`, status: 403},
			{name: "ticket carries its SLA", method: "POST", url: "/api/v1/tickets", token: "admin",
				body: `{"subject":"Help","team":"support","contact":{"email":"ana@example.com"}}`, status: 201,
				contains: []string{`"sla":{"first_response":{"state":"running","due_at":"`, `"next_response":null`, `"resolution":{"state":"running"`}},
			{name: "sorted by due time", method: "GET", url: "/api/v1/tickets?sort=due&kind=open", token: "agent", status: 200,
				contains: []string{`"subject":"Help"`}},
			{name: "filtered by SLA state", method: "GET", url: "/api/v1/tickets?sla=breached", token: "agent", status: 200,
				contains: []string{`"items":[]`}},
			{name: "bad SLA filter and sort", method: "GET", url: "/api/v1/tickets?sla=late&sort=oldest", token: "agent", status: 422,
				contains: []string{`"sla":"must be one of breached, warning, running, paused, met"`, `"sort":"must be due`}},
			{name: "agent may not delete", method: "DELETE", url: "/api/v1/sla-policies/1", token: "agent", status: 403},
			{name: "delete", method: "DELETE", url: "/api/v1/sla-policies/1", token: "admin", status: 204},
			{name: "gone", method: "GET", url: "/api/v1/sla-policies/1", token: "agent", status: 404},
			{name: "the rest renumbered", method: "GET", url: "/api/v1/sla-policies", token: "agent", status: 200,
				contains: []string{`"name":"Urgent","position":1`}},
		})
	})
}
