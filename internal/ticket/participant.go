package ticket

import (
	"context"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// Participant is someone besides the contact who takes part in a ticket by
// mail (a Cc'd colleague of the customer): replies go to them too.
type Participant struct {
	Email string
	Name  string
}

// AddParticipants records people on ticket id, inside the caller's
// transaction; addresses already there keep their first name, invalid
// ones are skipped.
func AddParticipants(ctx context.Context, q db.Querier, ticketID int64, people []Participant) error {
	now := db.Now()
	for _, p := range people {
		email, ok := domain.NormalizeEmail(p.Email)
		if !ok {
			continue
		}
		if _, err := q.ExecContext(ctx, `INSERT INTO ticket_participants (ticket_id, email, name, created_at)
			VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, ticketID, email, strings.TrimSpace(p.Name), now); err != nil {
			return err
		}
	}
	return nil
}

// Participants lists the people on ticket id besides its contact, in the
// order they joined: who receives a copy of the ticket's replies.
func Participants(ctx context.Context, q db.Querier, ticketID int64) ([]Participant, error) {
	rows, err := q.QueryContext(ctx, `SELECT p.email, p.name FROM ticket_participants p
		JOIN tickets t ON t.id = p.ticket_id
		WHERE p.ticket_id = $1 AND NOT EXISTS (SELECT 1 FROM contact_emails ce
			WHERE ce.contact_id = t.contact_id AND ce.email = p.email)
		ORDER BY p.created_at, p.email`, ticketID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Participant{}
	for rows.Next() {
		var p Participant
		if err := rows.Scan(&p.Email, &p.Name); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// IsKnownSender reports whether email is the ticket's contact (any of its
// addresses) or one of its participants: who may thread a mail into the
// ticket by the [#number] in its subject alone.
func IsKnownSender(ctx context.Context, q db.Querier, ticketID int64, email string) (bool, error) {
	email, ok := domain.NormalizeEmail(email)
	if !ok {
		return false, nil
	}
	var n int
	err := q.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM contact_emails ce JOIN tickets t ON t.contact_id = ce.contact_id
			WHERE t.id = $1 AND ce.email = $2) +
		(SELECT COUNT(*) FROM ticket_participants WHERE ticket_id = $1 AND email = $2)`, ticketID, email).Scan(&n)
	return n > 0, err
}
