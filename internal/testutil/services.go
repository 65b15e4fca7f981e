package testutil

import (
	"context"
	"errors"
	"testing"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/config"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/mail/auth"
)

// Services wires the domain services over d and bootstraps them, as a
// fresh install does: the "Support" pipeline and team exist.
func Services(t testing.TB, d *db.DB) *app.Services {
	t.Helper()
	cfg := config.Defaults()
	cfg.DataDir = t.TempDir()
	s := app.NewServices(d, cfg)
	s.Mail.Auth = &auth.Checker{Resolver: auth.Table{}} // no DNS in tests: every domain publishes nothing
	if _, err := s.Bootstrap(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

// Fields returns the per-field messages of a validation error, or nil.
func Fields(err error) map[string]string {
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		return ve.Fields
	}
	return nil
}

// Ptr returns a pointer to v, for optional fields in patches.
func Ptr[T any](v T) *T { return &v }
