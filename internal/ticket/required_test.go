package ticket_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// addField inserts a custom field as the fields package would; pipelines
// empty: it applies to every pipeline.
func addField(t *testing.T, d *db.DB, name, typ string, pipelines ...int64) int64 {
	t.Helper()
	ctx := context.Background()
	var id int64
	now := db.Now()
	err := d.Write.QueryRowContext(ctx, `INSERT INTO custom_fields (name, label, type, options, created_at, updated_at)
		VALUES ($1, $2, $3, '[]', $4, $4) RETURNING id`, name, "Label of "+name, typ, now).Scan(&id)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pipelines {
		if _, err := d.Write.ExecContext(ctx, `INSERT INTO custom_field_pipelines (field_id, pipeline_id) VALUES ($1, $2)`,
			id, p); err != nil {
			t.Fatal(err)
		}
	}
	return id
}

func setValue(t *testing.T, d *db.DB, ticketID, fieldID int64, value string) {
	t.Helper()
	if _, err := d.Write.ExecContext(context.Background(), `INSERT INTO ticket_values (ticket_id, field_id, value)
		VALUES ($1, $2, $3)`, ticketID, fieldID, value); err != nil {
		t.Fatal(err)
	}
}

// requireOn makes status name of the Support pipeline require props.
func requireOn(t *testing.T, s *app.Services, name string, props ...string) pipeline.Pipeline {
	t.Helper()
	ctx := context.Background()
	p, err := s.Pipelines.EnsureDefault(ctx)
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
	p, err = s.Pipelines.Update(ctx, p.ID, pipeline.Update{Statuses: in})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRequiredPropertiesBindOperators(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		field := addField(t, d, "resolution", "text")
		requireOn(t, s, "Closed", "assignee", "priority", "tags", "team", "resolution")
		op := mustOperator(t, s, "ann@example.com", "Ann")
		tk := mustCreate(t, s, newTicket("Broken login", "cus@example.com"))
		before := len(historyOf(t, s, tk.ID))

		_, err := s.Tickets.Update(ctx, tk.ID, ticket.Patch{Status: pointerTo("Closed"), ActorID: op.ID})
		var missing *ticket.MissingError
		if !errors.As(err, &missing) || !slices.Equal(missing.Missing, []string{"assignee", "priority", "resolution", "tags"}) {
			t.Fatalf("close without values: %v, want assignee, priority, resolution and tags missing", err)
		}
		if f := testutil.Fields(err); f["assignee"] != "required to enter Closed" || f["team"] != "" {
			t.Errorf("field messages %v", f)
		}
		// Values given in the same patch count; the field still lacks one.
		_, err = s.Tickets.Update(ctx, tk.ID, ticket.Patch{Status: pointerTo("Closed"), Assignee: pointerTo(op.Email),
			Priority: pointerTo(2), Tags: &[]string{"login"}, ActorID: op.ID})
		if f := testutil.Fields(err); len(f) != 1 || f["resolution"] == "" {
			t.Fatalf("close with built-ins only: %v, want only resolution missing", err)
		}
		if got := getTicket(t, s, tk.ID); got.Status.Name != "New" || got.Assignee != nil || len(got.Tags) != 0 ||
			len(historyOf(t, s, tk.ID)) != before {
			t.Fatalf("a refused change left traces: %+v", got)
		}
		setValue(t, d, tk.ID, field, "reset the password")
		got := patchTicket(t, s, tk.ID, ticket.Patch{Status: pointerTo("Closed"), Assignee: pointerTo(op.Email),
			Priority: pointerTo(2), Tags: &[]string{"login"}, ActorID: op.ID})
		if got.Status.Name != "Closed" || got.Assignee == nil {
			t.Errorf("close with every value: %+v", got)
		}
	})
}

func TestRequiredPriorityMeansAboveLow(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		requireOn(t, s, "Waiting", "priority")
		tk := mustCreate(t, s, newTicket("Slow page", "cus@example.com"))
		_, err := s.Tickets.Update(context.Background(), tk.ID, ticket.Patch{Status: pointerTo("Waiting")})
		if testutil.Fields(err)["priority"] == "" {
			t.Fatalf("Low priority entered a status requiring a priority: %v", err)
		}
		patchTicket(t, s, tk.ID, ticket.Patch{Status: pointerTo("Waiting"), Priority: pointerTo(1)})
	})
}

