package server_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// statusesJSON renders the Support pipeline's statuses with Closed
// requiring required (a JSON array).
func statusesJSON(t *testing.T, e *env, required string) (int64, string) {
	t.Helper()
	p, err := e.s.Pipelines.EnsureDefault(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var parts []string
	for _, st := range p.Statuses {
		req := "[]"
		if st.Name == "Closed" {
			req = required
		}
		parts = append(parts, fmt.Sprintf(`{"id":%d,"name":%q,"kind":%q,"required":%s}`, st.ID, st.Name, st.Kind, req))
	}
	return p.ID, `{"statuses":[` + strings.Join(parts, ",") + `]}`
}

func TestRequiredPropertiesThroughAPI(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		id, bad := statusesJSON(t, e, `["assignee","nonsense"]`)
		_, good := statusesJSON(t, e, `["tags","assignee"]`)
		url := fmt.Sprintf("/api/v1/pipelines/%d", id)
		tk := e.create("/api/v1/tickets", goodTicket)
		turl := fmt.Sprintf("/api/v1/tickets/%v", tk["id"])
		e.run([]scenario{
			{name: "unknown property", method: "PATCH", url: url, token: "admin", body: bad, status: 422,
				contains: []string{`"statuses[3].required":"\"nonsense\" is not a property`}},
			{name: "agent may not", method: "PATCH", url: url, token: "agent", body: good, status: 403},
			{name: "required set", method: "PATCH", url: url, token: "admin", body: good, status: 200,
				contains: []string{`"name":"Closed","kind":"closed","position":3,"required":["assignee","tags"]`,
					`"name":"New","kind":"open","position":0,"required":[]`}},
			{name: "read back", method: "GET", url: url, token: "agent", status: 200,
				contains: []string{`"required":["assignee","tags"]`}},
			{name: "close without them", method: "PATCH", url: turl, token: "agent", body: `{"status":"Closed","tags":[]}`,
				status: 422, contains: []string{`"fields":{"assignee":"required to enter Closed","tags":"required to enter Closed"}`}},
			{name: "still open", method: "GET", url: turl, token: "agent", status: 200, contains: []string{`"name":"New"`}},
			{name: "close with them", method: "PATCH", url: turl, token: "agent",
				body: `{"status":"Closed","assignee":"agent@example.com","tags":["billing"]}`, status: 200,
				contains: []string{`"name":"Closed"`}},
		})
	})
}

func TestPipelineOrderAndTeamsThroughAPI(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		statuses := `"statuses":[{"name":"Lead","kind":"open"},{"name":"Won","kind":"closed"}]`
		sales := e.create("/api/v1/pipelines", `{"name":"Sales","position":0,`+statuses+`}`)
		e.create("/api/v1/pipelines", `{"name":"Billing",`+statuses+`}`)
		e.create("/api/v1/teams", fmt.Sprintf(`{"name":"Sales","pipeline_id":%v}`, sales["id"]))
		url := fmt.Sprintf("/api/v1/pipelines/%v", sales["id"])
		deal := e.create("/api/v1/tickets", strings.Replace(goodTicket, `"team":"support"`, `"team":"sales"`, 1))
		durl := fmt.Sprintf("/api/v1/tickets/%v", deal["id"])
		e.run([]scenario{
			{name: "order", method: "GET", url: "/api/v1/pipelines", token: "agent", status: 200,
				contains: []string{`"name":"Sales","position":0`, `"name":"Support","position":1`, `"name":"Billing","position":2`}},
			{name: "move last", method: "PATCH", url: url, token: "admin", body: `{"position":9}`, status: 200,
				contains: []string{`"position":2`}},
			{name: "order after", method: "GET", url: "/api/v1/pipelines", token: "agent", status: 200,
				contains: []string{`"name":"Support","position":0`, `"name":"Billing","position":1`, `"name":"Sales","position":2`}},
			{name: "negative", method: "PATCH", url: url, token: "admin", body: `{"position":-1}`, status: 422,
				contains: []string{`"position"`}},
			{name: "unknown team", method: "PATCH", url: url, token: "admin", body: `{"teams":[99999]}`, status: 422,
				contains: []string{`"teams[0]":"no team with id 99999"`}},
			{name: "agent sees the deal", method: "GET", url: durl, token: "agent", status: 200},
			{name: "limit to sales", method: "PATCH", url: url, token: "admin",
				body: fmt.Sprintf(`{"teams":[%v]}`, teamID(t, e, "sales")), status: 200,
				contains: []string{fmt.Sprintf(`"teams":[%v]`, teamID(t, e, "sales"))}},
			{name: "agent outside the team", method: "GET", url: durl, token: "agent", status: 404},
			{name: "nor its thread", method: "GET", url: durl + "/messages", token: "agent", status: 404},
			{name: "nor in lists", method: "GET", url: "/api/v1/tickets", token: "agent", status: 200,
				notContain: []string{fmt.Sprintf(`"id":%v,`, deal["id"])}},
			{name: "admin always", method: "GET", url: durl, token: "admin", status: 200},
			{name: "lift the limit", method: "PATCH", url: url, token: "admin", body: `{"teams":[]}`, status: 200,
				contains: []string{`"teams":[]`}},
			{name: "agent sees it again", method: "GET", url: durl, token: "agent", status: 200},
		})
	})
}

func teamID(t *testing.T, e *env, slug string) int64 {
	t.Helper()
	tm, err := e.s.Teams.Find(context.Background(), e.s.DB.Read, slug)
	if err != nil {
		t.Fatal(err)
	}
	return tm.ID
}
