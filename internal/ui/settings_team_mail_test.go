package ui_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

func TestSettingsTeamMailTemplates(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		team, err := e.s.Teams.Find(ctx, d.Read, "support")
		if err != nil {
			t.Fatal(err)
		}
		path := "/settings/teams/" + itoa(team.ID) + "/mail"
		e.getAs("agent", path, http.StatusForbidden)
		e.postAs("agent", path, url.Values{}, http.StatusForbidden)
		e.getAs("agent", "/settings/outbox", http.StatusForbidden)
		expect(t, "team page", e.getAs("admin", "/settings/teams/"+itoa(team.ID), http.StatusOK), []string{`href="` + path + `"`}, nil)
		expect(t, "mail page", e.getAs("admin", path, http.StatusOK), []string{"Ticket received", "{{ticket_url}}",
			`name="received.enabled" checked`, "[#1042] We received your request: My parcel has not arrived"}, []string{`name="reply.enabled"`})

		form := url.Values{"reply.subject": {"{{ticket.subject}}"}, "reply.body": {"{{message.body}} -- {{agent.name}}"},
			"received.subject": {"Thanks {{contact.nickname}}"}, "received.body": {"<b>We got it</b>"},
			"closed.subject": {"Done"}, "closed.body": {"Bye {{contact.first_name}}"}, "closed.enabled": {"on"}}
		bad := e.postAs("admin", path, form, http.StatusUnprocessableEntity)
		expect(t, "bad template", bad, []string{`id="received.subject-error"`, "Unknown placeholder {{contact.nickname}}",
			`value="Thanks {{contact.nickname}}"`, "&lt;b&gt;We got it&lt;/b&gt;"}, []string{"<b>We got it</b>"})

		form.Set("received.subject", "Thanks {{contact.first_name}}")
		form.Set("preview", "1")
		expect(t, "preview", e.postAs("admin", path, form, http.StatusOK), []string{"[#1042] Thanks Ada"}, nil)
		form.Del("preview")
		e.postAs("admin", path, form, http.StatusSeeOther)
		expect(t, "saved", e.getAs("admin", path+"?done=mail-saved", http.StatusOK), []string{"Mail templates saved.",
			`value="Thanks {{contact.first_name}}"`, `name="received.enabled">`}, nil)

		// Switched off, a new mail ticket queues no acknowledgement; the outbox page shows what was queued.
		tk, err := e.s.Tickets.Create(ctx, ticket.NewTicket{Subject: "Printer on fire", Team: "support", Description: "x",
			Channel: ticket.Email, Contact: contact.Identity{Email: "ada@example.com"}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.s.Tickets.AddMessage(ctx, tk.ID, ticket.NewMessage{Kind: ticket.Reply, Body: "Use water.",
			OperatorID: e.ids["admin"]}); err != nil {
			t.Fatal(err)
		}
		expect(t, "outbox", e.getAs("admin", "/settings/outbox", http.StatusOK), []string{"ada@example.com",
			"Re: [#" + itoa(tk.Number) + "] Printer on fire", "queued", "No SMTP relay is configured"}, []string{"Thanks"})
	})
}
