package inbound

import (
	"context"
	"errors"
	"strings"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/mail/auth"
	"github.com/frontdesk/frontdesk/internal/mail/parse"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// mailIn is a parsed mail with everything looked up that needs no
// transaction: sender, team, reply tokens, stored attachments.
type mailIn struct {
	msg        *parse.Message
	sender     string // lower-case address
	senderName string
	teamID     int64
	// tokens of reply addresses it was sent to that may thread it: the
	// envelope's (counted at RCPT), else the first of To and Cc that
	// named a ticket within the guess budget (see headerTokens)
	tokens     []replyToken
	operatorID int64 // the sender is this active operator
	others     []ticket.Participant
	own        bool
	auto       bool
	body       string
	words      ticket.Words // of body, prepared outside the transaction
	html       string
	files      []ticket.NewAttachment
	headers    *ticket.MailHeaders

	auth *auth.Result // DKIM, SPF and DMARC; nil when not checked
	// impostor: the From is an operator's, but the checks do not vouch for
	// it, so the mail is a customer's, never that operator's answer.
	impostor bool
}

// maxParticipants bounds the people one mail adds to a ticket.
const maxParticipants = 20

func (in *Intake) prepare(ctx context.Context, row rawRow, raw []byte, m *parse.Message) (*mailIn, error) {
	scrub(m)
	mi := &mailIn{msg: m, own: isOwnMail(m)}
	if len(m.From) > 0 {
		mi.sender, mi.senderName = fold(m.From[0].Address), m.From[0].Name
	}
	if mi.own || m.Delivery != nil {
		_, err := in.findTeam(ctx, row, mi)
		return mi, err
	}
	if _, ok := domain.NormalizeEmail(mi.sender); !ok {
		return nil, &permanentError{reason: "the mail has no valid From address"}
	}
	mi.auto = isAutomatic(m, mi.sender)
	mi.auth = in.authenticate(ctx, row, raw, mi.sender)
	headers, err := in.findTeam(ctx, row, mi)
	if err != nil {
		return nil, err
	}
	if err := in.headerTokens(ctx, row, mi, headers); err != nil {
		return nil, err
	}
	if err := in.findPeople(ctx, mi); err != nil {
		return nil, err
	}
	mi.body = clip(strings.TrimSpace(m.TextBody), ticket.MaxBody)
	if mentionsHTML(raw) {
		mi.html = SanitizeHTML(in.policy(), m.HTMLBody)
	} // else the parser made its HTML from the text: the ticket renders the text itself
	files, err := storeAttachments(in.Blobs, m)
	mi.files = files
	if mi.body == "" && len(files) == 0 {
		mi.body = "(empty mail)"
	}
	mi.words = ticket.PrepareWords(mi.body)
	mi.headers = &ticket.MailHeaders{MessageID: m.MessageID, InReplyTo: m.InReplyTo,
		References: strings.Join(m.References, " "), From: addressList(m.From), To: addressList(m.To),
		Cc: addressList(m.Cc), AutoSubmitted: mi.auto}
	return mi, err
}

// findTeam takes the team from the envelope (set at Accept), else from a
// team alias among the To and Cc addresses, else the first team; and
// collects the ticket tokens of reply addresses on the way: those the SMTP
// listener took at RCPT into mi.tokens (it counted them), the others
// (headers) for headerTokens to look up within the guess budget.
func (in *Intake) findTeam(ctx context.Context, row rawRow, mi *mailIn) (headers []replyToken, err error) {
	candidates, counted := strings.Split(row.envelopeTo, ","), 0
	if row.source == SourceSMTP {
		counted = len(candidates)
	}
	for _, a := range append(append([]parse.Address{}, mi.msg.To...), mi.msg.Cc...) {
		candidates = append(candidates, a.Address)
	}
	for i, addr := range candidates {
		t, token, err := in.Recipient(ctx, addr)
		if errors.Is(err, team.ErrNotFound) || strings.TrimSpace(addr) == "" {
			continue
		}
		if err != nil {
			return nil, err
		}
		switch rt := (replyToken{token: token, teamID: t.ID}); {
		case token == "":
		case i < counted:
			mi.tokens = append(mi.tokens, rt)
		default:
			headers = append(headers, rt)
		}
		if mi.teamID == 0 {
			mi.teamID = t.ID
		}
	}
	return headers, in.defaultTeam(ctx, row, mi)
}

// defaultTeam sets the team the channel fixed, else the first team when
// no address named one.
func (in *Intake) defaultTeam(ctx context.Context, row rawRow, mi *mailIn) error {
	if row.teamID != nil {
		mi.teamID = *row.teamID
	}
	if mi.teamID != 0 {
		return nil
	}
	teams, err := in.Teams.List(ctx)
	if err != nil || len(teams) == 0 {
		return errors.Join(err, errors.New("no team to file the mail in"))
	}
	mi.teamID = teams[0].ID
	return nil
}

// findPeople finds whether the sender is an operator, and who else the
// mail went to: the To and Cc addresses that are neither ours, nor the
// sender, nor an operator.
func (in *Intake) findPeople(ctx context.Context, mi *mailIn) error {
	op, err := in.Operators.GetByEmail(ctx, mi.sender)
	if err == nil && op.Active {
		mi.operatorID = op.ID
		if mi.auth != nil && !mi.auth.Vouched() {
			mi.operatorID, mi.impostor = 0, true
			mi.auth.Detail += "\nThe From is operator " + op.Email + "'s, but the checks do not vouch for it:" +
				" filed as a customer's mail."
		}
	} else if err != nil && !errors.Is(err, operator.ErrNotFound) {
		return err
	}
	seen := map[string]bool{mi.sender: true}
	for _, a := range append(append([]parse.Address{}, mi.msg.To...), mi.msg.Cc...) {
		addr := fold(a.Address)
		if seen[addr] || len(mi.others) >= maxParticipants {
			continue
		}
		seen[addr] = true
		if _, _, err := in.Recipient(ctx, addr); err == nil {
			continue // one of our aliases
		}
		if _, err := in.Operators.GetByEmail(ctx, addr); err == nil {
			continue
		}
		mi.others = append(mi.others, ticket.Participant{Email: addr, Name: a.Name})
	}
	return nil
}

// mentionsHTML reports whether raw names text/html anywhere, in any case:
// without it the mail has no HTML part. Sanitising is the costliest step of
// processing, and most mail that customers type is plain text.
func mentionsHTML(raw []byte) bool {
	const want = "text/html"
	for i := 0; i+len(want) <= len(raw); i++ {
		if raw[i]|0x20 != 't' {
			continue
		}
		j := 0
		for j < len(want) && (raw[i+j]|0x20) == want[j] {
			j++
		}
		if j == len(want) {
			return true
		}
	}
	return false
}
