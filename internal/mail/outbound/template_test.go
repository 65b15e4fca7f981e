package outbound_test

import (
	"context"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/mail/outbound"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func TestTemplateRenderEscapesForHTMLAndKeepsTheTokenAndLink(t *testing.T) {
	tpl := outbound.Template{Kind: outbound.Received, Subject: "Hi {{ contact.first_name }}",
		Body: "Dear {{contact.name}} <b>,\n{{agent.name}} of {{team.name}} got {{ticket.subject}}."}
	v := outbound.Values{TicketNumber: 1042, TicketSubject: "<script>x</script>", TicketURL: "https://fd.example/t/abc",
		ContactName: "Tom & Jerry", AgentName: "Grace", TeamName: "Support"}
	r, err := tpl.Render(v)
	if err != nil {
		t.Fatal(err)
	}
	if r.Subject != "[#1042] Hi Tom & Jerry" {
		t.Errorf("subject = %q (first name falls back to the name; the [#n] token is added)", r.Subject)
	}
	if !strings.Contains(r.Text, "Dear Tom & Jerry <b>,\nGrace of Support got <script>x</script>.") ||
		!strings.HasSuffix(r.Text, "\n\nhttps://fd.example/t/abc") {
		t.Errorf("text = %q", r.Text)
	}
	if strings.Contains(r.HTML, "<script>") || strings.Contains(r.HTML, "<b>") ||
		!strings.Contains(r.HTML, "Tom &amp; Jerry &lt;b&gt;") || !strings.Contains(r.HTML, `<a href="https://fd.example/t/abc">`) {
		t.Errorf("html = %q", r.HTML)
	}
}

func TestSavingTemplatesReportsEachBadField(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s, _ := setup(t, d)
		ctx := context.Background()
		team, _ := s.Teams.Find(ctx, d.Read, "support")
		bad := []outbound.Template{
			{Kind: outbound.Reply, Subject: "{{ticket.subject}}", Body: "Thanks, {{agent.name}}"},
			{Kind: outbound.Received, Enabled: true, Subject: "Got {{ticket.title}}", Body: "ok {{ticket_url}}"},
			{Kind: outbound.Closed, Subject: "", Body: "bye {{contact.first_name"},
		}
		err := s.Outbox.SaveTemplates(ctx, team.ID, bad)
		want := map[string]string{"reply.body": "{{message.body}}", "received.subject": "unknown placeholder {{ticket.title}}",
			"closed.subject": "required", "closed.body": "closing }}"}
		fields := testutil.Fields(err)
		for k, v := range want {
			if !strings.Contains(fields[k], v) {
				t.Errorf("%s: %q, want it to mention %q", k, fields[k], v)
			}
		}
		if len(fields) != len(want) {
			t.Errorf("fields = %v", fields)
		}
		got, _ := s.Outbox.Templates(ctx, team.ID)
		if got[1] != outbound.Defaults()[outbound.Received] {
			t.Errorf("a failed save changed the templates: %+v", got[1])
		}
		good := outbound.Template{Kind: outbound.Closed, Subject: "Done: {{ticket.subject}}", Body: "Bye {{contact.name}}"}
		if err := s.Outbox.SaveTemplates(ctx, team.ID, []outbound.Template{good}); err != nil {
			t.Fatal(err)
		}
		got, _ = s.Outbox.Templates(ctx, team.ID)
		if got[2] != good || got[0] != outbound.Defaults()[outbound.Reply] {
			t.Errorf("after saving: %+v", got)
		}
	})
}
