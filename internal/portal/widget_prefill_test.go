package portal_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/form"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// A team's published form may have no name field (only the email is
// required): a signed visitor whose site passes a name still opens a
// ticket, the name is not prefilled into a field the form lacks (answers
// would refuse it), and the contact takes the signed name all the same.
func TestSignedNameNotPrefilledIntoAMissingField(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		h := widgetHandler(t, e, false)
		var fields []form.Field
		for _, f := range form.Default() {
			if f.Target != form.FirstName {
				fields = append(fields, f)
			}
		}
		if _, err := e.s.Forms.Save(context.Background(), 1, fields); err != nil {
			t.Fatal(err)
		}
		code, out, _ := call(t, h, "POST", "/widget/v1/support/tickets", hostOrigin, map[string]any{
			"identity": signed(t, "u-7"), "email": "u-7@example.com", "subject": "Hi", "message": "Hello"})
		if code != http.StatusCreated {
			t.Fatalf("signed visitor on a form without a name field: %d %v, want 201", code, out)
		}
		tk, _ := e.s.Tickets.ByToken(context.Background(), out["token"].(string))
		if tk.Contact.FirstName != "User u-7" {
			t.Errorf("contact = %+v, want the signed name", tk.Contact)
		}
	})
}
