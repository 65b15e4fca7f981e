package ticket

import (
	"context"

	"github.com/frontdesk/frontdesk/internal/db"
)

// LinkRenewedForSignIn is the reason a link_rotated event records when a
// customer's site first signed them in and the links of their unsigned
// web tickets were renewed.
const LinkRenewedForSignIn = "signed_in"

// renewUnsignedLinks gives a new public link to every website-form and
// widget ticket of contact id, when a signed identity has just adopted
// the contact by its address. Those tickets were opened by whoever typed
// the address, which no one verified; their link is in that person's
// browser. From now on the tickets are in the customer's signed list, so
// what the customer writes there must not reach the typist's old link.
func (s *Service) renewUnsignedLinks(ctx context.Context, tx *db.Tx, id int64) error {
	ids, err := unsignedWebTickets(ctx, tx, id)
	if err != nil {
		return err
	}
	now := db.Now()
	for _, tid := range ids {
		if _, err := tx.ExecContext(ctx, `UPDATE tickets SET public_token = $2, updated_at = $3 WHERE id = $1`,
			tid, NewToken(), now); err != nil {
			return err
		}
		if err := s.recordEvent(ctx, tx, tid, 0, EventLinkRotated,
			map[string]any{"reason": LinkRenewedForSignIn}, now); err != nil {
			return err
		}
	}
	return nil
}

// unsignedWebTickets are contact id's tickets from the website form and
// the widget. Called before the contact had an external id, none of them
// was opened by a signed visitor: a signed one always links by its id.
func unsignedWebTickets(ctx context.Context, tx *db.Tx, id int64) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id FROM tickets WHERE contact_id = $1 AND channel IN ($2, $3)
		ORDER BY id`, id, WebForm, Widget)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var tid int64
		if err := rows.Scan(&tid); err != nil {
			return nil, err
		}
		ids = append(ids, tid)
	}
	return ids, rows.Err()
}
