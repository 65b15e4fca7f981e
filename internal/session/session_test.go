package session_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/session"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func TestSessionLifecycle(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := testutil.Services(t, d)
		op, err := s.Operators.Create(ctx, operator.NewOperator{Email: "a@example.com", Name: "A", Role: operator.Agent})
		if err != nil {
			t.Fatal(err)
		}
		now := time.Date(2030, 1, 1, 12, 0, 0, 0, time.UTC)
		store := &session.Store{DB: d, TTL: time.Hour, Now: func() time.Time { return now }}
		secret, _, err := store.Create(ctx, op.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(secret) < 43 {
			t.Fatalf("secret %q is shorter than 256 bits", secret)
		}
		steps := []struct {
			name    string
			advance time.Duration
			secret  string
			wantErr error
			renewed bool
		}{
			{"fresh", 0, secret, nil, false},
			{"unknown secret", 0, "nope", session.ErrUnknown, false},
			{"used later slides the expiry", 50 * time.Minute, secret, nil, true},
			{"alive past the first hour", 50 * time.Minute, secret, nil, true},
			{"expired after an idle hour", 61 * time.Minute, secret, session.ErrUnknown, false},
		}
		for _, st := range steps {
			now = now.Add(st.advance)
			ss, err := store.Lookup(ctx, st.secret)
			if !errors.Is(err, st.wantErr) {
				t.Fatalf("%s: err %v, want %v", st.name, err, st.wantErr)
			}
			if err == nil && (ss.OperatorID != op.ID || ss.Renewed != st.renewed) {
				t.Fatalf("%s: got %+v", st.name, ss)
			}
		}
		secret2, _, _ := store.Create(ctx, op.ID)
		if err := store.Delete(ctx, secret2); err != nil {
			t.Fatal(err)
		}
		if _, err := store.Lookup(ctx, secret2); !errors.Is(err, session.ErrUnknown) {
			t.Fatalf("after delete: %v", err)
		}
	})
}
