package server_test

import (
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func TestReportsThroughAPI(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		e.create("/api/v1/tickets", `{"subject":"Printer on fire","description":"Help","team":"support",
			"channel":"email","contact":{"email":"ana@example.com"}}`)
		today := time.Now().UTC().Format(time.DateOnly)
		period := "from=" + today + "&to=" + today
		e.run([]scenario{
			{name: "no token", method: "GET", url: "/api/v1/reports/tickets?" + period, status: 401},
			{name: "admin sees today's ticket", method: "GET", url: "/api/v1/reports/tickets?" + period, token: "admin",
				status: 200, contains: []string{`"days":[{"date":"` + today + `","created":1,"closed":0,"reopened":0,"backlog":1,`,
					`"totals":{"created":1,`, `"time":"business"`}},
			{name: "no breakdowns unless asked", method: "GET", url: "/api/v1/reports/tickets?" + period, token: "admin",
				status: 200, notContain: []string{`"breakdowns"`}},
			{name: "breakdowns asked for, an empty one as a list", method: "GET",
				url: "/api/v1/reports/tickets?breakdown=channel,tag&breakdown=target&" + period, token: "admin", status: 200,
				contains: []string{`"breakdowns":{"targets":[],"channels":[{"name":"email","created":1,"closed":0}],"tags":[]}`}},
			{name: "the heat map by weekday and hour", method: "GET", url: "/api/v1/reports/tickets?breakdown=heatmap&" + period,
				token: "admin", status: 200, contains: []string{`"heat_map":{"weekdays":["mon","tue","wed","thu","fri","sat","sun"],"counts":[[`}},
			{name: "every breakdown", method: "GET", url: "/api/v1/reports/tickets?breakdown=all&" + period, token: "admin",
				status: 200, contains: []string{`"targets":[]`, `"policies":[]`, `"teams":[]`, `"operators":[]`, `"tags":[]`, `"heat_map":`}},
			{name: "an unknown breakdown, beside a bad date", method: "GET",
				url: "/api/v1/reports/tickets?breakdown=channel,colour&from=2026-13-01&to=" + today, token: "admin", status: 422,
				contains: []string{`"breakdown":"unknown colour; must be all or some of target, policy, team, operator, channel, tag, heatmap"`,
					`"from":"must be a date as YYYY-MM-DD"`}},
			{name: "filtered by another channel", method: "GET", url: "/api/v1/reports/tickets?channel=chat&" + period,
				token: "admin", status: 200, contains: []string{`"totals":{"created":0,`}},
			{name: "an agent outside the team sees none of it", method: "GET", url: "/api/v1/reports/tickets?" + period,
				token: "agent", status: 200, contains: []string{`"totals":{"created":0,"closed":0,"reopened":0,"backlog":0`}},
			{name: "an agent may not name a team they are not in", method: "GET",
				url: "/api/v1/reports/tickets?team=support&" + period, token: "agent", status: 422,
				contains: []string{`"team":"no such team among yours"`}},
			{name: "bad period and filters, each on its field", method: "GET",
				url: "/api/v1/reports/tickets?from=2026-03-02&to=2026-03-01&channel=fax&priority=7&operator=nobody", token: "admin",
				status: 422, contains: []string{`"to":"must not be before from"`, `"channel":"must be one of`,
					`"priority":"must be 0, 1, 2 or 3"`, `"operator":"no such operator"`}},
			{name: "over two years", method: "GET", url: "/api/v1/reports/tickets?from=2020-01-01&to=2026-01-01",
				token: "admin", status: 422, contains: []string{`"to":"the period must be at most 731 days (two years)"`}},
			{name: "operators", method: "GET", url: "/api/v1/reports/operators?" + period, token: "admin", status: 200,
				contains: []string{`"items":[]`, `"time":"business"`}},
			{name: "operators check their input too", method: "GET", url: "/api/v1/reports/operators?from=x", token: "admin",
				status: 422, contains: []string{`"from":"must be a date as YYYY-MM-DD"`, `"to":"is required (YYYY-MM-DD)"`}},
			{name: "chats: no token", method: "GET", url: "/api/v1/reports/chats?" + period, status: 401},
			{name: "chats of a quiet day", method: "GET", url: "/api/v1/reports/chats?" + period, token: "admin", status: 200,
				contains: []string{`"days":[{"date":"` + today + `","sessions":0,"answered":0,"missed":0,`,
					`"wait":{"median_s":null,"p90_s":null}`, `"operators":[]`}},
			{name: "chats check their input", method: "GET", url: "/api/v1/reports/chats?from=2026-03-02&to=2026-03-01",
				token: "admin", status: 422, contains: []string{`"to":"must not be before from"`}},
			{name: "chats: an agent may not name another team", method: "GET",
				url: "/api/v1/reports/chats?team=support&" + period, token: "agent", status: 422,
				contains: []string{`"team":"no such team among yours"`}},
		})
	})
}
