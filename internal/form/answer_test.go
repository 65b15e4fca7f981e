package form_test

import (
	"reflect"
	"testing"

	"github.com/frontdesk/frontdesk/internal/form"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func sample() form.Form {
	return form.Form{Fields: form.Normalize(append(form.Default(),
		form.Field{Name: "plan", Target: form.Extra, Type: form.Select, Label: "Plan", Options: []string{"Free", "Pro"}},
		form.Field{Name: "seats", Target: form.Extra, Type: form.Text, Label: "Seats", Required: true, ShowIf: "plan"},
		form.Field{Name: "site", Target: form.Extra, Type: form.URL, Label: "Website"},
		form.Field{Name: "urgent", Target: form.Priority, Type: form.Select, Label: "Urgency"},
		form.Field{Name: "gdpr", Target: form.Extra, Type: form.Checkbox, Label: "Keep me posted"},
		form.Field{Name: "shot", Target: form.Extra, Type: form.File, Label: "Screenshot"},
	))}
}

func TestReadAnswers(t *testing.T) {
	f := sample()
	_, err := f.Read(form.Answers{"email": "not-an-address", "plan": "Gold", "site": "javascript:alert(1)", "description": "  "})
	want := map[string]string{"email": "Please enter an email address like name@example.com.", "subject": "Please fill this in.",
		"description": "Please fill this in.", "plan": "Please choose one of the options.", "seats": "Please fill this in.",
		"site": "Please enter a web address starting with https://."}
	if got := testutil.Fields(err); !reflect.DeepEqual(got, want) {
		t.Errorf("errors = %v\nwant %v", got, want)
	}
	r, err := f.Read(form.Answers{"first_name": " Ada ", "email": "ada@example.com", "subject": "Help",
		"description": "It broke.\n", "plan": "Pro", "seats": "12", "urgent": "High", "gdpr": "on", "shot": "a.png"})
	if err != nil {
		t.Fatal(err)
	}
	if r.FirstName != "Ada" || r.Email != "ada@example.com" || r.Subject != "Help" || r.Description != "It broke." ||
		r.Priority != 2 || !reflect.DeepEqual(r.Files, []string{"shot"}) ||
		!reflect.DeepEqual(r.Extras, []form.Value{{"Plan", "Pro"}, {"Seats", "12"}, {"Keep me posted", "Yes"}}) {
		t.Errorf("result = %+v", r)
	}
}

func TestHiddenFieldsAreNeitherRequiredNorKept(t *testing.T) {
	f := sample()
	r, err := f.Read(form.Answers{"email": "ada@example.com", "subject": "Help", "description": "x", "seats": "99"})
	if err != nil {
		t.Fatalf("seats is hidden while plan is empty, so not required: %v", err)
	}
	for _, e := range r.Extras {
		if e.Label == "Seats" {
			t.Errorf("a hidden field's answer was kept: %+v", r.Extras)
		}
	}
	if _, err := f.Read(form.Answers{"email": "ada@example.com", "subject": "Help", "description": "x", "plan": "Free"}); testutil.Fields(err)["seats"] == "" {
		t.Errorf("seats shows once plan is chosen and is then required: %v", err)
	}
}

func TestSubjectDerivedWhenTheFormHasNone(t *testing.T) {
	f := form.Form{Fields: form.Remove(form.Default(), 2)}
	r, err := f.Read(form.Answers{"email": "ada@example.com", "description": "\nPrinter on fire\nPlease come"})
	if err != nil || r.Subject != "Printer on fire" {
		t.Errorf("subject = %q (%v)", r.Subject, err)
	}
}
