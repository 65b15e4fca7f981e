package contact

import (
	"context"
	"fmt"
	"strings"

	"github.com/frontdesk/frontdesk/internal/domain"
)

// Filter narrows a contact list. Q matches the start of an address, a
// first name or a last name, a whole mail domain, or a full name, in any
// case (search.go).
type Filter struct {
	Email      string
	ExternalID string
	Q          string
	Limit      int
	After      int64 // cursor: the last id of the previous page
}

// List returns contacts, newest first, and the cursor of the next page.
func (s *Service) List(ctx context.Context, f Filter) ([]Contact, int64, error) {
	var c domain.Check
	for field, v := range map[string]string{"email": f.Email, "external_id": f.ExternalID, "q": f.Q} {
		c.Line(field, v)
	}
	if err := c.Err(); err != nil {
		return nil, 0, err
	}
	if f.Limit <= 0 || f.Limit > 200 {
		f.Limit = 50
	}
	q := strings.Join(strings.Fields(strings.ToLower(f.Q)), " ")
	if strings.Contains(q, " ") && f.After == 0 {
		// When people who carry the whole name typed fill the page, they
		// are the page and the prefix search is skipped: "Dev Silva" as a
		// prefix walks every Silva* last name, thousands of rows where
		// names are common.
		out, next, err := s.list(ctx, f, q, true)
		if err != nil || next != 0 {
			return out, next, err
		}
	}
	return s.list(ctx, f, q, false)
}

// list runs one page of the filter; wholeNames narrows a search to full
// names typed in full.
func (s *Service) list(ctx context.Context, f Filter, q string, wholeNames bool) ([]Contact, int64, error) {
	where, args := []string{"c.merged_into IS NULL"}, []any{}
	arg := func(v any) string { args = append(args, v); return fmt.Sprintf("$%d", len(args)) }
	if f.Email != "" {
		email, _ := domain.NormalizeEmail(f.Email)
		where = append(where, "c.id IN (SELECT contact_id FROM contact_emails WHERE email = "+arg(email)+")")
	}
	if f.ExternalID != "" {
		where = append(where, "c.external_id = "+arg(f.ExternalID))
	}
	if wholeNames {
		where = append(where, wholeNameCond(q, f.Limit+1, arg))
	} else if q != "" {
		where = append(where, s.searchCond(q, arg))
	}
	if f.After > 0 {
		where = append(where, "c.id < "+arg(f.After))
	}
	query := `SELECT ` + contactColumns + contactFrom + `WHERE ` + strings.Join(where, " AND ") +
		` ORDER BY c.id DESC LIMIT ` + arg(f.Limit+1)
	rows, err := s.DB.Read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []*Contact
	for rows.Next() {
		c, err := scanContact(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, &c)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	var next int64
	if len(out) > f.Limit {
		out = out[:f.Limit]
		next = out[len(out)-1].ID
	}
	if err := fillEmails(ctx, s.DB.Read, out); err != nil {
		return nil, 0, err
	}
	list := make([]Contact, len(out))
	for i, c := range out {
		list[i] = *c
	}
	return list, next, nil
}
