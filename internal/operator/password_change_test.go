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

// One's own password changes only with the current one; the session that
// changes it stays, the operator's other sessions end. An admin resets
// another's password without it, and every session of that operator ends.
func TestPasswordChangeAndSessions(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := &operator.Service{DB: d}
		sessions := &session.Store{DB: d}
		ctx := context.Background()
		admin := mustCreate(t, s, "admin@example.com", operator.Admin)
		bea := mustCreate(t, s, "bea@example.com", operator.Agent)
		signIn := func() string {
			secret, _, err := sessions.Create(ctx, bea.ID)
			if err != nil {
				t.Fatal(err)
			}
			return secret
		}
		live := func(secret string) bool {
			_, err := sessions.Lookup(ctx, secret)
			return err == nil
		}
		here, there := signIn(), signIn()
		refused := []struct {
			name    string
			actor   operator.Operator
			current *string
			field   string
			kind    error
		}{
			{"self without the current password", bea, nil, "current_password", nil},
			{"self with an empty current password", bea, testutil.Ptr(""), "current_password", nil},
			{"self with a wrong current password", bea, testutil.Ptr("not the password"), "current_password", nil},
			{"an agent resetting another", mustCreate(t, s, "cal@example.com", operator.Agent), nil, "", domain.ErrForbidden},
		}
		for _, tc := range refused {
			_, err := s.Update(ctx, tc.actor, bea.ID, operator.Patch{Password: testutil.Ptr("taken over 12345"),
				CurrentPassword: tc.current, KeepSession: here})
			if tc.field != "" && testutil.Fields(err)[tc.field] == "" || tc.kind != nil && !errors.Is(err, tc.kind) {
				t.Errorf("%s: %v, want refused", tc.name, err)
			}
		}
		if _, err := s.Authenticate(ctx, "bea@example.com", goodPassword); err != nil || !live(here) || !live(there) {
			t.Fatalf("a refused change touched the password or the sessions: %v", err)
		}
		_, err := s.Update(ctx, bea, bea.ID, operator.Patch{Password: testutil.Ptr("a brand new secret"),
			CurrentPassword: testutil.Ptr(goodPassword), KeepSession: here})
		if err != nil {
			t.Fatal(err)
		}
		if !live(here) || live(there) {
			t.Errorf("after a self-change: this session live %v (want true), the other live %v (want false)", live(here), live(there))
		}
		again := signIn()
		if _, err := s.Update(ctx, admin, bea.ID, operator.Patch{Password: testutil.Ptr("reset by the admin")}); err != nil {
			t.Fatalf("admin reset: %v", err)
		}
		if live(here) || live(again) {
			t.Error("sessions survive an admin reset")
		}
		if _, err := s.Authenticate(ctx, "bea@example.com", "reset by the admin"); err != nil {
			t.Errorf("sign-in after the reset: %v", err)
		}
	})
}
