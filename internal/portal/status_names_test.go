package portal_test

import (
	"context"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// The public page names statuses as customers know them and ticks only
// the steps the ticket went through.
func TestPublicPageCustomerNamesAndRealProgress(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		tk := e.ticket("Printer prints blank pages", "Paula")
		pl, err := e.s.Tickets.PipelineOf(ctx, tk)
		if err != nil {
			t.Fatal(err)
		}
		// New → "Received", In Progress and Waiting → "In progress", Closed → "Solved".
		names := map[string]string{"New": "Received", "In Progress": "In progress", "Waiting": "In progress", "Closed": "Solved"}
		var in []pipeline.StatusInput
		for _, st := range pl.Statuses {
			cn := names[st.Name]
			in = append(in, pipeline.StatusInput{ID: st.ID, Name: st.Name, Kind: st.Kind, CustomerName: &cn})
		}
		if _, err := e.s.Pipelines.Update(ctx, pl.ID, pipeline.Update{Statuses: in}); err != nil {
			t.Fatal(err)
		}

		page := e.get("/t/" + tk.PublicToken).Body.String()
		contains(t, page, []string{`Status: <span class="state">Received</span>`, "In progress", "Solved"},
			[]string{"Waiting", "In Progress", ">New<", "Closed"})
		if strings.Count(page, "✓") != 0 {
			t.Errorf("a new ticket has ticks: %s", steps(page))
		}

		// Straight from New to Closed: Received and Solved ticked, In progress not.
		closed := "Closed"
		if _, err := e.s.Tickets.Update(ctx, tk.ID, ticket.Patch{Status: &closed, ActorID: e.op.ID}); err != nil {
			t.Fatal(err)
		}
		page = e.get("/t/" + tk.PublicToken).Body.String()
		ticked := map[string]bool{}
		for _, li := range strings.Split(steps(page), "<li")[1:] {
			name := between(li, `class="step-name">`, "<")
			ticked[name] = strings.Contains(li, "✓")
		}
		if !ticked["Received"] || ticked["In progress"] || !ticked["Solved"] || len(ticked) != 3 {
			t.Errorf("ticks after New → Closed: %v", ticked)
		}
	})
}

func steps(page string) string {
	_, rest, _ := strings.Cut(page, `<ol class="steps">`)
	s, _, _ := strings.Cut(rest, "</ol>")
	return s
}

func between(s, from, to string) string {
	_, rest, _ := strings.Cut(s, from)
	v, _, _ := strings.Cut(rest, to)
	return v
}
