package contact

import (
	"context"
	"fmt"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// Patch changes a contact; nil fields stay as they are. Emails, when
// given, is the whole new list, primary first. Company names a company
// (found by name, in any case, or created); an empty name clears it.
type Patch struct {
	FirstName  *string
	LastName   *string
	Phone      *string
	ExternalID *string
	Emails     *[]string
	Company    *string
	Notes      *string
}

func (p *Patch) validate() error {
	var c domain.Check
	for field, v := range map[string]*string{"first_name": p.FirstName, "last_name": p.LastName} {
		if v != nil {
			*v = strings.TrimSpace(*v)
			c.Line(field, *v)
			c.Require(!domain.TooLong(*v, 100), field, "must be at most 100 characters")
		}
	}
	if p.Phone != nil {
		c.Require(validPhone(strings.TrimSpace(*p.Phone)), "phone", "must be a phone number: digits, spaces and + ( ) - .")
	}
	if p.ExternalID != nil {
		c.Line("external_id", *p.ExternalID)
		c.Require(!domain.TooLong(*p.ExternalID, 200), "external_id", "must be at most 200 characters")
	}
	if p.Notes != nil {
		c.Text("notes", *p.Notes)
		c.Require(!domain.TooLong(*p.Notes, 10000), "notes", "must be at most 10000 characters")
	}
	if p.Company != nil {
		c.Line("company", *p.Company)
		c.Require(!domain.TooLong(*p.Company, 200), "company", "must be at most 200 characters")
	}
	if p.Emails != nil {
		for i, e := range *p.Emails {
			norm, ok := domain.NormalizeEmail(e)
			c.Require(ok, fmt.Sprintf("emails[%d]", i), "must be a valid email address")
			(*p.Emails)[i] = norm
		}
	}
	return c.Err()
}

// Update changes contact id.
func (s *Service) Update(ctx context.Context, id int64, p Patch) (Contact, error) {
	if err := p.validate(); err != nil {
		return Contact{}, err
	}
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		if _, err := s.GetTx(ctx, tx, id); err != nil {
			return err
		}
		return s.applyPatch(ctx, tx, id, p)
	})
	if err != nil {
		return Contact{}, err
	}
	return s.Get(ctx, id)
}

func (s *Service) applyPatch(ctx context.Context, q db.Querier, id int64, p Patch) error {
	if err := p.validate(); err != nil {
		return err
	}
	ext := ""
	if p.ExternalID != nil {
		ext = strings.TrimSpace(*p.ExternalID)
	}
	var emails []string
	if p.Emails != nil {
		emails = *p.Emails
	}
	if err := s.checkFree(ctx, q, id, emails, false, ext); err != nil {
		return err
	}
	if err := setFields(ctx, q, id, p); err != nil {
		return err
	}
	if p.Emails != nil {
		if err := replaceEmails(ctx, q, id, emails); err != nil {
			return err
		}
	}
	if p.Company != nil {
		return s.setCompany(ctx, q, id, *p.Company)
	}
	return nil
}

func setFields(ctx context.Context, q db.Querier, id int64, p Patch) error {
	var ext any
	if p.ExternalID != nil && strings.TrimSpace(*p.ExternalID) != "" {
		ext = strings.TrimSpace(*p.ExternalID)
	}
	_, err := q.ExecContext(ctx, `UPDATE contacts SET
		first_name = COALESCE($2, first_name), last_name = COALESCE($3, last_name), phone = COALESCE($4, phone),
		notes = COALESCE($5, notes), external_id = CASE WHEN $6 THEN $7 ELSE external_id END, updated_at = $8
		WHERE id = $1`, id, p.FirstName, p.LastName, trimmed(p.Phone), p.Notes, p.ExternalID != nil, ext, db.Now())
	return err
}

func trimmed(s *string) *string {
	if s == nil {
		return nil
	}
	t := strings.TrimSpace(*s)
	return &t
}

func replaceEmails(ctx context.Context, q db.Querier, id int64, emails []string) error {
	if _, err := q.ExecContext(ctx, `DELETE FROM contact_emails WHERE contact_id = $1`, id); err != nil {
		return err
	}
	for i, e := range emails {
		if _, err := q.ExecContext(ctx, `INSERT INTO contact_emails (email, contact_id, position, created_at)
			VALUES ($1, $2, $3, $4) ON CONFLICT (email) DO NOTHING`, e, id, i, db.Now()); err != nil {
			return err
		}
	}
	return nil
}

// checkFree refuses emails or an external id that belong to a contact
// other than id. A single address is reported under "email", a list under
// "emails[i]".
func (s *Service) checkFree(ctx context.Context, q db.Querier, id int64, emails []string, single bool, ext string) error {
	var c domain.Check
	for i, e := range emails {
		owner, err := s.idByEmail(ctx, q, e)
		if err == nil && owner != id {
			field := fmt.Sprintf("emails[%d]", i)
			if single {
				field = "email"
			}
			c.Add(field, fmt.Sprintf("belongs to contact %d; merge the contacts instead", owner))
		}
	}
	if ext != "" {
		owner, err := s.idByExternalID(ctx, q, ext)
		if err == nil && owner != id {
			c.Add("external_id", fmt.Sprintf("belongs to contact %d", owner))
		}
	}
	return c.Err()
}
