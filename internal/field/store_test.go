package field_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/field"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

func mustField(t *testing.T, s *app.Services, in field.Input) field.Def {
	t.Helper()
	d, err := s.Fields.Create(context.Background(), in)
	if err != nil {
		t.Fatalf("create field %s: %v", in.Name, err)
	}
	return d
}

func reason() field.Input {
	return field.Input{Name: "reason", Label: "Reason", Help: "Why they wrote", Type: field.Choice,
		Options: []string{"Refund", "Exchange"}, OnCard: true}
}

func newTicket(t *testing.T, s *app.Services, custom map[string]any) (ticket.Ticket, error) {
	t.Helper()
	return s.Tickets.Create(context.Background(), ticket.NewTicket{Subject: "Broken kettle", Team: "support",
		Contact: contact.Identity{Email: "ana@example.com"}, Custom: custom})
}

func asJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestFieldRoundTrip(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		ctx, s := context.Background(), testutil.Services(t, d)
		p, err := s.Pipelines.Create(ctx, "Returns", pipeline.DefaultStatuses)
		if err != nil {
			t.Fatal(err)
		}
		in := reason()
		in.Pipelines = []int64{p.ID, p.ID}
		got := mustField(t, s, in)
		read, err := s.Fields.Get(ctx, got.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := `{"name":"reason","label":"Reason","help":"Why they wrote","type":"choice","options":["Refund","Exchange"],"on_card":true,"position":0,"pipelines":[` + asJSON(p.ID) + `]}`
		if g := asJSON(read); !strings.Contains(g, want[1:len(want)-1]) {
			t.Fatalf("read back %s, want %s", g, want)
		}
		_, err = s.Fields.Create(ctx, reason())
		if testutil.Fields(err)["name"] != "another field already has this name" {
			t.Fatalf("duplicate name: %v", err)
		}
		in.Pipelines = []int64{999}
		in.Name = "other"
		if _, err = s.Fields.Create(ctx, in); !strings.Contains(testutil.Fields(err)["pipelines"], "999") {
			t.Fatalf("missing pipeline: %v", err)
		}
		upd := field.InputOf(got)
		upd.Label, upd.Pipelines = "Return reason", nil
		got, err = s.Fields.Update(ctx, got.ID, upd)
		if err != nil || got.Label != "Return reason" || len(got.Pipelines) != 0 {
			t.Fatalf("update: %+v %v", got, err)
		}
		upd.Name = "return_reason"
		if _, err = s.Fields.Update(ctx, got.ID, upd); !strings.Contains(testutil.Fields(err)["name"], "never changes") {
			t.Fatalf("rename: %v", err)
		}
	})
}

func TestFieldValuesOnTickets(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		ctx, s := context.Background(), testutil.Services(t, d)
		mustField(t, s, reason())
		mustField(t, s, field.Input{Name: "amount", Label: "Refund amount", Type: field.Number})
		mustField(t, s, field.Input{Name: "parts", Label: "Parts", Type: field.MultiChoice, Options: []string{"Lid", "Base", "Cord"}})
		mustField(t, s, field.Input{Name: "urgent_ship", Label: "Ship first", Type: field.Checkbox})
		tk, err := newTicket(t, s, map[string]any{"reason": "Refund", "amount": json.Number("12.50"),
			"parts": []any{"Cord", "Lid"}, "urgent_ship": true})
		if err != nil {
			t.Fatal(err)
		}
		want := `{"amount":12.5,"parts":["Lid","Cord"],"reason":"Refund","urgent_ship":true}`
		if g := asJSON(tk.Custom); g != want {
			t.Fatalf("created with %s, want %s", g, want)
		}
		tk, err = s.Tickets.Update(ctx, tk.ID, ticket.Patch{Custom: map[string]any{"amount": nil, "urgent_ship": false,
			"parts": []any{"Base"}}, ActorID: 0})
		if err != nil {
			t.Fatal(err)
		}
		want = `{"amount":null,"parts":["Base"],"reason":"Refund","urgent_ship":false}`
		if g := asJSON(tk.Custom); g != want {
			t.Fatalf("patched to %s, want %s", g, want)
		}
		var rows int
		if err := d.Read.QueryRowContext(ctx, `SELECT count(*) FROM ticket_values WHERE ticket_id = $1`, tk.ID).Scan(&rows); err != nil || rows != 2 {
			t.Fatalf("%d rows (%v), want 2: reason and one part; an unticked box and a cleared number have none", rows, err)
		}
		events, err := s.Tickets.History(ctx, tk.ID)
		if err != nil {
			t.Fatal(err)
		}
		var changed []string
		for _, e := range events {
			if e.Kind == ticket.EventField {
				changed = append(changed, asJSON(e.Data))
			}
		}
		if len(changed) != 3 || !strings.Contains(strings.Join(changed, " "), `"from":12.5,"label":"Refund amount","to":null`) {
			t.Fatalf("history %v", changed)
		}
		page, err := s.Tickets.List(ctx, ticket.Filter{})
		if err != nil || len(page.Items) != 1 || asJSON(page.Items[0].Custom) != want {
			t.Fatalf("list: %+v %v", page.Items, err)
		}
	})
}

