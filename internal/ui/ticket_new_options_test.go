package ui_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// The new-ticket form: the operator's team first; assignee, status, tags
// and Cc; a message to the customer is mailed as the ticket's start, a
// request is recorded as the customer's, written by the operator; the
// assignee, or the team's members, are told.
func TestNewTicketOptions(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		p, err := e.s.Pipelines.EnsureDefault(ctx)
		if err != nil {
			t.Fatal(err)
		}
		billing, err := e.s.Teams.Create(ctx, team.Input{Name: testutil.Ptr("Billing"),
			MemberIDs: &[]int64{e.ids["agent"], e.ids["admin"]}}, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		form := e.getAs("agent", "/tickets/new", http.StatusOK)
		expect(t, "the agent's team first", form, []string{`<option value="` + itoa(billing.ID) + `" selected>Billing`,
			`name="assignee"`, `<option value="Waiting">Waiting`, `name="tags"`, `name="cc"`, `type="file"`,
			`name="as" value="request" checked`, `enctype="multipart/form-data"`}, nil)

		bad := e.postAs("agent", "/tickets/new", url.Values{"email": {"ada@example.com"}, "subject": {"Refund"},
			"team": {itoa(billing.ID)}, "status": {"Closed"}, "cc": {"not an address"}, "as": {"reply"}}, http.StatusUnprocessableEntity)
		expect(t, "refused", bad, []string{`id="status-error"`, "must be an open status", `id="cc-error"`,
			`value="not an address"`, `id="description-error"`, `name="as" value="reply" checked`}, nil)

		// A message to the customer, for the whole team: mailed, and the team told.
		e.postAs("agent", "/tickets/new", url.Values{"email": {"ada@example.com"}, "subject": {"Your refund"},
			"team": {itoa(billing.ID)}, "status": {"Waiting"}, "tags": {"refund, VIP"}, "cc": {"boss@example.com"},
			"as": {"reply"}, "description": {"We refunded your order."}}, http.StatusSeeOther)
		tk := lastTicket(t, e)
		if tk.Status.Name != "Waiting" || tk.Team.ID != billing.ID || strings.Join(tk.Tags, ",") != "refund,vip" || tk.Assignee != nil {
			t.Fatalf("ticket %+v", tk)
		}
		mails := outboxTo(t, d, "ada@example.com")
		if len(mails) != 1 || !strings.HasPrefix(mails[0], "reply|Re: [#"+itoa(tk.Number)+"] Your refund|We refunded your order.") {
			t.Fatalf("customer mails %q", mails)
		}
		var cc string
		if err := d.Read.QueryRow(`SELECT cc FROM mail_outbox WHERE to_email = 'ada@example.com'`).Scan(&cc); err != nil || !strings.Contains(cc, "boss@example.com") {
			t.Fatalf("cc %q %v", cc, err)
		}
		if got := outboxTo(t, d, "admin@example.com"); len(got) != 1 || !strings.HasPrefix(got[0], "assigned|New ticket for you: [#"+itoa(tk.Number)) {
			t.Fatalf("the team member's mail: %q", got)
		}
		if got := outboxTo(t, d, "agent@example.com"); len(got) != 0 {
			t.Fatalf("the author was told: %q", got)
		}
		msgs, _ := e.s.Tickets.Messages(ctx, tk.ID, false)
		if len(msgs) != 1 || msgs[0].Kind != ticket.Reply || msgs[0].Author.Name != "The agent" {
			t.Fatalf("thread %+v", msgs)
		}

		// The customer's request, assigned to the admin: nothing mailed to the customer, the admin told.
		e.postAs("agent", "/tickets/new", url.Values{"email": {"bob@example.com"}, "subject": {"Broken"},
			"team": {itoa(billing.ID)}, "assignee": {itoa(e.ids["admin"])}, "description": {"It broke, he says."}}, http.StatusSeeOther)
		tk = lastTicket(t, e)
		if got := outboxTo(t, d, "bob@example.com"); len(got) != 0 {
			t.Fatalf("the customer was mailed their own request: %q", got)
		}
		if got := outboxTo(t, d, "admin@example.com"); len(got) != 2 {
			t.Fatalf("the assignee's mails: %q", got)
		}
		msgs, _ = e.s.Tickets.Messages(ctx, tk.ID, false)
		if len(msgs) != 1 || msgs[0].Kind != ticket.Customer || msgs[0].Author.Type != "contact" || msgs[0].Author.WrittenBy != "The agent" {
			t.Fatalf("request %+v", msgs)
		}
		expect(t, "written by", e.getAs("admin", "/tickets/"+itoa(tk.Number), http.StatusOK), []string{"written by The agent"}, nil)

		// A status that requires tags holds the new ticket to it.
		var in []pipeline.StatusInput
		for _, st := range p.Statuses {
			req := []string{}
			if st.Name == "Waiting" {
				req = []string{"tags"}
			}
			in = append(in, pipeline.StatusInput{ID: st.ID, Name: st.Name, Kind: st.Kind, Required: req})
		}
		if _, err := e.s.Pipelines.Update(ctx, p.ID, pipeline.Update{Statuses: in}); err != nil {
			t.Fatal(err)
		}
		held := e.postAs("agent", "/tickets/new", url.Values{"email": {"cy@example.com"}, "subject": {"Later"},
			"team": {itoa(billing.ID)}, "status": {"Waiting"}}, http.StatusUnprocessableEntity)
		expect(t, "required", held, []string{`id="tags-error"`, "Required to enter Waiting."}, nil)
	})
}

func lastTicket(t *testing.T, e *env) ticket.Ticket {
	t.Helper()
	page, err := e.s.Tickets.List(context.Background(), ticket.Filter{Limit: 50})
	if err != nil || len(page.Items) == 0 {
		t.Fatal(err)
	}
	last := page.Items[0]
	for _, tk := range page.Items {
		if tk.Number > last.Number {
			last = tk
		}
	}
	return last
}
