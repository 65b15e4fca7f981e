package outbound

import (
	"fmt"
	"html"
	"strings"

	"github.com/frontdesk/frontdesk/internal/domain"
)

// Kind is the occasion of a mail.
type Kind string

// A reply carries an operator's public answer; received and closed are
// automatic acknowledgements and carry Auto-Submitted.
const (
	Reply    Kind = "reply"
	Received Kind = "received"
	Closed   Kind = "closed"
	// Transcript is a chat's public messages, mailed at the visitor's
	// request; it has no team template (see transcript.go).
	Transcript Kind = "transcript"
)

// Kinds lists the mails a team has templates for, in settings order.
var Kinds = []Kind{Reply, Received, Closed}

// Automatic reports whether no person wrote the mail.
func (k Kind) Automatic() bool { return k != Reply }

// Placeholders are the names a template may use, as {{name}}.
var Placeholders = []string{"ticket.number", "ticket.subject", "ticket_url", "contact.first_name",
	"contact.name", "agent.name", "team.name", "message.body", "rating_links"}

// Values are what the placeholders stand for in one mail.
type Values struct {
	TicketNumber     int64
	TicketSubject    string
	TicketURL        string
	ContactFirstName string
	ContactName      string
	AgentName        string
	TeamName         string
	MessageText      string
	MessageHTML      string // already sanitised when it came from a customer
	RatingURL        string // the ticket's rating link, without the face chosen
}

// ratingFaces are the three one-click ratings of {{rating_links}}.
var ratingFaces = [][2]string{{"satisfied", "Satisfied"}, {"okay", "Okay"}, {"dissatisfied", "Dissatisfied"}}

func (v Values) ratingURL(face string) string { return v.RatingURL + "?r=" + face }

func (v Values) text(name string) string {
	switch name {
	case "ticket.number":
		return fmt.Sprint(v.TicketNumber)
	case "ticket.subject":
		return v.TicketSubject
	case "ticket_url":
		return v.TicketURL
	case "contact.first_name":
		if v.ContactFirstName == "" {
			return v.ContactName
		}
		return v.ContactFirstName
	case "contact.name":
		return v.ContactName
	case "agent.name":
		return v.AgentName
	case "team.name":
		return v.TeamName
	case "message.body":
		return v.MessageText
	case "rating_links":
		var b strings.Builder
		for _, f := range ratingFaces {
			b.WriteString(f[1] + ": " + v.ratingURL(f[0]) + "\n")
		}
		return strings.TrimSuffix(b.String(), "\n")
	}
	return ""
}

// segment is literal text, or a placeholder when name is set.
type segment struct{ text, name string }

// parseTemplate splits s into literal text and known placeholders.
func parseTemplate(s string) ([]segment, error) {
	var out []segment
	for {
		open := strings.Index(s, "{{")
		if open < 0 {
			return append(out, segment{text: s}), nil
		}
		end := strings.Index(s[open:], "}}")
		if end < 0 {
			return nil, fmt.Errorf("has {{ without a closing }}")
		}
		name := strings.TrimSpace(s[open+2 : open+end])
		if !known(name) {
			return nil, fmt.Errorf("unknown placeholder {{%s}}; use %s", name, placeholderList())
		}
		out = append(out, segment{text: s[:open]}, segment{name: name})
		s = s[open+end+2:]
	}
}

func known(name string) bool {
	for _, p := range Placeholders {
		if p == name {
			return true
		}
	}
	return false
}

func placeholderList() string {
	names := make([]string, len(Placeholders))
	for i, p := range Placeholders {
		names[i] = "{{" + p + "}}"
	}
	return strings.Join(names, ", ")
}

func renderText(segs []segment, v Values) string {
	var b strings.Builder
	for _, s := range segs {
		if s.name == "" {
			b.WriteString(s.text)
		} else {
			b.WriteString(v.text(s.name))
		}
	}
	return b.String()
}

