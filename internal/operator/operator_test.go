package operator_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

const goodPassword = "correct horse battery"

func mustCreate(t *testing.T, s *operator.Service, email string, role operator.Role) operator.Operator {
	t.Helper()
	o, err := s.Create(context.Background(), operator.NewOperator{Email: email, Name: strings.Split(email, "@")[0],
		Role: role, Password: goodPassword})
	if err != nil {
		t.Fatalf("create %s: %v", email, err)
	}
	return o
}

func TestPasswordHashRoundTrip(t *testing.T) {
	passwords := []string{goodPassword, "", "ünïcödé pässwörd ✓", strings.Repeat("long", 64), "$argon2id$"}
	for _, pw := range passwords {
		h1, err := operator.HashPassword(pw)
		if err != nil {
			t.Fatal(err)
		}
		h2, _ := operator.HashPassword(pw)
		if !strings.HasPrefix(h1, "$argon2id$v=19$") || h1 == h2 {
			t.Errorf("hash %q / %q: want argon2id PHC strings with distinct salts", h1, h2)
		}
		if ok, err := operator.CheckPassword(h1, pw); !ok || err != nil {
			t.Errorf("%q does not match its own hash: %v", pw, err)
		}
		for _, wrong := range []string{pw + "x", strings.ToUpper(pw) + "!", "x" + pw} {
			if ok, _ := operator.CheckPassword(h1, wrong); ok {
				t.Errorf("%q matches the hash of %q", wrong, pw)
			}
		}
	}
	for _, bad := range []string{"", "plain", "$2a$10$bcrypt-hash-here-xxxxxxxxxx", "$argon2id$v=19$m=x$salt$key"} {
		if ok, err := operator.CheckPassword(bad, goodPassword); ok || err == nil {
			t.Errorf("CheckPassword(%q) = %v, %v; want an error", bad, ok, err)
		}
	}
	if a, b := operator.GeneratePassword(), operator.GeneratePassword(); len(a) < 20 || a == b {
		t.Errorf("generated passwords %q, %q: want long and different", a, b)
	}
}

func TestCreateValidates(t *testing.T) {
	cases := []struct {
		name  string
		in    operator.NewOperator
		field string
	}{
		{"bad email", operator.NewOperator{Email: "nope", Name: "N"}, "email"},
		{"empty name", operator.NewOperator{Email: "n@example.com"}, "name"},
		{"unknown role", operator.NewOperator{Email: "n@example.com", Name: "N", Role: "root"}, "role"},
		{"short password", operator.NewOperator{Email: "n@example.com", Name: "N", Password: "123456789"}, "password"},
		{"email taken in another case", operator.NewOperator{Email: "ADMIN@example.com", Name: "N"}, "email"},
	}
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := &operator.Service{DB: d}
		ctx := context.Background()
		admin := mustCreate(t, s, "Admin@Example.com", operator.Admin)
		if admin.Email != "admin@example.com" || !admin.IsAdmin() || !admin.Active {
			t.Errorf("created = %+v, want an active admin with a lower-cased address", admin)
		}
		agent, err := s.Create(ctx, operator.NewOperator{Email: "agent@example.com", Name: "Agent"})
		if err != nil || agent.Role != operator.Agent {
			t.Errorf("operator without a role = %+v, %v; want an agent", agent, err)
		}
		for _, tc := range cases {
			if _, err := s.Create(ctx, tc.in); testutil.Fields(err)[tc.field] == "" {
				t.Errorf("%s: error %v, want a message for %s", tc.name, err, tc.field)
			}
		}
		if n, _ := s.Count(ctx); n != 2 {
			t.Errorf("%d operators, want 2", n)
		}
	})
}

