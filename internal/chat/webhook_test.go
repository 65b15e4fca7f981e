package chat_test

import (
	"context"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/webhook"
)

// A chat's start and end each queue their webhook event, with the chat's
// state and people but none of its messages.
func TestChatStartAndEndReachWebhooks(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		ctx := context.Background()
		events := []string{webhook.ChatStarted, webhook.ChatEnded}
		h, err := f.s.Webhooks.Create(ctx, webhook.Input{Name: testutil.Ptr("CRM"), URL: testutil.Ptr("https://crm.example.com/in"),
			Events: &events, CustomerFacing: testutil.Ptr(true)})
		if err != nil {
			t.Fatal(err)
		}
		f.operator(t, "Ada")
		c := f.start(t, "v1")
		if _, err := f.c.End(ctx, c.ID); err != nil {
			t.Fatal(err)
		}
		rows, err := d.Read.Query(`SELECT event, body FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY id`, h.ID)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var got []string
		for rows.Next() {
			var event, body string
			if err := rows.Scan(&event, &body); err != nil {
				t.Fatal(err)
			}
			got = append(got, event)
			if !strings.Contains(body, `"chat":{"id":`) || strings.Contains(body, `"body"`) {
				t.Errorf("%s body %s: want the chat, no messages", event, body)
			}
			if event == webhook.ChatEnded && !strings.Contains(body, `"state":"ended"`) {
				t.Errorf("chat_ended body %s", body)
			}
		}
		if strings.Join(got, ",") != "chat_started,chat_ended" {
			t.Errorf("deliveries %v", got)
		}
	})
}
