package ui_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/mail/inbound"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// TestBouncingAddressShownAndCleared: the ticket and the contact page say
// that an address bounces, when and why; the contact page clears it (a
// form with CSRF); an unmatched bounce is listed under Failed mail.
func TestBouncingAddressShownAndCleared(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		tk := e.openFor("Printer", 0, ada)
		why := "5.2.2 552 mailbox <full>"
		if err := contact.MarkBouncing(ctx, d.Write, ada.Email, why); err != nil {
			t.Fatal(err)
		}
		escaped := "5.2.2 552 mailbox &lt;full&gt;"
		expect(t, "ticket", e.get(fmt.Sprintf("/tickets/%d", tk.Number), http.StatusOK),
			[]string{">bouncing</span>", escaped, "ada@example.com bounces:</strong> the reply is kept here but not mailed"},
			[]string{"<full>", "Goes by mail to ada@example.com"})
		page := fmt.Sprintf("/contacts/%d", tk.Contact.ID)
		expect(t, "contact", e.get(page, http.StatusOK), []string{"Bouncing addresses", escaped,
			`action="` + page + `/bounces/clear"`, `name="email" value="ada@example.com"`}, nil)

		clear := url.Values{"email": {ada.Email}}
		if res, _ := e.post(page+"/bounces/clear", clear, false); res.StatusCode != http.StatusForbidden {
			t.Errorf("clear without CSRF: %d, want 403", res.StatusCode)
		}
		if res, _ := e.post(page+"/bounces/clear", url.Values{"email": {"someone@else.example"}}, true); res.StatusCode != http.StatusNotFound {
			t.Errorf("clearing an address not the contact's: %d, want 404", res.StatusCode)
		}
		res, _ := e.post(page+"/bounces/clear", clear, true)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("clear: %d", res.StatusCode)
		}
		expect(t, "after clearing", e.get(res.Header.Get("Location"), http.StatusOK),
			[]string{"no longer counts as bouncing"}, []string{"Bouncing addresses", escaped})
		expect(t, "ticket after clearing", e.get(fmt.Sprintf("/tickets/%d", tk.Number), http.StatusOK),
			[]string{"Goes by mail to ada@example.com"}, []string{">bouncing</span>", "bounces:</strong>"})
		if bouncing, err := contact.IsBouncing(ctx, d.Read, ada.Email); err != nil || bouncing {
			t.Errorf("ada still bouncing: %v, %v", bouncing, err)
		}

		forged := "From: <mailer-daemon@evil.example>\r\nTo: support@localhost\r\nSubject: Forged report\r\n" +
			"MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n" +
			"--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; evil.example\r\n\r\n" +
			"Final-Recipient: rfc822; ada@example.com\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n--b--\r\n"
		a, err := e.s.Mail.Accept(ctx, []byte(forged), inbound.Source{Kind: inbound.SourceImport})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.s.Mail.Process(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
		expect(t, "failed mail", e.get("/mail/failed", http.StatusOK), []string{"Unmatched bounces",
			"Forged report", fmt.Sprintf(`href="/mail/failed/%d/raw"`, a.ID)}, nil)
		if bouncing, _ := contact.IsBouncing(ctx, d.Read, ada.Email); bouncing {
			t.Error("a forged report marked ada as bouncing")
		}
	})
}
