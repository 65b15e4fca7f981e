package contact

import (
	"context"
	"database/sql"
	"errors"

	"github.com/frontdesk/frontdesk/internal/db"
)

// Resolve finds the contact behind a ticket, inside the caller's
// transaction: by external id first, then by email, else a new contact.
// A contact found by email gets the external id when it has none; one with
// a different external id is another customer and is never merged, so the
// new contact is created without the address the other one owns.
func (s *Service) Resolve(ctx context.Context, q db.Querier, in Identity) (int64, error) {
	l, err := s.Link(ctx, q, in)
	return l.ID, err
}

// Linked is the contact Link found or created.
type Linked struct {
	ID int64
	// New is what the contact was created with, when Link created it; its
	// Email is empty when another contact owns the address.
	New *Identity
	// Claimed: the contact, found by the email, took the external id it
	// lacked. What was opened on it before, no site signed (see
	// ticket.renewUnsignedLinks).
	Claimed bool
}

// Link is Resolve, telling also whether it created the contact.
func (s *Service) Link(ctx context.Context, q db.Querier, in Identity) (Linked, error) {
	if err := in.validate(); err != nil {
		return Linked{}, err
	}
	if in.ExternalID != "" {
		return s.resolveExternal(ctx, q, in)
	}
	id, err := s.idByEmail(ctx, q, in.Email)
	if errors.Is(err, ErrNotFound) {
		return s.create(ctx, q, in)
	}
	return Linked{ID: id}, err
}

func (s *Service) resolveExternal(ctx context.Context, q db.Querier, in Identity) (Linked, error) {
	id, err := s.idByExternalID(ctx, q, in.ExternalID)
	if err == nil {
		if in.Email != "" {
			_, err = addEmail(ctx, q, id, in.Email)
		}
		return Linked{ID: id}, err
	}
	if !errors.Is(err, ErrNotFound) {
		return Linked{}, err
	}
	if in.Email != "" {
		byEmail, err := s.idByEmail(ctx, q, in.Email)
		if err == nil {
			if claimed, err := claimExternalID(ctx, q, byEmail, in.ExternalID); claimed || err != nil {
				return Linked{ID: byEmail, Claimed: claimed}, err
			}
		} else if !errors.Is(err, ErrNotFound) {
			return Linked{}, err
		}
	}
	return s.create(ctx, q, in)
}

// claimExternalID sets ext on contact id if it has no external id yet.
func claimExternalID(ctx context.Context, q db.Querier, id int64, ext string) (bool, error) {
	res, err := q.ExecContext(ctx, `UPDATE contacts SET external_id = $2, updated_at = $3
		WHERE id = $1 AND external_id IS NULL`, id, ext, db.Now())
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// create inserts a contact for in. When a concurrent intake created the
// same customer first, it returns that contact instead.
func (s *Service) create(ctx context.Context, q db.Querier, in Identity) (Linked, error) {
	var ext *string
	if in.ExternalID != "" {
		ext = &in.ExternalID
	}
	now := db.Now()
	var id int64
	// The company whose mail domain the address has, if any, in the same statement.
	err := q.QueryRowContext(ctx, `INSERT INTO contacts (first_name, last_name, phone, external_id, company_id, created_at, updated_at)
		VALUES ($1, $2, $3, $4, (SELECT company_id FROM company_domains WHERE domain = $5), $6, $6)
		ON CONFLICT (external_id) DO NOTHING RETURNING id`,
		in.FirstName, in.LastName, in.Phone, ext, emailDomain(in.Email), now).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) && ext != nil {
		id, err = s.idByExternalID(ctx, q, in.ExternalID) // lost the race: use the winner
		return Linked{ID: id}, err
	}
	if err != nil {
		return Linked{}, err
	}
	if in.Email == "" {
		return Linked{ID: id, New: &in}, nil
	}
	owned, err := addEmail(ctx, q, id, in.Email)
	if err != nil {
		return Linked{}, err
	}
	if owned || ext != nil {
		if !owned {
			in.Email = ""
		}
		return Linked{ID: id, New: &in}, nil
	}
	// Another intake took this address meanwhile: drop ours, use theirs.
	if _, err := q.ExecContext(ctx, `DELETE FROM contacts WHERE id = $1`, id); err != nil {
		return Linked{}, err
	}
	id, err = s.idByEmail(ctx, q, in.Email)
	return Linked{ID: id}, err
}

// Create adds a contact from an operator or the API, refusing an email or
// external id that another contact already has.
func (s *Service) Create(ctx context.Context, in Identity, extra Patch) (Contact, error) {
	if err := in.validate(); err != nil {
		return Contact{}, err
	}
	var id int64
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		var emails []string
		if in.Email != "" {
			emails = []string{in.Email}
		}
		if err := s.checkFree(ctx, tx, 0, emails, true, in.ExternalID); err != nil {
			return err
		}
		l, err := s.create(ctx, tx, in)
		if err != nil {
			return err
		}
		id = l.ID
		return s.applyPatch(ctx, tx, id, extra)
	})
	if err != nil {
		return Contact{}, err
	}
	return s.Get(ctx, id)
}
