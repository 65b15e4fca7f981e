package ui_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func TestAccountNotificationMail(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		expect(t, "every time by default", e.getAs("agent", "/settings/account", http.StatusOK),
			[]string{`name="notify_mail" value="every" checked`}, []string{`value="digest" checked`})
		expect(t, "refused", e.postAs("agent", "/settings/account/notifications", url.Values{"notify_mail": {"hourly"}},
			http.StatusUnprocessableEntity), []string{`id="notify_mail-error">Choose every time, a daily digest or never`}, nil)
		e.postAs("agent", "/settings/account/notifications", url.Values{"notify_mail": {"digest"}}, http.StatusSeeOther)
		expect(t, "saved", e.getAs("agent", "/settings/account?done=notify-saved", http.StatusOK),
			[]string{"Notification mail choice saved.", `name="notify_mail" value="digest" checked`}, nil)
		expect(t, "the admin's own", e.getAs("admin", "/settings/account", http.StatusOK), []string{`value="every" checked`}, nil)
	})
}
