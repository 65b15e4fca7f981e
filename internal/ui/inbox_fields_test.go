package ui_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

func TestInboxFieldFiltersAndColumns(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		e.defineFields()
		e.s.Fields.Create(context.Background(), fieldInput("order", "Order number"))
		ctx := context.Background()
		refund := e.open("Refund kettle", 0, "")
		swap := e.open("Swap toaster", 1, "")
		e.open("Plain question", 2, "")
		set := func(id int64, v map[string]any) {
			if _, err := e.s.Tickets.Update(ctx, id, ticket.Patch{Custom: v}); err != nil {
				t.Fatal(err)
			}
		}
		set(refund.ID, map[string]any{"reason": "Refund", "amount": json.Number("12.5"), "vip": true, "order": "A-100"})
		set(swap.ID, map[string]any{"reason": "Exchange", "parts": []any{"Lid", "Cord"}})
		cases := []struct {
			name      string
			query     url.Values
			has, hasn []string
		}{
			{"choice", url.Values{"view": {"open"}, "field": {"reason:Refund"}}, []string{"Refund kettle", `<option value="reason:Refund" selected>Return reason: Refund</option>`},
				[]string{"Swap toaster", "Plain question"}},
			{"multi", url.Values{"view": {"open"}, "field": {"parts:Cord"}}, []string{"Swap toaster"}, []string{"Refund kettle"}},
			{"checkbox unticked", url.Values{"view": {"open"}, "field": {"vip:false"}}, []string{"Swap toaster", "Plain question"}, []string{"Refund kettle"}},
			{"text equals", url.Values{"view": {"open"}, "fk": {"order"}, "fv": {"A-100"}}, []string{"Refund kettle", `name="fv" value="A-100"`,
				`<option value="order" selected>Order number</option>`}, []string{"Swap toaster"}},
			{"two filters", url.Values{"view": {"open"}, "field": {"reason:Refund", "vip:true"}}, []string{"Refund kettle",
				`<input type="hidden" name="field" value="vip:true">`}, []string{"Swap toaster"}},
			{"bad value", url.Values{"view": {"open"}, "field": {"reason:Nope"}}, []string{"These filters cannot be used", "must be one of the options"}, []string{"Refund kettle"}},
			{"columns", url.Values{"view": {"open"}, "col": {"reason", "amount"}}, []string{`class="ticket has-cells"`,
				`<span class="cell"><small>Return reason</small> Refund</span>`, `<span class="cell"><small>Refund amount</small> 12.5</span>`,
				`<small>Refund amount</small> <span class="none">—</span>`, `value="reason" checked`, `name="back" value="/inbox?col=reason&amp;col=amount&amp;view=open"`}, nil},
		}
		for _, c := range cases {
			body := e.get("/inbox?"+c.query.Encode(), http.StatusOK)
			expect(t, c.name, body, c.has, c.hasn)
		}
		board := e.get("/pipelines/1/board", http.StatusOK)
		expect(t, "board card", board, []string{`<div><dt>Return reason</dt><dd>Refund</dd></div>`, `<dd>Exchange</dd>`},
			[]string{`<dt>Refund amount</dt>`})
	})
}