func TestAuthenticate(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := &operator.Service{DB: d}
		ctx := context.Background()
		admin := mustCreate(t, s, "admin@example.com", operator.Admin)
		gone := mustCreate(t, s, "gone@example.com", operator.Agent)
		if _, err := s.Update(ctx, admin, gone.ID, operator.Patch{Active: testutil.Ptr(false)}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Create(ctx, operator.NewOperator{Email: "nopass@example.com", Name: "No Pass"}); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name, email, password string
			ok                    bool
		}{
			{"right password", "admin@example.com", goodPassword, true},
			{"address in another case", "  ADMIN@example.COM ", goodPassword, true},
			{"wrong password", "admin@example.com", goodPassword + "!", false},
			{"empty password", "admin@example.com", "", false},
			{"unknown address", "nobody@example.com", goodPassword, false},
			{"inactive operator", "gone@example.com", goodPassword, false},
			{"operator without a password", "nopass@example.com", "", false},
		}
		for _, tc := range cases {
			o, err := s.Authenticate(ctx, tc.email, tc.password)
			if tc.ok && (err != nil || o.ID != admin.ID) {
				t.Errorf("%s: %+v, %v; want the admin", tc.name, o, err)
			}
			if !tc.ok && (!errors.Is(err, operator.ErrBadCredentials) || o.ID != 0) {
				t.Errorf("%s: %+v, %v; want ErrBadCredentials and no operator", tc.name, o, err)
			}
		}
	})
}

func TestTokens(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := &operator.Service{DB: d}
		ctx := context.Background()
		admin := mustCreate(t, s, "admin@example.com", operator.Admin)
		bea := mustCreate(t, s, "bea@example.com", operator.Agent)
		cal := mustCreate(t, s, "cal@example.com", operator.Agent)

		beaSecret, beaToken, err := s.CreateToken(ctx, bea, bea.ID, "  ")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(beaSecret, "fdk_") || len(beaSecret) < 40 || beaToken.Name != "API token" {
			t.Errorf("secret %q token %+v: want an fdk_ secret and the default name", beaSecret, beaToken)
		}
		calSecret, calToken, err := s.CreateToken(ctx, admin, cal.ID, "CI")
		if err != nil {
			t.Fatalf("admin creating a token for cal: %v", err)
		}
		owners := []struct {
			secret string
			want   int64
		}{{beaSecret, bea.ID}, {calSecret, cal.ID}}
		for _, o := range owners {
			if got, err := s.ByToken(ctx, o.secret); err != nil || got.ID != o.want {
				t.Errorf("ByToken = %d, %v; want operator %d", got.ID, err, o.want)
			}
		}
		list, err := s.Tokens(ctx, bea, bea.ID)
		if err != nil || len(list) != 1 || list[0].ID != beaToken.ID || list[0].LastUsedAt == nil {
			t.Errorf("bea's tokens = %+v, %v; want one, marked as used", list, err)
		}

		// An agent may not touch another operator's tokens.
		if _, _, err := s.CreateToken(ctx, bea, cal.ID, "sneaky"); !errors.Is(err, domain.ErrForbidden) {
			t.Errorf("agent creating a token for another: %v, want forbidden", err)
		}
		if _, err := s.Tokens(ctx, bea, cal.ID); !errors.Is(err, domain.ErrForbidden) {
			t.Errorf("agent listing another's tokens: %v, want forbidden", err)
		}
		if err := s.RevokeToken(ctx, bea, calToken.ID); !errors.Is(err, domain.ErrForbidden) {
			t.Errorf("agent revoking another's token: %v, want forbidden", err)
		}
		if got, err := s.ByToken(ctx, calSecret); err != nil || got.ID != cal.ID {
			t.Errorf("cal's token after a refused revoke: %v", err)
		}
		if list, err := s.Tokens(ctx, cal, cal.ID); err != nil || len(list) != 1 {
			t.Errorf("cal's tokens = %+v, %v; want the one the admin made", list, err)
		}

		// Admins may; owners may revoke their own.
		if list, err := s.Tokens(ctx, admin, cal.ID); err != nil || len(list) != 1 || list[0].Name != "CI" {
			t.Errorf("admin listing cal's tokens = %+v, %v", list, err)
		}
		if err := s.RevokeToken(ctx, admin, calToken.ID); err != nil {
			t.Fatal(err)
		}
		if err := s.RevokeToken(ctx, bea, beaToken.ID); err != nil {
			t.Fatal(err)
		}
		for _, secret := range []string{calSecret, beaSecret} {
			if _, err := s.ByToken(ctx, secret); !errors.Is(err, operator.ErrBadToken) {
				t.Errorf("revoked token: %v, want ErrBadToken", err)
			}
		}
		if list, _ := s.Tokens(ctx, bea, bea.ID); len(list) != 1 || list[0].RevokedAt == nil {
			t.Errorf("bea's tokens after revoke = %+v, want it marked revoked", list)
		}

		bad := []string{"", "garbage", "fdk_", "fdk_" + strings.Repeat("A", 43), strings.TrimPrefix(beaSecret, "fdk_")}
		for _, secret := range bad {
			if _, err := s.ByToken(ctx, secret); !errors.Is(err, operator.ErrBadToken) {
				t.Errorf("ByToken(%q): %v, want ErrBadToken", secret, err)
			}
		}
		if err := s.RevokeToken(ctx, admin, 999999); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("revoking a missing token: %v, want not found", err)
		}
		if _, _, err := s.CreateToken(ctx, admin, 999999, "x"); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("token for a missing operator: %v, want not found", err)
		}
		if _, _, err := s.CreateToken(ctx, bea, bea.ID, strings.Repeat("n", 101)); testutil.Fields(err)["name"] == "" {
			t.Errorf("long token name: %v, want a name error", err)
		}
	})
}

