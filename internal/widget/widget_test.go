package widget_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/widget"
)

func TestSecretMadeOnFirstLookAndRotated(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		first, err := s.Widgets.Get(ctx, 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(first.Secret) != 64 || first.Color != "#2563eb" || first.RequireVerified || len(first.Origins) != 0 {
			t.Errorf("fresh settings = %+v", first)
		}
		again, _ := s.Widgets.Get(ctx, 1)
		if again.Secret != first.Secret {
			t.Error("the secret changed on a second look")
		}
		sig := widget.Sign(first.Secret, "user-42")
		if !again.Verify("user-42", sig) {
			t.Error("a good signature was refused")
		}
		rotated, err := s.Widgets.Rotate(ctx, 1)
		if err != nil {
			t.Fatal(err)
		}
		if rotated.Secret == first.Secret || len(rotated.Secret) != 64 {
			t.Errorf("rotation kept the secret: %q", rotated.Secret)
		}
		if rotated.Verify("user-42", sig) {
			t.Error("a signature under the old secret still verifies")
		}
		if _, err := s.Widgets.Rotate(ctx, 999); err == nil {
			t.Error("rotating an unknown team succeeded")
		}
	})
}

func TestUpdateSettings(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		got, err := s.Widgets.Update(ctx, 1, widget.Input{Origins: []string{"https://WWW.Example.com/", "", "http://localhost:3000",
			"https://www.example.com"}, RequireVerified: true, Color: "#FF8800"})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Origins, []string{"https://www.example.com", "http://localhost:3000"}) || !got.RequireVerified || got.Color != "#ff8800" {
			t.Errorf("settings = %+v", got)
		}
		if !got.AllowsOrigin("https://www.example.com") || got.AllowsOrigin("https://evil.example") || got.AllowsOrigin("null") {
			t.Error("origin check wrong")
		}
		_, err = s.Widgets.Update(ctx, 1, widget.Input{Origins: []string{"https://ok.example", "example.com/path"}, Color: "red"})
		f := testutil.Fields(err)
		if f["origins[1]"] == "" || f["color"] == "" {
			t.Errorf("bad input errors = %v", err)
		}
	})
}

func TestVerify(t *testing.T) {
	secret := "5f1a0c3d9e7b2a4c6d8e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e"
	// The documented example: docs/forms.md shows this exact value, which
	// Python's hmac module gives too.
	good := widget.Sign(secret, "user-42")
	if good != "ce3d9faa42f8bda7e468fc0f7ccd592d334b3eab0a33b2f92f305f316c504c01" {
		t.Errorf("Sign = %s, not the documented value", good)
	}
	cases := []struct {
		name, id, sig string
		ok            bool
	}{
		{"good", "user-42", good, true},
		{"upper-case hex", "user-42", upper(good), true},
		{"other id", "user-43", good, false},
		{"forged", "user-42", widget.Sign("guess", "user-42"), false},
		{"truncated", "user-42", good[:62], false},
		{"not hex", "user-42", "zz" + good[2:], false},
		{"empty", "user-42", "", false},
		{"no id", "", widget.Sign(secret, ""), false},
	}
	for _, tc := range cases {
		if got := widget.Verify(secret, tc.id, tc.sig); got != tc.ok {
			t.Errorf("%s: Verify = %v", tc.name, got)
		}
	}
	if widget.Verify("", "user-42", widget.Sign("", "user-42")) {
		t.Error("an empty secret verified")
	}
}

func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'f' {
			b[i] = c - 32
		}
	}
	return string(b)
}

func TestSignIdentity(t *testing.T) {
	secret := "5f1a0c3d9e7b2a4c6d8e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e"
	// The documented example (docs/widget.md), which Python's hmac gives too.
	good := widget.SignIdentity(secret, "user-42", "sam@example.com")
	if good != "v2.af27446e35c6d36a990df0affe5bc747042e55899fc346f0d8da0f81219c85b6" {
		t.Errorf("SignIdentity = %s, not the documented value", good)
	}
	cases := []struct {
		name, id, email, sig string
		want                 widget.Signed
	}{
		{"both signed", "user-42", "sam@example.com", good, widget.ExternalIDAndEmail},
		{"another email", "user-42", "eve@example.com", good, widget.Unsigned},
		{"the email moved into the id", "user-42,15:sam@example.com", "", good, widget.Unsigned},
		{"first form, email not covered", "user-42", "eve@example.com", widget.Sign(secret, "user-42"), widget.ExternalID},
		// A first-form signature of an id that reads like the second
		// form's message is no signature of the email: the keys differ.
		{"first form posing as second", "user-42", "sam@example.com",
			"v2." + widget.Sign(secret, "7:user-42,15:sam@example.com,"), widget.Unsigned},
		{"padded signature", "user-42", "sam@example.com", " " + good, widget.Unsigned},
	}
	for _, tc := range cases {
		if got := widget.Check(secret, tc.id, tc.email, tc.sig); got != tc.want {
			t.Errorf("%s: Check = %v, want %v", tc.name, got, tc.want)
		}
	}
}
