package ui

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/mail/outbound"
	"github.com/frontdesk/frontdesk/internal/team"
)

// TeamMailView is a team's mail templates page: one block per kind of
// mail, each with its preview.
type TeamMailView struct {
	SettingsBase
	Team         team.Team
	Blocks       []MailBlock
	Placeholders []string
}

// MailBlock is the form and preview of one template.
type MailBlock struct {
	outbound.Template
	Title, Help string
	Switchable  bool
	Preview     outbound.Rendered
}

// Action is where the form posts.
func (v TeamMailView) Action() string {
	return "/settings/teams/" + strconv.FormatInt(v.Team.ID, 10) + "/mail"
}

var mailTitles = map[outbound.Kind][2]string{
	outbound.Reply:    {"Reply", "Wraps every public reply an operator writes. Always sent."},
	outbound.Received: {"Ticket received", "Sent when a customer opens a ticket by mail, web form or widget."},
	outbound.Closed:   {"Ticket closed", "Sent when a ticket moves to a closed status."},
}

// sampleValues fill the preview.
var sampleValues = outbound.Values{TicketNumber: 1042, TicketSubject: "My parcel has not arrived",
	TicketURL: "https://support.example.com/t/Xb3…", ContactFirstName: "Ada", ContactName: "Ada Lovelace",
	AgentName: "Grace Hopper", MessageText: "We have sent a new parcel; it arrives on Friday.",
	MessageHTML: "<p>We have sent a new parcel; it arrives on Friday.</p>"}

func (u *UI) teamMailView(r *http.Request, t team.Team, ts []outbound.Template) TeamMailView {
	v := TeamMailView{SettingsBase: u.settingsBase(r, "teams"), Team: t}
	for _, p := range outbound.Placeholders {
		v.Placeholders = append(v.Placeholders, "{{"+p+"}}")
	}
	vals := sampleValues
	vals.TeamName = t.Name
	for _, tpl := range ts {
		b := MailBlock{Template: tpl, Title: mailTitles[tpl.Kind][0], Help: mailTitles[tpl.Kind][1],
			Switchable: tpl.Kind != outbound.Reply}
		b.Preview, _ = tpl.Render(vals) // a template with errors shows no preview
		v.Blocks = append(v.Blocks, b)
	}
	return v
}

// templatesFrom reads the three templates as typed.
func templatesFrom(f url.Values) []outbound.Template {
	var ts []outbound.Template
	for _, k := range outbound.Kinds {
		p := string(k) + "."
		ts = append(ts, outbound.Template{Kind: k, Enabled: k == outbound.Reply || f.Has(p+"enabled"),
			Subject: f.Get(p + "subject"), Body: f.Get(p + "body")})
	}
	return ts
}
