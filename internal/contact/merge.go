package contact

import (
	"context"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// Merge folds contact srcID into dstID: its addresses, tickets and
// messages move over, dst's empty fields take src's values, and src is
// kept only as a pointer to dst. Two contacts with different external ids
// are two customers of the host site and are not merged.
func (s *Service) Merge(ctx context.Context, srcID, dstID, actorID int64) (Contact, error) {
	if srcID == dstID {
		return Contact{}, domain.Invalid("into", "a contact cannot be merged into itself")
	}
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		src, err := s.GetTx(ctx, tx, srcID)
		if err != nil {
			return err
		}
		dst, err := s.GetTx(ctx, tx, dstID)
		if err != nil {
			return err
		}
		if src.MergedInto != nil || dst.MergedInto != nil {
			return domain.Conflict("contact %d was already merged into another contact", mergedOne(src, dst))
		}
		if src.ExternalID != nil && dst.ExternalID != nil && *src.ExternalID != *dst.ExternalID {
			return domain.Conflict("the contacts have different external ids (%s, %s): they are different customers",
				*src.ExternalID, *dst.ExternalID)
		}
		return s.fold(ctx, tx, src, dst, actorID)
	})
	if err != nil {
		return Contact{}, err
	}
	return s.Get(ctx, dstID)
}

func mergedOne(a, b Contact) int64 {
	if a.MergedInto != nil {
		return a.ID
	}
	return b.ID
}

func (s *Service) fold(ctx context.Context, tx *db.Tx, src, dst Contact, actorID int64) error {
	if err := s.Tickets.MoveContactTickets(ctx, tx, src.ID, dst.ID, actorID); err != nil {
		return err
	}
	stmts := []struct {
		sql  string
		args []any
	}{
		{`UPDATE contact_emails SET contact_id = $2, position = position + $3 WHERE contact_id = $1`,
			[]any{src.ID, dst.ID, len(dst.Emails)}},
		{`UPDATE contacts SET external_id = NULL, merged_into = $2, updated_at = $3 WHERE id = $1`,
			[]any{src.ID, dst.ID, db.Now()}},
		{`UPDATE contacts SET
			first_name = CASE WHEN first_name = '' THEN $2 ELSE first_name END,
			last_name = CASE WHEN last_name = '' THEN $3 ELSE last_name END,
			phone = CASE WHEN phone = '' THEN $4 ELSE phone END,
			external_id = COALESCE(external_id, $5), company_id = COALESCE(company_id, $6),
			notes = CASE WHEN notes = '' THEN $7 ELSE notes END, updated_at = $8 WHERE id = $1`,
			[]any{dst.ID, src.FirstName, src.LastName, src.Phone, src.ExternalID, companyID(src), src.Notes, db.Now()}},
	}
	for _, st := range stmts {
		if _, err := tx.ExecContext(ctx, st.sql, st.args...); err != nil {
			return err
		}
	}
	return nil
}

func companyID(c Contact) *int64 {
	if c.Company == nil {
		return nil
	}
	return &c.Company.ID
}