func TestFieldValuesRefused(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		ctx, s := context.Background(), testutil.Services(t, d)
		mustField(t, s, reason())
		mustField(t, s, field.Input{Name: "amount", Label: "Refund amount", Type: field.Number})
		other, err := s.Pipelines.Create(ctx, "Sales", pipeline.DefaultStatuses)
		if err != nil {
			t.Fatal(err)
		}
		mustField(t, s, field.Input{Name: "deal", Label: "Deal size", Type: field.Number, Pipelines: []int64{other.ID}})
		_, err = newTicket(t, s, map[string]any{"amount": "twelve", "reason": "Other", "deal": json.Number("3"), "nope": "x"})
		want := map[string]string{"fields.amount": "must be a number", "fields.reason": "must be one of the options: Refund, Exchange",
			"fields.deal": "does not apply to tickets of this pipeline", "fields.nope": "no such field"}
		if g := testutil.Fields(err); asJSON(g) != asJSON(want) {
			t.Fatalf("errors %v, want %v", g, want)
		}
		var n int
		if err := d.Read.QueryRowContext(ctx, `SELECT count(*) FROM tickets`).Scan(&n); err != nil || n != 0 {
			t.Fatalf("%d tickets after a refused create (%v)", n, err)
		}
		tk, err := newTicket(t, s, map[string]any{"reason": "Refund"})
		if err != nil {
			t.Fatal(err)
		}
		_, err = s.Tickets.Update(ctx, tk.ID, ticket.Patch{Subject: testutil.Ptr("New subject"),
			Custom: map[string]any{"reason": "Exchange", "amount": true}})
		if testutil.Fields(err)["fields.amount"] != "must be a number" {
			t.Fatalf("patch: %v", err)
		}
		if got, _ := s.Tickets.Get(ctx, tk.ID); got.Custom["reason"] != "Refund" || got.Subject != "Broken kettle" {
			t.Fatalf("a refused patch wrote %v %q", got.Custom, got.Subject)
		}
	})
}

func TestFieldChangesGuarded(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		ctx, s := context.Background(), testutil.Services(t, d)
		def := mustField(t, s, reason())
		in := field.InputOf(def)
		in.Type, in.Options = field.Text, nil
		if _, err := s.Fields.Update(ctx, def.ID, in); err != nil {
			t.Fatalf("a field without values changes type: %v", err)
		}
		in.Type, in.Options = field.Choice, []string{"Refund", "Exchange"}
		if _, err := s.Fields.Update(ctx, def.ID, in); err != nil {
			t.Fatal(err)
		}
		if _, err := newTicket(t, s, map[string]any{"reason": "Refund"}); err != nil {
			t.Fatal(err)
		}
		in.Type, in.Options = field.Text, nil
		_, err := s.Fields.Update(ctx, def.ID, in)
		if msg := testutil.Fields(err)["type"]; !strings.Contains(msg, "holds values on 1 ticket; a field that holds values cannot change type") {
			t.Fatalf("type change: %v", err)
		}
		in.Type, in.Options = field.Choice, []string{"Exchange"}
		if _, err = s.Fields.Update(ctx, def.ID, in); !strings.Contains(testutil.Fields(err)["options"], `"Refund" is chosen on 1 ticket`) {
			t.Fatalf("option removal: %v", err)
		}
		var closed int64
		if err := d.Read.QueryRowContext(ctx, `SELECT id FROM statuses WHERE name = 'Closed'`).Scan(&closed); err != nil {
			t.Fatal(err)
		}
		if _, err := d.Write.ExecContext(ctx, `INSERT INTO status_required (status_id, property) VALUES ($1, 'reason')`, closed); err != nil {
			t.Fatal(err)
		}
		err = s.Fields.Delete(ctx, def.ID)
		if !errors.Is(err, domain.ErrConflict) || !strings.Contains(err.Error(), "Closed (Support)") {
			t.Fatalf("delete of a required field: %v", err)
		}
		if _, err := d.Write.ExecContext(ctx, `DELETE FROM status_required`); err != nil {
			t.Fatal(err)
		}
		if err := s.Fields.Delete(ctx, def.ID); err != nil {
			t.Fatal(err)
		}
		var rows int
		if err := d.Read.QueryRowContext(ctx, `SELECT count(*) FROM ticket_values`).Scan(&rows); err != nil || rows != 0 {
			t.Fatalf("%d values left after delete (%v)", rows, err)
		}
	})
}

