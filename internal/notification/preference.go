package notification

import (
	"context"
	"database/sql"
	"errors"

	"github.com/frontdesk/frontdesk/internal/domain"
)

// MailPreference is how an operator wants notices by mail.
type MailPreference string

// The preferences; every time is the default.
const (
	MailEvery  MailPreference = "every"  // a mail for each notice, as it happens
	MailDigest MailPreference = "digest" // one mail a day with the unread notices
	MailNever  MailPreference = "never"  // the app only
)

// Preference returns operator opID's choice.
func (s *Service) Preference(ctx context.Context, opID int64) (MailPreference, error) {
	var p MailPreference
	err := s.DB.Read.QueryRowContext(ctx, `SELECT notify_mail FROM operators WHERE id = $1`, opID).Scan(&p)
	if errors.Is(err, sql.ErrNoRows) {
		return p, domain.NotFound("operator")
	}
	return p, err
}

// SetPreference records operator opID's choice. Leaving the digest drops
// the notices it was holding: they stay in the app.
func (s *Service) SetPreference(ctx context.Context, opID int64, p MailPreference) error {
	if p != MailEvery && p != MailDigest && p != MailNever {
		return domain.Invalid("notify_mail", "choose every time, a daily digest or never")
	}
	if _, err := s.DB.Write.ExecContext(ctx, `UPDATE operators SET notify_mail = $2 WHERE id = $1`, opID, p); err != nil {
		return err
	}
	if p == MailDigest {
		return nil
	}
	_, err := s.DB.Write.ExecContext(ctx, `UPDATE notifications SET mail_due = FALSE WHERE operator_id = $1 AND mail_due`, opID)
	return err
}
