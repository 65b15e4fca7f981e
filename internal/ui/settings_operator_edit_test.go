package ui_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func TestSettingsOperatorEditPage(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		p, err := e.s.Pipelines.EnsureDefault(ctx)
		if err != nil {
			t.Fatal(err)
		}
		billing, err := e.s.Teams.Create(ctx, team.Input{Name: testutil.Ptr("Billing")}, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		path := "/settings/operators/" + itoa(e.ids["agent"])
		e.getAs("agent", path, http.StatusForbidden)
		expect(t, "page", e.getAs("admin", path, http.StatusOK),
			[]string{`value="agent@example.com"`, `value="The agent"`, `name="team" value="` + itoa(billing.ID) + `"`}, nil)

		bad := e.postAs("admin", path, url.Values{"name": {" "}, "email": {"not-an-address"}, "role": {"agent"},
			"team": {itoa(billing.ID)}}, http.StatusUnprocessableEntity)
		expect(t, "per-field errors", bad, []string{`id="name-error"`, `id="email-error"`, `value="not-an-address"`,
			`value="` + itoa(billing.ID) + `" checked`}, nil)
		taken := e.postAs("admin", path, url.Values{"name": {"Kim"}, "email": {"admin@example.com"}, "role": {"agent"}},
			http.StatusUnprocessableEntity)
		expect(t, "taken address", taken, []string{"Another operator has this email"}, nil)

		e.postAs("admin", path, url.Values{"name": {"Kim Agent"}, "email": {"Kim@Example.com"}, "role": {"admin"},
			"team": {itoa(billing.ID)}}, http.StatusSeeOther)
		expect(t, "saved", e.getAs("admin", path+"?done=operator-saved", http.StatusOK),
			[]string{"Operator saved.", `value="kim@example.com"`, `value="Kim Agent"`, `value="admin" selected`,
				`value="` + itoa(billing.ID) + `" checked`}, nil)
		if in, err := e.s.Teams.IsMember(ctx, billing.ID, e.ids["agent"]); err != nil || !in {
			t.Fatalf("member of billing: %v %v", in, err)
		}
		e.postAs("admin", path, url.Values{"name": {"Kim Agent"}, "email": {"kim@example.com"}, "role": {"admin"}}, http.StatusSeeOther)
		if in, _ := e.s.Teams.IsMember(ctx, billing.ID, e.ids["agent"]); in {
			t.Fatal("still a member after unticking")
		}
	})
}