func TestTokenOfDeactivatedOperatorStops(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := &operator.Service{DB: d}
		ctx := context.Background()
		admin := mustCreate(t, s, "admin@example.com", operator.Admin)
		bea := mustCreate(t, s, "bea@example.com", operator.Agent)
		secret, _, err := s.CreateToken(ctx, bea, bea.ID, "script")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Update(ctx, admin, bea.ID, operator.Patch{Active: testutil.Ptr(false)}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ByToken(ctx, secret); !errors.Is(err, operator.ErrBadToken) {
			t.Errorf("token of a deactivated operator: %v, want ErrBadToken", err)
		}
		if _, err := s.Update(ctx, admin, bea.ID, operator.Patch{Active: testutil.Ptr(true)}); err != nil {
			t.Fatal(err)
		}
		if got, err := s.ByToken(ctx, secret); err != nil || got.ID != bea.ID {
			t.Errorf("token after reactivation: %v", err)
		}
	})
}

func TestUpdateKeepsAnActiveAdmin(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := &operator.Service{DB: d}
		ctx := context.Background()
		first := mustCreate(t, s, "first@example.com", operator.Admin)
		agentRole := operator.Agent
		steps := []struct {
			name  string
			id    func() int64
			patch operator.Patch
			want  error
		}{
			{"demote the only admin", func() int64 { return first.ID }, operator.Patch{Role: &agentRole}, domain.ErrConflict},
			{"deactivate the only admin", func() int64 { return first.ID }, operator.Patch{Active: testutil.Ptr(false)}, domain.ErrConflict},
			{"rename the only admin", func() int64 { return first.ID }, operator.Patch{Name: testutil.Ptr("First")}, nil},
			{"keep the only admin an admin", func() int64 { return first.ID }, operator.Patch{Role: testutil.Ptr(operator.Admin), Active: testutil.Ptr(true)}, nil},
		}
		for _, st := range steps {
			if _, err := s.Update(ctx, first, st.id(), st.patch); !errors.Is(err, st.want) {
				t.Errorf("%s: %v, want %v", st.name, err, st.want)
			}
		}
		second := mustCreate(t, s, "second@example.com", operator.Admin)
		// An inactive admin does not count.
		if _, err := s.Update(ctx, first, second.ID, operator.Patch{Active: testutil.Ptr(false)}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Update(ctx, first, first.ID, operator.Patch{Role: &agentRole}); !errors.Is(err, domain.ErrConflict) {
			t.Errorf("demote while the other admin is inactive: %v, want conflict", err)
		}
		if _, err := s.Update(ctx, first, second.ID, operator.Patch{Active: testutil.Ptr(true)}); err != nil {
			t.Fatal(err)
		}
		demoted, err := s.Update(ctx, first, first.ID, operator.Patch{Role: &agentRole})
		if err != nil || demoted.IsAdmin() {
			t.Fatalf("demote with another active admin: %+v, %v", demoted, err)
		}
		if _, err := s.Update(ctx, second, second.ID, operator.Patch{Active: testutil.Ptr(false)}); !errors.Is(err, domain.ErrConflict) {
			t.Errorf("deactivate the new last admin: %v, want conflict", err)
		}
		if got, _ := s.Get(ctx, second.ID); !got.IsAdmin() || !got.Active {
			t.Errorf("refused changes changed the last admin: %+v", got)
		}
	})
}

