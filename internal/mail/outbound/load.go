package outbound

import (
	"context"
	"database/sql"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// ticketContext is what a mail says about its ticket, read inside the
// change's transaction (on SQLite only the writer sees the change).
type ticketContext struct {
	ID                      int64
	Number                  int64
	Subject, Token, BaseURL string
	TeamID                  int64
	TeamName, Alias         string
	ContactFirst            string
	ContactName             string
	ContactEmail            string
}

func (tc ticketContext) values() Values {
	return Values{TicketNumber: tc.Number, TicketSubject: tc.Subject, TicketURL: tc.url(),
		ContactFirstName: tc.ContactFirst, ContactName: tc.ContactName, TeamName: tc.TeamName,
		RatingURL: strings.TrimRight(tc.BaseURL, "/") + "/rate/" + ticket.RatingToken(tc.ID, tc.Token)}
}

func (tc ticketContext) url() string { return strings.TrimRight(tc.BaseURL, "/") + "/t/" + tc.Token }

// loadTicket reads ticket id and its team's template of kind k (one
// statement: this runs for every mail that opens a ticket).
func loadTicket(ctx context.Context, q db.Querier, id int64, k Kind) (ticketContext, Template, error) {
	tc := ticketContext{ID: id}
	var last string
	var email, subject, body sql.Null[string]
	var enabled sql.Null[bool]
	err := q.QueryRowContext(ctx, `SELECT t.number, t.subject, t.public_token, tm.id, tm.name, tm.email_alias,
		c.first_name, c.last_name,
		(SELECT email FROM contact_emails ce WHERE ce.contact_id = c.id ORDER BY ce.position, ce.email LIMIT 1),
		mt.enabled, mt.subject, mt.body
		FROM tickets t JOIN teams tm ON tm.id = t.team_id JOIN contacts c ON c.id = t.contact_id
		LEFT JOIN team_mail_templates mt ON mt.team_id = t.team_id AND mt.kind = $2
		WHERE t.id = $1`, id, k).Scan(&tc.Number, &tc.Subject, &tc.Token, &tc.TeamID, &tc.TeamName, &tc.Alias,
		&tc.ContactFirst, &last, &email, &enabled, &subject, &body)
	if err == sql.ErrNoRows {
		return tc, Template{}, ticket.ErrNotFound
	}
	tc.ContactEmail = email.V
	tc.ContactName = strings.TrimSpace(tc.ContactFirst + " " + last)
	tpl := Defaults()[k]
	if enabled.Valid {
		tpl = storedTemplate(k, enabled.V, subject.V, body.V)
	}
	return tc, tpl, err
}

// message is a reply as the mail shows it.
type message struct {
	Text, HTML, Author string
	Signature          string // the author's for the ticket's team, "" for none
	Files              []File
}

func loadMessage(ctx context.Context, q db.Querier, id int64) (message, error) {
	var m message
	var author, sig sql.Null[string]
	err := q.QueryRowContext(ctx, `SELECT m.body_text, m.body_html, o.name, s.body FROM messages m
		JOIN tickets t ON t.id = m.ticket_id
		LEFT JOIN operators o ON o.id = m.author_operator_id
		LEFT JOIN operator_signatures s ON s.operator_id = m.author_operator_id AND s.team_id = t.team_id
		WHERE m.id = $1`, id).Scan(&m.Text, &m.HTML, &author, &sig)
	if err != nil {
		return m, err
	}
	m.Author, m.Signature = author.V, sig.V
	rows, err := q.QueryContext(ctx, `SELECT sha256, filename, content_type, content_id, inline FROM attachments
		WHERE message_id = $1 ORDER BY id`, id)
	if err != nil {
		return m, err
	}
	defer rows.Close()
	for rows.Next() {
		var f File
		if err := rows.Scan(&f.SHA256, &f.Filename, &f.ContentType, &f.ContentID, &f.Inline); err != nil {
			return m, err
		}
		// A name stored before the rules grew goes out as it reads in the
		// app, never raw into Content-Disposition.
		f.Filename = ticket.CleanFilename(f.Filename)
		m.Files = append(m.Files, f)
	}
	return m, rows.Err()
}

// maxReferences bounds References: the first mail of the thread and the
// latest ones, as RFC 5322 suggests when trimming.
const maxReferences = 20

// threadIDs returns the Message-IDs of ticket id's thread, oldest first.
func threadIDs(ctx context.Context, q db.Querier, id int64) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT mail_message_id FROM messages WHERE ticket_id = $1
		AND mail_message_id IS NOT NULL ORDER BY id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		if s = strings.Trim(strings.TrimSpace(s), "<>"); s != "" && !strings.ContainsAny(s, " \r\n<>") {
			ids = append(ids, s)
		}
	}
	if len(ids) > maxReferences {
		ids = append(ids[:1], ids[len(ids)-maxReferences+1:]...)
	}
	return ids, rows.Err()
}

// replyAddress puts the ticket's token into the team alias:
// support@example.com becomes support+<token>@example.com.
func replyAddress(alias, token string) string {
	at := strings.LastIndexByte(alias, '@')
	if at < 0 {
		return alias
	}
	return alias[:at] + "+" + token + alias[at:]
}

// otherThan drops the given addresses and repeats from list.
func otherThan(list []Recipient, skip ...string) []Recipient {
	seen := map[string]bool{}
	for _, s := range skip {
		seen[strings.ToLower(s)] = true
	}
	var out []Recipient
	for _, r := range list {
		k := strings.ToLower(strings.TrimSpace(r.Email))
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, Recipient{Name: r.Name, Email: k})
	}
	return out
}
