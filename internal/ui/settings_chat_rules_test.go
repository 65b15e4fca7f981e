package ui_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func TestSettingsChannelRules(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		ch, err := e.s.Chats.CreateChannel(ctx, chat.NewChannel{Name: "Shop", Slug: "shop"})
		if err != nil {
			t.Fatal(err)
		}
		page := "/settings/chat/" + itoa(ch.ID)
		expect(t, "empty", e.getAs("admin", page, http.StatusOK), []string{`id="rules"`, "No rules: every page shows",
			`id="geoip-missing"`, "FRONTDESK_GEOIP_DB"}, nil)
		e.postAs("agent", page+"/rules", url.Values{"n": {"0"}, "op": {"save"}}, http.StatusForbidden)

		added := e.postAs("admin", page+"/rules", url.Values{"n": {"0"}, "op": {"add"}}, http.StatusOK)
		expect(t, "added, unsaved", added, []string{"Rule 1", `name="url_0"`, "Not saved yet"}, []string{"No rules:"})
		bad := url.Values{"n": {"2"}, "op": {"save"},
			"action_0": {"auto_open"}, "delay_0": {"soon"}, "url_0": {"/(pricing"}, "countries_0": {"DE, XX"},
			"action_1": {"hide"}, "url_1": {"^/checkout"}, "nobody_1": {"1"}}
		expect(t, "refused", e.postAs("admin", page+"/rules", bad, http.StatusUnprocessableEntity),
			[]string{`id="delay_0-error">Must be a whole number`, `id="url_0-error">Is not a valid regular expression`,
				`id="countries_0-error">&#34;XX&#34; is not an ISO country code`, "Needs a chatbot", `value="/(pricing"`}, nil)
		if rs, _ := e.s.Chats.Rules(ctx, ch.ID); len(rs) != 0 {
			t.Fatalf("refused rules stored: %+v", rs)
		}
		good := url.Values{"n": {"2"}, "op": {"save"},
			"action_0": {"auto_open"}, "delay_0": {"5"}, "url_0": {"^/pricing"}, "countries_0": {"de fr"},
			"action_1": {"hide"}, "url_1": {"^/checkout"}}
		e.postAs("admin", page+"/rules", good, http.StatusSeeOther)
		good.Set("op", "up-1")
		expect(t, "moved, unsaved", e.postAs("admin", page+"/rules", good, http.StatusOK),
			[]string{`<option value="hide" selected>`}, nil)
		rs, _ := e.s.Chats.Rules(ctx, ch.ID)
		if len(rs) != 2 || rs[0].Action != chat.AutoOpen || rs[0].DelayS != 5 || rs[0].Countries[1] != "FR" || rs[1].Action != chat.Hide {
			t.Fatalf("saved rules: %+v", rs)
		}
		expect(t, "saved", e.getAs("admin", page+"?done=rules-saved", http.StatusOK),
			[]string{"Rules saved.", `value="DE, FR"`, `value="^/pricing"`}, nil)
	})
}