func TestCustomerActsAreNeverRefused(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		addField(t, d, "resolution", "text")
		requireOn(t, s, "Closed", "assignee", "resolution")
		requireOn(t, s, "New", "assignee", "tags")
		tk := mustCreate(t, s, newTicket("Please close", "cus@example.com"))
		if changed, err := s.Tickets.SetOpenByCustomer(ctx, tk.ID, false); err != nil || !changed {
			t.Fatalf("customer closing on the public page: %v, %v", changed, err)
		}
		if got := getTicket(t, s, tk.ID); got.Status.Name != "Closed" {
			t.Fatalf("after the customer closed it: %q", got.Status.Name)
		}
		if _, err := s.Tickets.AddMessage(ctx, tk.ID, ticket.NewMessage{Kind: ticket.Customer, Body: "It broke again",
			ContactID: tk.Contact.ID}); err != nil {
			t.Fatalf("customer reply to a closed ticket: %v", err)
		}
		if got := getTicket(t, s, tk.ID); got.Status.Name != "New" {
			t.Errorf("a customer's reply did not reopen into New: %q", got.Status.Name)
		}
		if _, err := s.Tickets.SetOpenByCustomer(ctx, tk.ID, false); err != nil {
			t.Fatal(err)
		}
		if changed, err := s.Tickets.SetOpenByCustomer(ctx, tk.ID, true); err != nil || !changed {
			t.Errorf("customer reopening on the public page: %v, %v", changed, err)
		}
	})
}

func TestRequiredPropertiesValidated(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		sales := salesTeam(t, s)
		addField(t, d, "deal_size", "number", sales.ID)
		addField(t, d, "resolution", "text")
		p, _ := s.Pipelines.EnsureDefault(ctx)
		cases := []struct {
			required []string
			field    string
		}{
			{[]string{"nonsense"}, "statuses[1].required"},
			{[]string{"deal_size"}, "statuses[1].required"}, // a field of another pipeline
			{[]string{"Assignee", "resolution", " tags "}, ""},
		}
		for _, tc := range cases {
			in := make([]pipeline.StatusInput, len(p.Statuses))
			for i, st := range p.Statuses {
				in[i] = pipeline.StatusInput{ID: st.ID, Name: st.Name, Kind: st.Kind}
			}
			in[1].Required = tc.required
			got, err := s.Pipelines.Update(ctx, p.ID, pipeline.Update{Statuses: in})
			if tc.field != "" {
				if testutil.Fields(err)[tc.field] == "" {
					t.Errorf("%v: error %v, want a message on %s", tc.required, err, tc.field)
				}
				continue
			}
			if err != nil || !slices.Equal(got.Statuses[1].Required, []string{"assignee", "resolution", "tags"}) {
				t.Errorf("%v: %v, stored %v", tc.required, err, got.Statuses[1].Required)
			}
		}
		if _, err := s.Pipelines.Create(ctx, "Deals", []pipeline.StatusInput{{Name: "Open", Kind: pipeline.Open,
			Required: []string{"deal_size"}}, {Name: "Done", Kind: pipeline.Closed}}); testutil.Fields(err)["statuses[0].required"] == "" {
			t.Errorf("create with a field of another pipeline: %v", err)
		}
	})
}

func TestValuesGivenWithTheMove(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		addField(t, d, "resolution", "text")
		addField(t, d, "hours", "number")
		requireOn(t, s, "Closed", "resolution", "hours")
		tk := mustCreate(t, s, newTicket("Printer", "cus@example.com"))
		_, err := s.Tickets.Update(ctx, tk.ID, ticket.Patch{Status: pointerTo("Closed"),
			Custom: map[string]any{"resolution": "new toner", "hours": "two"}})
		if f := testutil.Fields(err); f["fields.hours"] != "must be a number" {
			t.Fatalf("bad number: %v", err)
		}
		var n int
		if err := d.Read.QueryRowContext(ctx, `SELECT count(*) FROM ticket_values`).Scan(&n); err != nil || n != 0 {
			t.Fatalf("a refused move left %d values (%v)", n, err)
		}
		patchTicket(t, s, tk.ID, ticket.Patch{Status: pointerTo("Closed"),
			Custom: map[string]any{"resolution": " new toner ", "hours": json.Number("2.50")}})
		var got []string
		rows, err := d.Read.QueryContext(ctx, `SELECT value FROM ticket_values ORDER BY value`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var v string
			_ = rows.Scan(&v)
			got = append(got, v)
		}
		if !slices.Equal(got, []string{"2.5", "new toner"}) {
			t.Errorf("stored values %v", got)
		}
	})
}
