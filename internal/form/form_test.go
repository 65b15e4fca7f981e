package form_test

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/form"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func names(fs []form.Field) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Name)
	}
	return out
}

func TestDefaultFormUntilSaved(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		f, err := s.Forms.Get(ctx, 1)
		if err != nil {
			t.Fatal(err)
		}
		if !f.Published || f.Custom || !reflect.DeepEqual(names(f.Fields), []string{"first_name", "email", "subject", "description"}) {
			t.Errorf("fresh team's form = %+v", f)
		}
		if err := form.Validate(f.Fields); err != nil {
			t.Errorf("the default form breaks the rules: %v", err)
		}
		fields := append(f.Fields, form.Field{Name: "plan", Target: form.Extra, Type: form.Select, Label: "Plan",
			Options: []string{"Free", "Pro"}}, form.Field{Name: "seats", Target: form.Extra, Type: form.Text,
			Label: "Seats", ShowIf: "plan"})
		if _, err := s.Forms.Save(ctx, 1, form.Move(fields, 4, -1)); err != nil {
			t.Fatal(err)
		}
		got, err := s.Forms.Get(ctx, 1)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"first_name", "email", "subject", "plan", "description", "seats"}
		if !got.Custom || !reflect.DeepEqual(names(got.Fields), want) || !reflect.DeepEqual(got.Fields[3].Options, []string{"Free", "Pro"}) ||
			got.Fields[5].ShowIf != "plan" {
			t.Errorf("saved form = %+v, want order %v", got, want)
		}
		if err := s.Forms.SetPublished(ctx, 1, false); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.Forms.Get(ctx, 1); got.Published {
			t.Error("unpublished form still published")
		}
		if _, err := s.Forms.Get(ctx, 999); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("unknown team: %v", err)
		}
	})
}

func TestSaveRefusesBrokenFormAndKeepsTheOld(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		bad := append(form.Default(), form.Field{Name: "email2", Target: form.Email, Type: form.EmailIn, Label: "Again", Required: true})
		_, err := s.Forms.Save(ctx, 1, bad)
		if got := testutil.Fields(err); got["fields[4].target"] == "" {
			t.Errorf("two email fields: %v", err)
		}
		if f, _ := s.Forms.Get(ctx, 1); f.Custom {
			t.Error("a refused save changed the form")
		}
	})
}

func TestValidate(t *testing.T) {
	base := form.Default
	with := func(fn func([]form.Field) []form.Field) []form.Field { return fn(base()) }
	cases := []struct {
		name   string
		fields []form.Field
		want   string // a key that must be in the errors
	}{
		{"no email", form.Remove(base(), 1), "fields"},
		{"optional email", with(func(f []form.Field) []form.Field { f[1].Required = false; return f }), "fields[1].required"},
		{"email hidden by a rule", with(func(f []form.Field) []form.Field { f[1].ShowIf = "first_name"; return f }), "fields[1].required"},
		{"no label", with(func(f []form.Field) []form.Field { f[2].Label = " "; return f }), "fields[2].label"},
		{"bad name", with(func(f []form.Field) []form.Field { f[0].Name = "First Name"; return f }), "fields[0].name"},
		{"the honeypot's name", with(func(f []form.Field) []form.Field { f[0].Name = form.Honeypot; return f }), "fields[0].name"},
		{"same name", with(func(f []form.Field) []form.Field { f[3].Name = "subject"; return f }), "fields[3].name"},
		{"description as checkbox", with(func(f []form.Field) []form.Field { f[3].Type = form.Checkbox; return f }), "fields[3].type"},
		{"empty choice list", append(base(), form.Field{Name: "x", Target: form.Extra, Type: form.Select, Label: "X"}), "fields[4].options"},
		{"default not an option", append(base(), form.Field{Name: "x", Target: form.Extra, Type: form.Select, Label: "X",
			Options: []string{"a"}, Default: "b"}), "fields[4].default"},
		{"show_if below", with(func(f []form.Field) []form.Field { f[0].ShowIf = "subject"; return f }), "fields[0].show_if"},
		{"show_if itself", with(func(f []form.Field) []form.Field { f[2].ShowIf = "subject"; return f }), "fields[2].show_if"},
		{"unknown target", append(base(), form.Field{Name: "x", Target: "ticket.owner", Type: form.Text, Label: "X"}), "fields[4].target"},
	}
	for _, tc := range cases {
		err := form.Validate(form.Normalize(tc.fields))
		if _, ok := testutil.Fields(err)[tc.want]; !ok {
			t.Errorf("%s: errors %v lack %q", tc.name, err, tc.want)
		}
	}
	if err := form.Validate(form.Normalize(append(base(), form.Field{Name: "p", Target: form.Priority, Type: form.Select, Label: "Urgency"}))); err != nil {
		t.Errorf("a priority field takes its options from the levels: %v", err)
	}
}

func TestMoveAndRemove(t *testing.T) {
	f := form.Default()
	if got := names(form.Move(f, 0, 1)); !reflect.DeepEqual(got, []string{"email", "first_name", "subject", "description"}) {
		t.Errorf("down: %v", got)
	}
	if got := names(form.Move(f, 0, -1)); !reflect.DeepEqual(got, names(f)) {
		t.Errorf("up past the top: %v", got)
	}
	if got := names(form.Move(f, 3, 1)); !reflect.DeepEqual(got, names(f)) {
		t.Errorf("down past the end: %v", got)
	}
	f[2].ShowIf = "first_name"
	got := form.Remove(f, 0)
	if !reflect.DeepEqual(names(got), []string{"email", "subject", "description"}) || got[1].ShowIf != "" {
		t.Errorf("remove: %+v", got)
	}
	if names(f)[0] != "first_name" {
		t.Error("Remove changed its input")
	}
}
