// Package brand holds the install's look for customers: a name, a colour
// and a logo on the public ticket page, the website form, the widget and
// in mails.
package brand

import (
	"context"
	"database/sql"
	"errors"
	"regexp"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// Brand is what customers see; zero values mean "not set".
type Brand struct {
	Name      string
	Color     string // #rrggbb
	LogoType  string // the logo's content type; "" when there is none
	UpdatedAt time.Time
}

// HasLogo reports whether a logo was uploaded.
func (b Brand) HasLogo() bool { return b.LogoType != "" }

// Version changes with every save: it keeps cached logos and colours fresh.
func (b Brand) Version() int64 { return b.UpdatedAt.Unix() }

// MaxLogo bounds the logo's size.
const MaxLogo = 1 << 20

// LogoTypes are the images a logo may be: the ones a browser shows
// without running anything (never SVG).
var LogoTypes = []string{"image/png", "image/jpeg", "image/gif", "image/webp"}

var colorPattern = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// Service reads and saves the brand.
type Service struct{ DB *db.DB }

// Get returns the brand; an install that never saved one gets the zero Brand.
func (s *Service) Get(ctx context.Context) (Brand, error) {
	var b Brand
	err := s.DB.Read.QueryRowContext(ctx, `SELECT name, color, logo_type, updated_at FROM brand WHERE id = 1`).
		Scan(&b.Name, &b.Color, &b.LogoType, &b.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return Brand{}, nil
	}
	return b, err
}

// Save sets the name and the colour ("" for none).
func (s *Service) Save(ctx context.Context, name, color string) (Brand, error) {
	name, color = strings.TrimSpace(name), strings.ToLower(strings.TrimSpace(color))
	var c domain.Check
	c.Line("name", name)
	c.Require(!domain.TooLong(name, 100), "name", "must be at most 100 characters")
	c.Require(color == "" || colorPattern.MatchString(color), "color", "must be a colour like #2452c7")
	if err := c.Err(); err != nil {
		return Brand{}, err
	}
	_, err := s.DB.Write.ExecContext(ctx, `INSERT INTO brand (id, name, color, updated_at) VALUES (1, $1, $2, $3)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, color = excluded.color, updated_at = excluded.updated_at`,
		name, color, db.Now())
	if err != nil {
		return Brand{}, err
	}
	return s.Get(ctx)
}

// SetLogo stores an image already checked by the upload policy; only
// plain image types are taken.
func (s *Service) SetLogo(ctx context.Context, ctype string, data []byte) error {
	var c domain.Check
	ok := false
	for _, t := range LogoTypes {
		ok = ok || t == ctype
	}
	c.Require(ok, "logo", "must be a PNG, JPEG, GIF or WebP image")
	c.Require(len(data) <= MaxLogo, "logo", "must be at most 1 MB")
	if err := c.Err(); err != nil {
		return err
	}
	_, err := s.DB.Write.ExecContext(ctx, `INSERT INTO brand (id, logo, logo_type, updated_at) VALUES (1, $1, $2, $3)
		ON CONFLICT (id) DO UPDATE SET logo = excluded.logo, logo_type = excluded.logo_type, updated_at = excluded.updated_at`,
		data, ctype, db.Now())
	return err
}

// DropLogo removes the logo.
func (s *Service) DropLogo(ctx context.Context) error {
	_, err := s.DB.Write.ExecContext(ctx, `UPDATE brand SET logo = NULL, logo_type = '', updated_at = $1 WHERE id = 1`, db.Now())
	return err
}

// ErrNoLogo is returned when no logo was uploaded.
var ErrNoLogo = domain.NotFound("logo")

// Logo returns the logo's bytes and content type.
func (s *Service) Logo(ctx context.Context) ([]byte, string, error) {
	var data []byte
	var ctype string
	err := s.DB.Read.QueryRowContext(ctx, `SELECT logo, logo_type FROM brand WHERE id = 1 AND logo IS NOT NULL`).Scan(&data, &ctype)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, "", ErrNoLogo
	}
	return data, ctype, err
}
