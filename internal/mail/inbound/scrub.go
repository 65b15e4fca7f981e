package inbound

import (
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/mail/parse"
)

// scrub makes a parsed mail's text storable before anything reads it. The
// ticket service refuses control characters (PostgreSQL cannot store NUL
// at all), but an honest mail is never refused for them: they are dropped,
// and the rest of the text is kept.
func scrub(m *parse.Message) {
	line := func(s *string) { *s = domain.Clean(*s, false) }
	for _, list := range [][]parse.Address{m.From, m.To, m.Cc, m.ReplyTo} {
		for i := range list {
			line(&list[i].Name)
			line(&list[i].Address)
		}
	}
	for _, s := range []*string{&m.Subject, &m.MessageID, &m.InReplyTo} {
		line(s)
	}
	for i := range m.References {
		line(&m.References[i])
	}
	m.TextBody = domain.Clean(m.TextBody, true)
	m.HTMLBody = domain.Clean(m.HTMLBody, true)
	for i := range m.Attachments {
		line(&m.Attachments[i].Filename)
		line(&m.Attachments[i].ContentType)
		line(&m.Attachments[i].ContentID)
	}
}