// TestFieldFilterBothWays: a list filtered by a value finds the same
// tickets whether it starts from the value's rows (a rare value) or walks
// the list probing each ticket (a common one), and by an unset value.
func TestFieldFilterBothWays(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		ctx, s := context.Background(), testutil.Services(t, d)
		def := mustField(t, s, reason())
		vip := mustField(t, s, field.Input{Name: "vip", Label: "VIP", Type: field.Checkbox})
		var want []int64
		for i, v := range []string{"Refund", "Exchange", "Refund", ""} {
			custom := map[string]any{"vip": i == 1}
			if v != "" {
				custom["reason"] = v
			}
			tk, err := newTicket(t, s, custom)
			if err != nil {
				t.Fatal(err)
			}
			if v == "Refund" {
				want = append([]int64{tk.ID}, want...) // the list shows the latest first
			}
		}
		m, err := s.Fields.ParseMatch(ctx, "field", "reason:Refund")
		if err != nil || !m.Few || m.FieldID != def.ID || m.Value != "Refund" {
			t.Fatalf("match %+v %v", m, err)
		}
		for _, few := range []bool{true, false} {
			m.Few = few
			page, err := s.Tickets.List(ctx, ticket.Filter{Custom: []field.Match{m}})
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, tk := range page.Items {
				got = append(got, tk.ID)
			}
			if asJSON(got) != asJSON(want) {
				t.Errorf("few=%v: tickets %v, want %v", few, got, want)
			}
		}
		unset, err := s.Fields.ParseMatch(ctx, "field", "vip:false")
		if err != nil || !unset.Absent || unset.FieldID != vip.ID {
			t.Fatalf("vip:false: %+v %v", unset, err)
		}
		page, err := s.Tickets.List(ctx, ticket.Filter{Custom: []field.Match{unset}})
		if err != nil || len(page.Items) != 3 {
			t.Fatalf("unticked: %d tickets (%v), want 3", len(page.Items), err)
		}
		for _, bad := range []string{"reason", "nope:x", "vip:maybe", "reason:Other"} {
			if _, err := s.Fields.ParseMatch(ctx, "field", bad); testutil.Fields(err)["field"] == "" {
				t.Errorf("%q: %v, want a message on field", bad, err)
			}
		}
	})
}

func contactIdentity(email string) contact.Identity { return contact.Identity{Email: email} }

// TestPipelineDeleteKeepsLimitedFields: deleting the one pipeline a field
// is limited to would make it apply everywhere, so it is refused.
func TestPipelineDeleteKeepsLimitedFields(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		ctx, s := context.Background(), testutil.Services(t, d)
		p, err := s.Pipelines.Create(ctx, "Returns", pipeline.DefaultStatuses)
		if err != nil {
			t.Fatal(err)
		}
		in := reason()
		in.Pipelines = []int64{p.ID}
		def := mustField(t, s, in)
		err = s.Pipelines.Delete(ctx, p.ID)
		if !errors.Is(err, domain.ErrConflict) || !strings.Contains(err.Error(), "the ticket field Reason applies only to this pipeline") {
			t.Fatalf("delete: %v", err)
		}
		in.Pipelines = nil
		if _, err := s.Fields.Update(ctx, def.ID, in); err != nil {
			t.Fatal(err)
		}
		if err := s.Pipelines.Delete(ctx, p.ID); err != nil {
			t.Fatalf("delete once the field applies everywhere: %v", err)
		}
	})
}
