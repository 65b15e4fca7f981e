package ui_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// requireOn makes status name of the Support pipeline require props, with
// the custom field "hours" (a number) defined for every pipeline.
func requireOn(t *testing.T, e *env, name string, props ...string) pipeline.Pipeline {
	t.Helper()
	ctx := context.Background()
	if _, err := e.s.DB.Write.ExecContext(ctx, `INSERT INTO custom_fields (name, label, type, created_at, updated_at)
		VALUES ('hours', 'Hours spent', 'number', $1, $1) ON CONFLICT DO NOTHING`, db.Now()); err != nil {
		t.Fatal(err)
	}
	p, err := e.s.Pipelines.EnsureDefault(ctx)
	if err != nil {
		t.Fatal(err)
	}
	in := make([]pipeline.StatusInput, len(p.Statuses))
	for i, st := range p.Statuses {
		in[i] = pipeline.StatusInput{ID: st.ID, Name: st.Name, Kind: st.Kind, Required: st.Required}
		if st.Name == name {
			in[i].Required = props
		}
	}
	if p, err = e.s.Pipelines.Update(ctx, p.ID, pipeline.Update{Statuses: in}); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestBoardAsksForRequiredValues(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		pl := requireOn(t, e, "Waiting", "assignee", "hours")
		waiting, _ := pl.Find("Waiting")
		tk := e.open("Refund please", 1, "")
		board := fmt.Sprintf("/pipelines/%d/board", tk.PipelineID)
		move := fmt.Sprintf("/tickets/%d/status", tk.Number)
		fetch := map[string]string{"X-Frontdesk-Fetch": "1"}
		c := e.client("agent")
		token := e.csrf(c, board)
		form := func(kv ...string) url.Values {
			v := url.Values{"_csrf": {token}, "status": {fmt.Sprint(waiting.ID)}}
			for i := 0; i+1 < len(kv); i += 2 {
				v.Add(kv[i], kv[i+1])
			}
			return v
		}
		cases := []struct {
			name       string
			form       url.Values
			hdr        map[string]string
			status     int
			contains   []string
			notContain []string
			want       string
		}{
			{"dialog from script", form(), fetch, http.StatusUnprocessableEntity, []string{
				"Move #", "to Waiting</h2>", `name="assignee"`, "The agent", `name="field.hours"`, `type="number"`,
				"Hours spent", `name="ask" value="assignee"`, `name="ask" value="hours"`},
				[]string{"<html", `name="tags"`}, "New"},
			{"bad value keeps asking", form("ask", "assignee", "ask", "hours", "assignee",
				fmt.Sprint(e.ids["agent"]), "field.hours", "lots"), fetch, http.StatusUnprocessableEntity,
				[]string{"Hours spent must be a number, such as 12 or 12.5.", `aria-invalid="true"`, `value="lots"`}, nil, "New"},
			{"without script: the board with the form open", form(), nil, http.StatusUnprocessableEntity,
				[]string{`<dialog class="dialog" id="missing-dialog" aria-labelledby="missing-title" open>`,
					fmt.Sprintf(`href="%s" data-cancel>Cancel</a>`, board), "Refund please"}, nil, "New"},
			{"given: moves", form("ask", "assignee", "ask", "hours", "assignee", fmt.Sprint(e.ids["agent"]),
				"field.hours", "1.5"), fetch, http.StatusNoContent, nil, nil, "Waiting"},
		}
		for _, tc := range cases {
			res, body := e.do(c, http.MethodPost, move, tc.form, tc.hdr)
			if res.StatusCode != tc.status {
				t.Fatalf("%s: %d, want %d: %s", tc.name, res.StatusCode, tc.status, body)
			}
			expect(t, tc.name, body, tc.contains, tc.notContain)
			if got, _ := e.s.Tickets.Get(context.Background(), tk.ID); got.Status.Name != tc.want {
				t.Errorf("%s: status %q, want %q", tc.name, got.Status.Name, tc.want)
			}
		}
	})
}

