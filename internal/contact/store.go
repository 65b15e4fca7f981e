package contact

import (
	"context"
	"database/sql"
	"errors"

	"github.com/frontdesk/frontdesk/internal/db"
)

// TicketMover moves a contact's tickets to another contact; the ticket
// service provides it, and records the move in each ticket's history.
type TicketMover interface {
	MoveContactTickets(ctx context.Context, q db.Querier, fromID, toID, actorID int64) error
}

// Service manages contacts and companies.
type Service struct {
	DB      *db.DB
	Tickets TicketMover
}

const contactColumns = `c.id, c.first_name, c.last_name, c.phone, c.external_id, c.notes, c.merged_into,
	c.created_at, c.updated_at, co.id, co.name`

const contactFrom = ` FROM contacts c LEFT JOIN companies co ON co.id = c.company_id `

func scanContact(row interface{ Scan(...any) error }) (Contact, error) {
	var c Contact
	var coID sql.Null[int64]
	var coName sql.Null[string]
	err := row.Scan(&c.ID, &c.FirstName, &c.LastName, &c.Phone, &c.ExternalID, &c.Notes, &c.MergedInto,
		&c.CreatedAt, &c.UpdatedAt, &coID, &coName)
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNotFound
	}
	if coID.Valid {
		c.Company = &CompanyRef{ID: coID.V, Name: coName.V}
	}
	return c, err
}

// Get returns contact id with its emails.
func (s *Service) Get(ctx context.Context, id int64) (Contact, error) {
	return s.GetTx(ctx, s.DB.Read, id)
}

// GetTx returns contact id inside a transaction.
func (s *Service) GetTx(ctx context.Context, q db.Querier, id int64) (Contact, error) {
	c, err := scanContact(q.QueryRowContext(ctx, `SELECT `+contactColumns+contactFrom+`WHERE c.id = $1`, id))
	if err != nil {
		return c, err
	}
	if err := fillEmails(ctx, q, []*Contact{&c}); err != nil {
		return c, err
	}
	return c, fillBounces(ctx, q, &c)
}

func (s *Service) idByEmail(ctx context.Context, q db.Querier, email string) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT contact_id FROM contact_emails WHERE email = $1`, email).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNotFound
	}
	return id, err
}

func (s *Service) idByExternalID(ctx context.Context, q db.Querier, ext string) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT id FROM contacts WHERE external_id = $1`, ext).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNotFound
	}
	return id, err
}

// fillEmails loads the addresses of cs, primary first.
func fillEmails(ctx context.Context, q db.Querier, cs []*Contact) error {
	for _, c := range cs {
		rows, err := q.QueryContext(ctx, `SELECT email FROM contact_emails WHERE contact_id = $1 ORDER BY position, email`, c.ID)
		if err != nil {
			return err
		}
		c.Emails = []string{}
		for rows.Next() {
			var e string
			if err := rows.Scan(&e); err != nil {
				rows.Close()
				return err
			}
			c.Emails = append(c.Emails, e)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(c.Emails) > 0 {
			c.Email = c.Emails[0]
		}
		c.Name = c.DisplayName()
	}
	return nil
}

// addEmail gives address to contact id unless another contact owns it;
// it reports whether the address is now the contact's.
func addEmail(ctx context.Context, q db.Querier, id int64, email string) (bool, error) {
	res, err := q.ExecContext(ctx, `INSERT INTO contact_emails (email, contact_id, position, created_at)
		VALUES ($1, $2, (SELECT count(*) FROM contact_emails WHERE contact_id = $2), $3)
		ON CONFLICT (email) DO NOTHING`, email, id, db.Now())
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	if n == 1 || err != nil {
		return n == 1, err
	}
	var owner int64
	err = q.QueryRowContext(ctx, `SELECT contact_id FROM contact_emails WHERE email = $1`, email).Scan(&owner)
	return owner == id, err
}
