package ui_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func TestSettingsPipelineRequiredTeamsAndOrder(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		p := requireOn(t, e, "Closed") // defines the custom field "hours"
		support, err := e.s.Teams.Find(ctx, d.Read, "support")
		if err != nil {
			t.Fatal(err)
		}
		path := "/settings/pipelines/" + itoa(p.ID)
		expect(t, "form", e.getAs("admin", path, http.StatusOK), []string{"Required to enter Closed",
			`name="sreq_3" value="assignee"`, `name="sreq_3" value="hours"`, "> Hours spent</label>",
			fmt.Sprintf(`name="teams" value="%d"`, support.ID)}, nil)
		form := url.Values{"name": {p.Name}, "n": {"4"}, "op": {"save"}}
		for i, st := range p.Statuses {
			form.Set(fmt.Sprintf("sid_%d", i), itoa(st.ID))
			form.Set(fmt.Sprintf("sname_%d", i), st.Name)
			form.Set(fmt.Sprintf("skind_%d", i), string(st.Kind))
		}
		form["sreq_3"] = []string{"assignee", "hours", "ghost"}
		body := e.postAs("admin", path, form, http.StatusUnprocessableEntity)
		expect(t, "unknown property", body, []string{`ghost&#34; is not a property`}, nil)
		form["sreq_3"] = []string{"assignee", "hours"}
		form["teams"] = []string{itoa(support.ID)}
		e.postAs("admin", path, form, http.StatusSeeOther)
		got, err := e.s.Pipelines.Get(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got.Statuses[3].Required, []string{"assignee", "hours"}) || !slices.Equal(got.Teams, []int64{support.ID}) {
			t.Errorf("saved %v, teams %v", got.Statuses[3].Required, got.Teams)
		}
		sales, err := e.s.Pipelines.Create(ctx, "Sales", []pipeline.StatusInput{{Name: "Lead", Kind: pipeline.Open},
			{Name: "Won", Kind: pipeline.Closed}})
		if err != nil {
			t.Fatal(err)
		}
		expectOrder(t, "list", e.getAs("admin", "/settings/pipelines", http.StatusOK), []string{">Support</a>",
			"(needs assignee, hours)", ">Support</td>", ">Sales</a>", ">Every team</td>"})
		e.postAs("admin", "/settings/pipelines/"+itoa(sales.ID)+"/position", url.Values{"position": {"0"}}, http.StatusSeeOther)
		expectOrder(t, "moved up", e.getAs("admin", "/settings/pipelines?done=pipeline-moved", http.StatusOK), []string{"Pipeline moved.",
			">Sales</a>", ">Support</a>"})
	})
}