func TestTicketPageShowsMissingProperties(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		pl := requireOn(t, e, "Closed", "assignee", "tags", "hours")
		closed, _ := pl.Find("Closed")
		tk := e.open("Refund please", 1, "")
		page := fmt.Sprintf("/tickets/%d", tk.Number)
		c := e.client("agent")
		form := url.Values{"_csrf": {e.csrf(c, page)}, "status": {fmt.Sprint(closed.ID)}, "priority": {"2"},
			"assignee": {""}, "team": {fmt.Sprint(tk.Team.ID)}, "tags": {""}}
		res, body := e.do(c, http.MethodPost, page, form, nil)
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("refused close: %d %s", res.StatusCode, body)
		}
		expect(t, "refused close", body, []string{
			"Closed needs an assignee, at least one tag and Hours spent before this ticket can enter it.",
			"Required to enter Closed.", `name="field.hours"`,
			fmt.Sprintf(`<option value="%d" selected>Closed</option>`, closed.ID), // the choice is kept
			`id="priority-2" value="2" checked`}, nil)
		form.Set("assignee", fmt.Sprint(e.ids["agent"]))
		form.Set("tags", "refund")
		form.Set("field.hours", "3")
		if res, body := e.do(c, http.MethodPost, page, form, nil); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("close with the values: %d %s", res.StatusCode, body)
		}
		if got, _ := e.s.Tickets.Get(context.Background(), tk.ID); got.Status.Name != "Closed" || got.Priority != 2 {
			t.Errorf("after: %q priority %d", got.Status.Name, got.Priority)
		}
	})
}

func TestBulkReportsMissingProperties(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		requireOn(t, e, "Waiting", "assignee")
		bare := e.open("Nobody on it", 1, "")
		held := e.open("Someone on it", 1, "agent@example.com")
		c := e.client("agent")
		form := url.Values{"_csrf": {e.csrf(c, "/inbox")}, "status": {"Waiting"},
			"ids": {fmt.Sprint(bare.ID), fmt.Sprint(held.ID)}}
		res, _ := e.do(c, http.MethodPost, "/tickets/bulk", form, nil)
		_, body := e.do(c, http.MethodGet, res.Header.Get("Location"), nil, nil)
		expect(t, "bulk", body, []string{fmt.Sprintf("1 ticket updated, 1 skipped: #%d lacks assignee to enter Waiting.",
			bare.Number)}, nil)
		if got, _ := e.s.Tickets.Get(context.Background(), held.ID); got.Status.Name != "Waiting" {
			t.Errorf("the assigned ticket is in %q", got.Status.Name)
		}
	})
}

func TestTeamLimitedPipelineIsHidden(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		sales, err := e.s.Pipelines.Create(ctx, "Sales", []pipeline.StatusInput{{Name: "Lead", Kind: pipeline.Open},
			{Name: "Won", Kind: pipeline.Closed}})
		if err != nil {
			t.Fatal(err)
		}
		tm, err := e.s.Teams.Create(ctx, team.Input{Name: testutil.Ptr("Sales")}, sales.ID)
		if err != nil {
			t.Fatal(err)
		}
		deal, err := e.s.Tickets.Create(ctx, ticket.NewTicket{Subject: "Secret deal", Team: "sales",
			Contact: contact.Identity{Email: "buyer@example.com"}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.s.Pipelines.Update(ctx, sales.ID, pipeline.Update{Teams: &[]int64{tm.ID}}); err != nil {
			t.Fatal(err)
		}
		e.open("Refund please", 1, "") // in Support, open to every team
		board := fmt.Sprintf("/pipelines/%d/board", sales.ID)
		for _, tc := range []struct {
			who, path string
			status    int
			contains  []string
			lacks     []string
		}{
			{"agent", fmt.Sprintf("/tickets/%d", deal.Number), http.StatusNotFound, nil, []string{"Secret deal"}},
			{"agent", board, http.StatusNotFound, nil, []string{"Secret deal"}},
			{"agent", "/inbox?view=open", http.StatusOK, []string{"Refund"}, []string{"Secret deal", `value="Lead"`}},
			{"admin", "/inbox?view=open", http.StatusOK, []string{"Secret deal", `value="Lead"`}, nil},
			{"agent", "/inbox?view=open&q=secret", http.StatusOK, nil, []string{"Secret deal"}},
			{"admin", fmt.Sprintf("/tickets/%d", deal.Number), http.StatusOK, []string{"Secret deal"}, nil},
			{"admin", board, http.StatusOK, []string{"Secret deal"}, nil},
		} {
			res, body := e.do(e.client(tc.who), http.MethodGet, tc.path, nil, nil)
			if res.StatusCode != tc.status {
				t.Errorf("%s %s: %d, want %d", tc.who, tc.path, res.StatusCode, tc.status)
			}
			expect(t, tc.who+" "+tc.path, body, tc.contains, tc.lacks)
		}
	})
}
