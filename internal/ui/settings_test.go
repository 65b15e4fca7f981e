package ui_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// post sends form as who, with who's CSRF token, and checks the status.
func (e *env) postAs(who, path string, form url.Values, status int) string {
	e.t.Helper()
	c := e.client(who)
	form.Set("_csrf", e.csrf(c, "/settings/tokens"))
	res, body := e.do(c, http.MethodPost, path, form, nil)
	if res.StatusCode != status {
		e.t.Fatalf("POST %s as %s: %d, want %d: %s", path, who, res.StatusCode, status, body)
	}
	return body
}

func (e *env) getAs(who, path string, status int) string {
	e.t.Helper()
	res, body := e.do(e.client(who), http.MethodGet, path, nil, nil)
	if res.StatusCode != status {
		e.t.Fatalf("GET %s as %s: %d, want %d: %s", path, who, res.StatusCode, status, body)
	}
	return body
}

func TestSettingsAdminOnly(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		p, err := e.s.Pipelines.EnsureDefault(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		pid := "/" + itoa(p.ID)
		aid := "/" + itoa(e.ids["admin"])
		gets := []string{"/settings", "/settings/teams", "/settings/teams/new", "/settings/operators",
			"/settings/operators" + aid + "/tokens", "/settings/pipelines", "/settings/pipelines/new", "/settings/pipelines" + pid}
		for _, path := range gets {
			body := e.getAs("agent", path, http.StatusForbidden)
			expect(t, path, body, []string{"Only an admin can change the settings."}, nil)
		}
		posts := []string{"/settings/teams", "/settings/operators", "/settings/operators" + aid,
			"/settings/operators" + aid + "/tokens", "/settings/pipelines", "/settings/pipelines" + pid,
			"/settings/pipelines" + pid + "/delete", "/settings/pipelines" + pid + "/position"}
		for _, path := range posts {
			e.postAs("agent", path, url.Values{"name": {"x"}, "role": {"agent"}}, http.StatusForbidden)
		}
		expect(t, "agent inbox", e.getAs("agent", "/settings/tokens", http.StatusOK), []string{"My API tokens"}, []string{`href="/settings/teams"`})
		expect(t, "admin bar", e.getAs("admin", "/settings/teams", http.StatusOK), []string{`href="/settings/teams" aria-current="page">Settings`}, nil)
	})
}

func TestSettingsTeamsAndOperators(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		body := e.postAs("admin", "/settings/teams", url.Values{"name": {"Billing desk"}, "assignment_mode": {"round_robin"},
			"ch_email": {"on"}, "member": {itoa(e.ids["agent"])}}, http.StatusSeeOther)
		_ = body
		list := e.getAs("admin", "/settings/teams", http.StatusOK)
		expect(t, "teams", list, []string{"Billing desk", "billing-desk", "Round robin"}, nil)
		bad := e.postAs("admin", "/settings/teams", url.Values{"name": {"Bad"}, "slug": {"No Spaces!"}, "assignment_mode": {"manual"}},
			http.StatusUnprocessableEntity)
		expect(t, "bad slug", bad, []string{`id="slug-error"`, "Must be 1 to 50 lower-case", `value="No Spaces!"`}, nil)

		e.postAs("admin", "/settings/operators", url.Values{"email": {"new@example.com"}, "name": {"Newbie"},
			"role": {"agent"}, "password": {"long enough password"}}, http.StatusSeeOther)
		expect(t, "operators", e.getAs("admin", "/settings/operators?done=operator-created", http.StatusOK),
			[]string{"new@example.com", "Newbie", "Operator created."}, nil)
		last := e.postAs("admin", "/settings/operators/"+itoa(e.ids["admin"]), url.Values{"role": {"agent"}}, http.StatusConflict)
		expect(t, "last admin", last, []string{"admin@example.com is the last active admin; make someone else admin first"}, nil)
	})
}

