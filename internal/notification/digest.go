package notification

import (
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/mail/outbound"
)

// DigestEvery is the least time between two digests of one operator; the
// first goes a day after the oldest notice it holds.
const DigestEvery = 24 * time.Hour

// Digester mails each operator who chose the digest their unread notices,
// once a day, through the outbox. Several nodes may run one: an
// operator's digest is claimed in the transaction that queues it.
type Digester struct {
	S    *Service
	Log  *slog.Logger
	Poll time.Duration // 0: 5 minutes
}

// Run sends digests until ctx ends.
func (d *Digester) Run(ctx context.Context) {
	poll := d.Poll
	if poll <= 0 {
		poll = 5 * time.Minute
	}
	tick := time.NewTicker(poll)
	defer tick.Stop()
	for {
		if _, err := d.S.SendDigests(ctx, db.Now()); err != nil && ctx.Err() == nil {
			d.Log.Error("notification digest", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// SendDigests queues the digests due at now and returns how many.
func (s *Service) SendDigests(ctx context.Context, now time.Time) (int, error) {
	if s.Mail == nil {
		return 0, nil
	}
	ids, err := db.Int64s(ctx, s.DB.Read, `SELECT DISTINCT operator_id FROM notifications WHERE mail_due ORDER BY operator_id`)
	if err != nil {
		return 0, err
	}
	sent := 0
	for _, id := range ids {
		var ok bool
		err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
			var err error
			ok, err = s.digest(ctx, tx, id, db.Norm(now))
			return err
		})
		if err != nil {
			return sent, err
		}
		if ok {
			sent++
		}
	}
	return sent, nil
}

// digest mails operator opID's held notices when their day has passed.
func (s *Service) digest(ctx context.Context, tx *db.Tx, opID int64, now time.Time) (bool, error) {
	var op person
	var last *time.Time
	var anchor time.Time // the oldest held notice (ids grow with time)
	err := tx.QueryRowContext(ctx, `SELECT o.id, o.name, o.email, o.digest_sent_at, n.created_at FROM operators o
		JOIN notifications n ON n.operator_id = o.id AND n.mail_due WHERE o.id = $1 ORDER BY n.id LIMIT 1`, opID).
		Scan(&op.id, &op.name, &op.email, &last, &anchor)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil // sent by another node meanwhile
	} else if err != nil {
		return false, err
	}
	if last != nil && last.After(anchor) {
		anchor = *last
	}
	if now.Sub(anchor) < DigestEvery {
		return false, nil
	}
	// The claim: another node that got here first changed digest_sent_at.
	res, err := tx.ExecContext(ctx, `UPDATE operators SET digest_sent_at = $2 WHERE id = $1
		AND (digest_sent_at IS NULL OR digest_sent_at <= $3)`, opID, now, now.Add(-DigestEvery))
	if err != nil {
		return false, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return false, nil
	}
	items, err := s.held(ctx, tx, opID)
	if err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE notifications SET mail_due = FALSE WHERE operator_id = $1 AND mail_due`, opID); err != nil {
		return false, err
	}
	if len(items) == 0 {
		return false, nil // all read in the app meanwhile: nothing to say
	}
	return true, s.Mail.MailOperator(ctx, tx, s.digestMail(op, items))
}

// held lists the notices waiting for the digest that are still unread.
func (s *Service) held(ctx context.Context, tx *db.Tx, opID int64) ([]Notification, error) {
	rows, err := tx.QueryContext(ctx, `SELECT n.kind, t.number, t.subject, COALESCE(o.name, '') FROM notifications n
		JOIN tickets t ON t.id = n.ticket_id LEFT JOIN operators o ON o.id = n.actor_id
		WHERE n.operator_id = $1 AND n.mail_due AND n.read_at IS NULL ORDER BY n.id`, opID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Notification
	for rows.Next() {
		var n Notification
		if err := rows.Scan(&n.Kind, &n.TicketNumber, &n.Subject, &n.ActorName); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

func (s *Service) digestMail(op person, items []Notification) outbound.OperatorMail {
	base := strings.TrimRight(s.BaseURL, "/")
	var b strings.Builder
	b.WriteString("Your unread notifications:\n\n")
	for _, n := range items {
		who := n.ActorName
		if who == "" {
			who = "Someone"
		}
		what := " opened a ticket for you or your team"
		if n.Kind == Mention {
			what = " mentioned you"
		}
		num := strconv.FormatInt(n.TicketNumber, 10)
		b.WriteString("- [#" + num + "] " + n.Subject + ": " + who + what + "\n  " + base + "/tickets/" + num + "\n")
	}
	b.WriteString("\nAll of them: " + base + "/notifications\nChange how you are told: " + base + "/settings/account\n")
	subject := "1 unread notification"
	if len(items) > 1 {
		subject = strconv.Itoa(len(items)) + " unread notifications"
	}
	return outbound.OperatorMail{Kind: outbound.Digest, To: outbound.Recipient{Name: op.name, Email: op.email},
		Subject: "Frontdesk: " + subject, Text: b.String()}
}
