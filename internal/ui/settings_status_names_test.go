package ui_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// The pipeline form edits each status's customer-facing name.
func TestSettingsStatusCustomerNames(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		form := url.Values{"name": {"Sales"}, "n": {"2"}, "op": {"save"},
			"sname_0": {"Lead"}, "skind_0": {"open"}, "scust_0": {"Received"},
			"sname_1": {"Won"}, "skind_1": {"closed"}, "scust_1": {strings.Repeat("x", 61)}}
		bad := e.postAs("admin", "/settings/pipelines", form, http.StatusUnprocessableEntity)
		expect(t, "too long", bad, []string{"The name customers see: must be at most 60 characters", `value="Received"`}, nil)
		form.Set("scust_1", "")
		e.postAs("admin", "/settings/pipelines", form, http.StatusSeeOther)
		list, err := e.s.Pipelines.List(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range list {
			if p.Name != "Sales" {
				continue
			}
			if p.Statuses[0].Public() != "Received" || p.Statuses[1].Public() != "Won" || p.Statuses[1].CustomerName != "" {
				t.Fatalf("statuses %+v", p.Statuses)
			}
			expect(t, "form", e.getAs("admin", "/settings/pipelines/"+itoa(p.ID), http.StatusOK),
				[]string{`name="scust_0" value="Received"`, `placeholder="Customers see: Won"`}, nil)
			return
		}
		t.Fatal("no Sales pipeline")
	})
}
