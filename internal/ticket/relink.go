package ticket

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// planContact relinks t to another customer. The public link is the only
// credential for a ticket, and the previous customer holds it (in their
// mail, in their widget), so the link is renewed with the contact: the old
// one stops working and the new customer gets a fresh one; nor do they, or
// anyone they brought in, stay on the ticket as a participant. A contact merge
// moves tickets between two records of the same person and keeps the link
// (see MoveContactTickets).
func (s *Service) planContact(ctx context.Context, tx *db.Tx, t Ticket, p Patch, c *domain.Check) ([]change, error) {
	if p.Contact == nil || *p.Contact == t.Contact.ID {
		return nil, nil
	}
	var name, email string
	var merged *int64
	err := tx.QueryRowContext(ctx, `SELECT c.first_name || ' ' || c.last_name, c.merged_into,
		COALESCE((SELECT e.email FROM contact_emails e WHERE e.contact_id = c.id ORDER BY e.position LIMIT 1), '')
		FROM contacts c WHERE c.id = $1`, *p.Contact).Scan(&name, &merged, &email)
	if err != nil || merged != nil {
		c.Add("contact", "no such contact")
		return nil, nil
	}
	dropped, err := dropParticipants(ctx, tx, t.ID)
	if err != nil {
		return nil, err
	}
	from, to := customerName(t.Contact.Name, t.Contact.Email), customerName(name, email)
	relink := change{set: "contact_id = $3, public_token = $4", args: []any{*p.Contact, NewToken()}, event: EventContact,
		data: map[string]any{"from": t.Contact.ID, "to": *p.Contact, "from_name": strings.TrimSpace(t.Contact.Name),
			"to_name": strings.TrimSpace(name), "participants_removed": dropped}}
	renewed := change{event: EventLinkRotated,
		data: map[string]any{"reason": LinkRenewedForContact, "from_name": from, "to_name": to}}
	return []change{relink, renewed}, nil
}

// dropParticipants takes everyone off ticket id, inside the relink's
// transaction (a refused change of the same patch undoes it too), and
// returns the addresses the history shows. Participants came with the
// previous customer: their own addresses (each mail's sender is recorded)
// and the colleagues they Cc'd. Left on, they would get every reply, with
// the new customer's link and reply address; the new customer's people
// join again as they write.
func dropParticipants(ctx context.Context, tx *db.Tx, id int64) ([]string, error) {
	people, err := Participants(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	dropped := make([]string, len(people))
	for i, p := range people {
		dropped[i] = p.Email
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM ticket_participants WHERE ticket_id = $1`, id)
	return dropped, err
}

// LinkRenewedForContact is the reason a link_rotated event records when a
// relink to another customer renewed the link.
const LinkRenewedForContact = "contact_changed"

// customerName names a customer in the history: their name, else their
// address.
func customerName(name, email string) string {
	if name = strings.TrimSpace(name); name != "" {
		return name
	}
	return email
}

// RelinkedSince reports whether ticket id was relinked to another customer
// after at.
func RelinkedSince(ctx context.Context, q db.Querier, id int64, at time.Time) (bool, error) {
	var last time.Time
	err := q.QueryRowContext(ctx, `SELECT created_at FROM ticket_events WHERE ticket_id = $1 AND kind = $2
		AND data LIKE $3 ORDER BY id DESC LIMIT 1`, id, EventLinkRotated, "%"+LinkRenewedForContact+"%").Scan(&last)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil && last.After(at), err
}
