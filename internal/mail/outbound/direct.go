package outbound

import (
	"context"
	"errors"
	"html"
	"strings"
	"time"
)

// ErrNoRelay says a mail could not go out: no SMTP relay is configured.
var ErrNoRelay = errors.New("no SMTP relay is configured (FRONTDESK_SMTP_RELAY)")

// Direct sends one mail at once through the relay, outside the outbox:
// mail to an operator about their account ("forgot password"), which
// belongs to no ticket and is worth nothing after its hour, so a failure
// is reported to the caller rather than retried for a day.
type Direct struct {
	Relay      *Relay // nil: ErrNoRelay
	MailDomain string
}

// SendText mails text to one address from no-reply@ the mail domain.
func (d *Direct) SendText(ctx context.Context, to, subject, text string) error {
	if d == nil || d.Relay == nil {
		return ErrNoRelay
	}
	s := &Service{MailDomain: d.MailDomain}
	id := s.newMessageID()
	from := "no-reply@" + id[strings.LastIndex(id, "@")+1:]
	m := Mail{From: Recipient{Name: "Frontdesk", Email: from}, To: Recipient{Email: to}, Subject: subject,
		MailMessageID: id, Automatic: true, CreatedAt: time.Now(), Text: text,
		HTML: "<p>" + strings.ReplaceAll(html.EscapeString(text), "\n", "<br>") + "</p>"}
	data, err := Build(m, nil)
	if err != nil {
		return err
	}
	_, err = d.Relay.Send(ctx, from, []string{to}, data)
	return err
}
