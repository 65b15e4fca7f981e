package operator_test

import (
	"context"
	"errors"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/session"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// A "forgot password" link sets a new password once, ends every session
// and voids the operator's other links; an unknown or deactivated address
// gets no link; an expired link and a too-short password do nothing.
func TestPasswordResetLink(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := &operator.Service{DB: d}
		sessions := &session.Store{DB: d}
		ctx := context.Background()
		admin := mustCreate(t, s, "admin@example.com", operator.Admin)
		bea := mustCreate(t, s, "bea@example.com", operator.Agent)
		secret, _, _ := sessions.Create(ctx, bea.ID)

		if _, _, err := s.StartReset(ctx, "nobody@example.com"); !errors.Is(err, operator.ErrNotFound) {
			t.Errorf("an unknown address: %v, want not found", err)
		}
		other, _, err := s.StartReset(ctx, "bea@example.com")
		if err != nil {
			t.Fatal(err)
		}
		token, op, err := s.StartReset(ctx, " BEA@example.com ")
		if err != nil || op.ID != bea.ID || len(token) < 43 {
			t.Fatalf("start: %q %+v %v", token, op, err)
		}
		if got, err := s.CheckReset(ctx, token); err != nil || got.ID != bea.ID {
			t.Fatalf("check a live link: %+v %v", got, err)
		}
		var ve *domain.ValidationError
		if _, err := s.FinishReset(ctx, token, "short"); !errors.As(err, &ve) || ve.Fields["password"] == "" {
			t.Errorf("a short password: %v", err)
		}
		if _, err := s.FinishReset(ctx, token, "a brand new secret"); err != nil {
			t.Fatalf("finish: %v", err)
		}
		if _, err := s.Authenticate(ctx, "bea@example.com", "a brand new secret"); err != nil {
			t.Errorf("the new password does not sign in: %v", err)
		}
		if live, _ := sessions.Live(ctx, secret); live {
			t.Error("a session outlived the reset")
		}
		for name, tok := range map[string]string{"the used link": token, "the other link": other, "a made-up link": "x" + token} {
			if _, err := s.FinishReset(ctx, tok, "yet another secret"); !errors.Is(err, operator.ErrResetLink) {
				t.Errorf("%s: %v, want ErrResetLink", name, err)
			}
			if _, err := s.CheckReset(ctx, tok); !errors.Is(err, operator.ErrResetLink) {
				t.Errorf("check %s: %v", name, err)
			}
		}

		late, _, _ := s.StartReset(ctx, "bea@example.com")
		if _, err := d.Write.ExecContext(ctx, `UPDATE password_resets SET expires_at = $1 WHERE used_at IS NULL`,
			db.Now().Add(-operator.ResetTTL)); err != nil {
			t.Fatal(err)
		}
		if _, err := s.FinishReset(ctx, late, "yet another secret"); !errors.Is(err, operator.ErrResetLink) {
			t.Errorf("an expired link: %v", err)
		}

		off, _, _ := s.StartReset(ctx, "bea@example.com")
		if _, err := s.Update(ctx, admin, bea.ID, operator.Patch{Active: testutil.Ptr(false)}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.FinishReset(ctx, off, "yet another secret"); !errors.Is(err, operator.ErrResetLink) {
			t.Errorf("a deactivated operator's link: %v", err)
		}
		if _, _, err := s.StartReset(ctx, "bea@example.com"); !errors.Is(err, operator.ErrNotFound) {
			t.Errorf("a deactivated operator gets a link: %v", err)
		}
	})
}