func TestSettingsPipelines(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		body := e.postAs("admin", "/settings/pipelines", url.Values{"name": {"Sales"}, "n": {"1"},
			"sname_0": {"Lead"}, "skind_0": {"open"}, "op": {"save"}}, http.StatusUnprocessableEntity)
		expect(t, "no closed", body, []string{"A pipeline needs at least one open and one closed status", `value="Sales"`}, nil)

		tk := e.openFor("Broken printer", 1, ada)
		p, err := e.s.Pipelines.Get(ctx, tk.PipelineID)
		if err != nil {
			t.Fatal(err)
		}
		cur, _ := p.Find(itoa(tk.Status.ID))
		form := url.Values{"name": {p.Name}, "op": {"save"}, "removed": {itoa(cur.ID) + ":" + cur.Name}}
		n := 0
		for _, st := range p.Statuses {
			if st.ID == cur.ID {
				continue
			}
			i := itoa(int64(n))
			form.Set("sid_"+i, itoa(st.ID))
			form.Set("sname_"+i, st.Name)
			form.Set("skind_"+i, string(st.Kind))
			n++
		}
		form.Set("n", itoa(int64(n)))
		path := "/settings/pipelines/" + itoa(p.ID)
		body = e.postAs("admin", path, form, http.StatusConflict)
		expect(t, "holds tickets", body, []string{"holds 1 tickets", `name="reassign_` + itoa(cur.ID) + `"`}, nil)
		form.Set("reassign_"+itoa(cur.ID), p.FirstClosed().Name)
		e.postAs("admin", path, form, http.StatusSeeOther)
		got, err := e.s.Tickets.Get(ctx, tk.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status.ID != p.FirstClosed().ID {
			t.Errorf("ticket in status %d, want %d", got.Status.ID, p.FirstClosed().ID)
		}
		up := e.postAs("admin", path, url.Values{"name": {p.Name}, "n": {"2"}, "sid_0": {"0"}, "sname_0": {"A"}, "skind_0": {"open"},
			"sid_1": {"0"}, "sname_1": {"B"}, "skind_1": {"closed"}, "op": {"down-0"}}, http.StatusOK)
		if strings.Index(up, `value="B"`) > strings.Index(up, `value="A"`) {
			t.Errorf("down did not move A below B")
		}
		_ = pipeline.Open
	})
}

var secretRE = regexp.MustCompile(`fdk_[A-Za-z0-9_-]+`)

func TestSettingsTokens(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		body := e.postAs("agent", "/settings/tokens", url.Values{"name": {"CRM sync"}}, http.StatusCreated)
		secret := secretRE.FindString(body)
		if secret == "" {
			t.Fatalf("no secret shown: %s", body)
		}
		expect(t, "created", body, []string{"only time it is shown", "CRM sync"}, nil)
		list := e.getAs("agent", "/settings/tokens", http.StatusOK)
		expect(t, "listed", list, []string{"CRM sync", "Never"}, []string{secret})
		if _, err := e.s.Operators.ByToken(context.Background(), secret); err != nil {
			t.Fatal(err)
		}
		id := regexp.MustCompile(`/settings/tokens/(\d+)/revoke`).FindStringSubmatch(list)
		if id == nil {
			t.Fatal("no revoke form")
		}
		e.postAs("agent", "/settings/tokens/"+id[1]+"/revoke", url.Values{"back": {"/settings/tokens"}}, http.StatusSeeOther)
		expect(t, "revoked", e.getAs("agent", "/settings/tokens?done=token-revoked", http.StatusOK), []string{"Revoked", "Token revoked."}, nil)
		if _, err := e.s.Operators.ByToken(context.Background(), secret); err == nil {
			t.Error("revoked token still works")
		}
		expect(t, "admin view", e.getAs("admin", "/settings/operators/"+itoa(e.ids["agent"])+"/tokens", http.StatusOK),
			[]string{"API tokens of The agent", "CRM sync"}, nil)
		// Without the token a post is refused.
		res, _ := e.do(e.client("agent"), http.MethodPost, "/settings/tokens", url.Values{"name": {"x"}}, nil)
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("no CSRF: %d, want 403", res.StatusCode)
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