func TestUpdatePermissions(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := &operator.Service{DB: d}
		ctx := context.Background()
		admin := mustCreate(t, s, "admin@example.com", operator.Admin)
		bea := mustCreate(t, s, "bea@example.com", operator.Agent)
		cal := mustCreate(t, s, "cal@example.com", operator.Agent)
		adminRole := operator.Admin
		cases := []struct {
			name   string
			actor  operator.Operator
			target int64
			patch  operator.Patch
			want   error  // nil for success
			field  string // a validation field instead of want
		}{
			{name: "agent makes herself admin", actor: bea, target: bea.ID, patch: operator.Patch{Role: &adminRole}, want: domain.ErrForbidden},
			{name: "agent changes her role to agent", actor: bea, target: bea.ID, patch: operator.Patch{Role: testutil.Ptr(operator.Agent)}, want: domain.ErrForbidden},
			{name: "agent deactivates herself", actor: bea, target: bea.ID, patch: operator.Patch{Active: testutil.Ptr(false)}, want: domain.ErrForbidden},
			{name: "agent renames another", actor: bea, target: cal.ID, patch: operator.Patch{Name: testutil.Ptr("Cally")}, want: domain.ErrForbidden},
			{name: "agent sets another's password", actor: bea, target: cal.ID, patch: operator.Patch{Password: testutil.Ptr("taken over 123")}, want: domain.ErrForbidden},
			{name: "agent renames herself", actor: bea, target: bea.ID, patch: operator.Patch{Name: testutil.Ptr("Beatrice")}},
			{name: "empty name", actor: bea, target: bea.ID, patch: operator.Patch{Name: testutil.Ptr("")}, field: "name"},
			{name: "short password", actor: bea, target: bea.ID, patch: operator.Patch{Password: testutil.Ptr("short")}, field: "password"},
			{name: "unknown role", actor: admin, target: cal.ID, patch: operator.Patch{Role: testutil.Ptr(operator.Role("root"))}, field: "role"},
			{name: "admin promotes an agent", actor: admin, target: cal.ID, patch: operator.Patch{Role: &adminRole}},
			{name: "missing operator", actor: admin, target: 999999, patch: operator.Patch{Name: testutil.Ptr("x")}, want: domain.ErrNotFound},
		}
		for _, tc := range cases {
			_, err := s.Update(ctx, tc.actor, tc.target, tc.patch)
			switch {
			case tc.field != "":
				if testutil.Fields(err)[tc.field] == "" {
					t.Errorf("%s: %v, want a message for %s", tc.name, err, tc.field)
				}
			case !errors.Is(err, tc.want):
				t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
			}
		}
		if got, _ := s.Get(ctx, bea.ID); got.Role != operator.Agent || !got.Active || got.Name != "Beatrice" {
			t.Errorf("bea = %+v, want an active agent named Beatrice", got)
		}
		if got, _ := s.Get(ctx, cal.ID); got.Name != "cal" || !got.IsAdmin() {
			t.Errorf("cal = %+v, want the admin-granted role and the old name", got)
		}
		if _, err := s.Authenticate(ctx, "cal@example.com", goodPassword); err != nil {
			t.Errorf("cal's password changed by a refused update: %v", err)
		}
	})
}

func TestUpdatePassword(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := &operator.Service{DB: d}
		ctx := context.Background()
		bea := mustCreate(t, s, "bea@example.com", operator.Agent)
		if _, err := s.Update(ctx, bea, bea.ID, operator.Patch{Password: testutil.Ptr("a brand new secret"),
			CurrentPassword: testutil.Ptr(goodPassword)}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Authenticate(ctx, "bea@example.com", goodPassword); !errors.Is(err, operator.ErrBadCredentials) {
			t.Errorf("old password after change: %v, want ErrBadCredentials", err)
		}
		if got, err := s.Authenticate(ctx, "bea@example.com", "a brand new secret"); err != nil || got.ID != bea.ID {
			t.Errorf("new password: %v", err)
		}
		// A patch without a password keeps it.
		if _, err := s.Update(ctx, bea, bea.ID, operator.Patch{Name: testutil.Ptr("Bea")}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Authenticate(ctx, "bea@example.com", "a brand new secret"); err != nil {
			t.Errorf("password lost by a rename: %v", err)
		}
	})
}