// renderHTML escapes everything but the message's own HTML, and makes the
// ticket link clickable.
func renderHTML(segs []segment, v Values) string {
	var b strings.Builder
	for _, s := range segs {
		switch s.name {
		case "":
			b.WriteString(strings.ReplaceAll(html.EscapeString(s.text), "\n", "<br>\n"))
		case "message.body":
			b.WriteString("<div>" + v.MessageHTML + "</div>")
		case "ticket_url":
			u := html.EscapeString(v.TicketURL)
			b.WriteString(`<a href="` + u + `">` + u + `</a>`)
		case "rating_links":
			for i, f := range ratingFaces {
				if i > 0 {
					b.WriteString(" · ")
				}
				b.WriteString(`<a href="` + html.EscapeString(v.ratingURL(f[0])) + `">` + f[1] + `</a>`)
			}
		default:
			b.WriteString(html.EscapeString(v.text(s.name)))
		}
	}
	return b.String()
}

// Template is a team's subject and body for one kind of mail.
type Template struct {
	Kind    Kind   `json:"kind"`
	Enabled bool   `json:"enabled"`
	Subject string `json:"subject"`
	Body    string `json:"body"`
}

// Limits on a template.
const (
	MaxTemplateSubject = 250
	MaxTemplateBody    = 20_000
)

// Validate reports each bad field as "<kind>.subject" or "<kind>.body".
func (t Template) Validate() error {
	var c domain.Check
	t.check(&c)
	return c.Err()
}

func (t Template) check(c *domain.Check) {
	k := string(t.Kind)
	c.Line(k+".subject", t.Subject)
	c.Text(k+".body", t.Body)
	if _, err := parseTemplate(t.Subject); err != nil {
		c.Add(k+".subject", err.Error())
	}
	c.Require(strings.TrimSpace(t.Subject) != "", k+".subject", "is required")
	c.Require(len(t.Subject) <= MaxTemplateSubject, k+".subject", fmt.Sprintf("must be at most %d bytes", MaxTemplateSubject))
	c.Require(!strings.ContainsAny(t.Subject, "\r\n"), k+".subject", "must be one line")
	if _, err := parseTemplate(t.Body); err != nil {
		c.Add(k+".body", err.Error())
	}
	c.Require(strings.TrimSpace(t.Body) != "", k+".body", "is required")
	c.Require(len(t.Body) <= MaxTemplateBody, k+".body", fmt.Sprintf("must be at most %d bytes", MaxTemplateBody))
	if t.Kind == Reply {
		c.Require(strings.Contains(t.Body, "message.body"), k+".body", "must contain {{message.body}}, the reply itself")
	}
}

// Rendered is a template filled in for one mail.
type Rendered struct {
	Subject, Text, HTML string
}

// Render fills t with v. The subject always carries [#number] (inbound
// threading relies on it) and the body always the public link.
func (t Template) Render(v Values) (Rendered, error) {
	subj, err := parseTemplate(t.Subject)
	if err != nil {
		return Rendered{}, err
	}
	body, err := parseTemplate(t.Body)
	if err != nil {
		return Rendered{}, err
	}
	r := Rendered{
		Subject: strings.Join(strings.Fields(renderText(subj, v)), " "),
		Text:    renderText(body, v),
		HTML:    renderHTML(body, v),
	}
	if tag := fmt.Sprintf("[#%d]", v.TicketNumber); !strings.Contains(r.Subject, tag) {
		r.Subject = tag + " " + r.Subject
	}
	if t.Kind == Reply {
		r.Subject = "Re: " + r.Subject
	}
	if !strings.Contains(r.Text, v.TicketURL) {
		r.Text += "\n\n" + v.TicketURL
	}
	if !strings.Contains(t.Body, "ticket_url") {
		u := html.EscapeString(v.TicketURL)
		r.HTML += `<p><a href="` + u + `">` + u + `</a></p>`
	}
	r.HTML = `<!DOCTYPE html><html><body style="font-family: sans-serif; line-height: 1.5">` + r.HTML + `</body></html>`
	return r, nil
}
