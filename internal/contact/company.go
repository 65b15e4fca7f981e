package contact

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// Company is an organisation that contacts belong to; contacts whose email
// domain is one of its domains join it when they are created.
type Company struct {
	ID      int64    `json:"id"`
	Name    string   `json:"name"`
	Domains []string `json:"domains"`
}

// CreateCompany adds a company with its mail domains.
func (s *Service) CreateCompany(ctx context.Context, name string, domains []string) (Company, error) {
	name = strings.TrimSpace(name)
	if name == "" || domain.TooLong(name, 200) {
		return Company{}, domain.Invalid("name", "must be 1 to 200 characters")
	}
	var c domain.Check
	c.Line("name", name)
	for i, d := range domains {
		c.Line(fmt.Sprintf("domains[%d]", i), d)
	}
	if err := c.Err(); err != nil {
		return Company{}, err
	}
	co := Company{Name: name, Domains: []string{}}
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		now := db.Now()
		if err := tx.QueryRowContext(ctx, `INSERT INTO companies (name, created_at, updated_at) VALUES ($1, $2, $2) RETURNING id`,
			name, now).Scan(&co.ID); err != nil {
			return err
		}
		for _, d := range domains {
			d = strings.ToLower(strings.TrimSpace(d))
			if d == "" || strings.ContainsAny(d, "@ ") || !strings.Contains(d, ".") {
				return domain.Invalid("domains", fmt.Sprintf("%q is not a mail domain such as example.com", d))
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO company_domains (domain, company_id) VALUES ($1, $2)`, d, co.ID)
			if db.IsUniqueViolation(err, "domain") {
				return domain.Invalid("domains", d+" already belongs to another company")
			}
			if err != nil {
				return err
			}
			co.Domains = append(co.Domains, d)
		}
		return nil
	})
	return co, err
}

// setCompany links contact id to the company called name, creating it when
// no company has that name; an empty name unlinks.
func (s *Service) setCompany(ctx context.Context, q db.Querier, id int64, name string) error {
	name = strings.TrimSpace(name)
	var coID *int64
	if name != "" {
		var found int64
		err := q.QueryRowContext(ctx, `SELECT id FROM companies WHERE lower(name) = lower($1) ORDER BY id LIMIT 1`, name).Scan(&found)
		if errors.Is(err, sql.ErrNoRows) {
			now := db.Now()
			err = q.QueryRowContext(ctx, `INSERT INTO companies (name, created_at, updated_at) VALUES ($1, $2, $2) RETURNING id`,
				name, now).Scan(&found)
		}
		if err != nil {
			return err
		}
		coID = &found
	}
	_, err := q.ExecContext(ctx, `UPDATE contacts SET company_id = $2 WHERE id = $1`, id, coID)
	return err
}
