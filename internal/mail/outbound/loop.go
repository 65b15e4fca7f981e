package outbound

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// guard applies loop protection and bounces to m, marking it suppressed
// with the reason when it must not go out. The row is still written, so
// admins see in the outbox why a customer heard nothing.
func (s *Service) guard(ctx context.Context, q db.Querier, m *Mail, n ticket.Notice) error {
	if m.To.Email == "" {
		return s.suppress(m, "the contact has no email address")
	}
	if m.Automatic {
		if n.Mail != nil && n.Mail.AutoSubmitted {
			return s.suppress(m, "the mail that opened or changed the ticket was automatic (Auto-Submitted, bulk or list mail)")
		}
		if MachineAddress(m.To.Email) {
			return s.suppress(m, m.To.Email+" is a machine address")
		}
		if len(m.Cc) == 0 {
			return s.guardAutomatic(ctx, q, m)
		}
	}
	bouncing, err := bouncingOf(ctx, q, append([]Recipient{m.To}, m.Cc...))
	if err != nil {
		return err
	}
	if bouncing[strings.ToLower(m.To.Email)] {
		return s.suppress(m, m.To.Email+" is marked as bouncing")
	}
	var cc []Recipient
	for _, r := range m.Cc {
		if !bouncing[strings.ToLower(r.Email)] {
			cc = append(cc, r)
		}
	}
	m.Cc = cc
	if !m.Automatic {
		return nil
	}
	return s.limit(ctx, q, m)
}

func (s *Service) suppress(m *Mail, reason string) error {
	m.Status, m.LastError = Suppressed, reason
	return nil
}

// recentAutomatic counts the automatic mails to $1 since $2.
const recentAutomatic = `SELECT count(*) FROM mail_outbox WHERE to_email = $1 AND created_at > $2
	AND automatic AND status IN ('queued', 'sending', 'sent')`

// limit suppresses m when its recipient already got AutoLimit automatic
// mails in the last hour: the last stop for a loop no header revealed.
func (s *Service) limit(ctx context.Context, q db.Querier, m *Mail) error {
	var n int
	err := q.QueryRowContext(ctx, recentAutomatic, strings.ToLower(m.To.Email), db.Now().Add(-time.Hour)).Scan(&n)
	if err != nil {
		return err
	}
	return s.limitAt(m, n)
}

func (s *Service) limitAt(m *Mail, n int) error {
	if n < s.autoLimit() {
		return nil
	}
	return s.suppress(m, fmt.Sprintf("%s already got %d automatic mails in the last hour", m.To.Email, n))
}

// guardAutomatic is the bounce check and the limit of an automatic mail
// to one recipient in one statement: one runs for every mail that opens a
// ticket.
func (s *Service) guardAutomatic(ctx context.Context, q db.Querier, m *Mail) error {
	var bouncing bool
	var n int
	err := q.QueryRowContext(ctx, `SELECT COALESCE((SELECT bouncing FROM contact_emails WHERE email = $1), false),
		(`+recentAutomatic+`)`, strings.ToLower(m.To.Email), db.Now().Add(-time.Hour)).Scan(&bouncing, &n)
	if err != nil {
		return err
	}
	if bouncing {
		return s.suppress(m, m.To.Email+" is marked as bouncing")
	}
	return s.limitAt(m, n)
}

// machineLocals are local parts that never belong to a person reading mail.
var machineLocals = map[string]bool{"mailer-daemon": true, "postmaster": true, "no-reply": true,
	"noreply": true, "do-not-reply": true, "donotreply": true, "no_reply": true}

// MachineAddress reports whether address is a mailer's, not a person's.
func MachineAddress(address string) bool {
	local, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(address)), "@")
	local, _, _ = strings.Cut(local, "+")
	return machineLocals[local]
}

func bouncingOf(ctx context.Context, q db.Querier, rs []Recipient) (map[string]bool, error) {
	out := map[string]bool{}
	for _, r := range rs {
		var b bool
		err := q.QueryRowContext(ctx, `SELECT bouncing FROM contact_emails WHERE email = $1`,
			strings.ToLower(r.Email)).Scan(&b)
		if err != nil && !isNoRows(err) {
			return nil, err
		}
		out[strings.ToLower(r.Email)] = b
	}
	return out, nil
}
