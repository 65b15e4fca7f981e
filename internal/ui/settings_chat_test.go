package ui_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func TestSettingsCannedResponses(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		expect(t, "empty", e.getAs("admin", "/settings/canned", http.StatusOK), []string{"No canned responses yet"}, nil)
		e.getAs("agent", "/settings/canned", http.StatusForbidden)
		e.postAs("agent", "/settings/canned", url.Values{"shortcut": {"sorry"}, "body": {"x"}}, http.StatusForbidden)

		body := e.postAs("admin", "/settings/canned", url.Values{"shortcut": {"Sorry Now"}, "body": {" "}, "team_id": {"0"}},
			http.StatusUnprocessableEntity)
		expect(t, "refused", body, []string{`id="shortcut-error">Must be 1 to 40 lowercase letters`, `id="body-error">Is required.`}, nil)

		teams, _ := e.s.Teams.List(context.Background())
		team := itoa(teams[0].ID)
		e.postAs("admin", "/settings/canned", url.Values{"shortcut": {":sorry"}, "body": {"Sorry for the <wait>."}, "team_id": {team}}, http.StatusSeeOther)
		e.postAs("admin", "/settings/canned", url.Values{"shortcut": {"hours"}, "body": {"We answer 9 to 5."}, "team_id": {"0"}}, http.StatusSeeOther)
		expect(t, "taken", e.postAs("admin", "/settings/canned", url.Values{"shortcut": {"sorry"}, "body": {"again"}, "team_id": {team}},
			http.StatusUnprocessableEntity), []string{`id="shortcut-error">Is already used.`}, nil)
		list := e.getAs("admin", "/settings/canned", http.StatusOK)
		expect(t, "list", list, []string{"Every team", teams[0].Name, "<code>:sorry</code>", "Sorry for the &lt;wait&gt;."}, []string{"<wait>"})
		if strings.Index(list, ":hours") > strings.Index(list, ":sorry") {
			t.Errorf("the shared responses should come first")
		}

		expect(t, "picker for the team", e.getAs("agent", "/canned-responses?team="+team, http.StatusOK),
			[]string{`"shortcut":"hours"`, `"shortcut":"sorry"`, `Sorry for the \u003cwait\u003e.`}, nil)
		expect(t, "picker without a team", e.getAs("agent", "/canned-responses", http.StatusOK), []string{`"shortcut":"hours"`}, []string{"sorry"})

		all, _ := e.s.Chats.CannedList(context.Background())
		var sorry chat.Canned
		for _, c := range all {
			if c.Shortcut == "sorry" {
				sorry = c
			}
		}
		page := "/settings/canned/" + itoa(sorry.ID)
		expect(t, "edit", e.getAs("admin", page, http.StatusOK), []string{`value="sorry"`, `data-confirm="Delete the canned response :sorry?"`, `class="danger"`}, nil)
		e.postAs("admin", page, url.Values{"shortcut": {"apology"}, "body": {"We apologise."}, "team_id": {team}}, http.StatusSeeOther)
		expect(t, "renamed", e.getAs("admin", "/settings/canned", http.StatusOK), []string{":apology", "We apologise."}, []string{":sorry"})
		e.postAs("admin", page+"/delete", url.Values{}, http.StatusSeeOther)
		expect(t, "deleted", e.getAs("admin", "/settings/canned?done=canned-deleted", http.StatusOK), []string{"Canned response deleted."}, []string{":apology"})
	})
}

func TestSettingsChatChannels(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		e.getAs("agent", "/settings/chat", http.StatusForbidden)
		expect(t, "empty", e.getAs("admin", "/settings/chat", http.StatusOK), []string{"No chat channels yet"}, nil)
		expect(t, "refused", e.postAs("admin", "/settings/chat", url.Values{"name": {""}, "slug": {"Not A Slug"}}, http.StatusUnprocessableEntity),
			[]string{`id="name-error">Is required.`, `id="slug-error">Must be lowercase letters, digits and dashes.`, `value="Not A Slug"`}, nil)
		e.postAs("admin", "/settings/chat", url.Values{"name": {"Sales <b>"}, "slug": {"sales"}}, http.StatusSeeOther)
		chs, _ := e.s.Chats.Channels(context.Background())
		if len(chs) != 1 {
			t.Fatalf("%d channels, want the one made", len(chs))
		}
		page := "/settings/chat/" + itoa(chs[0].ID)
		expect(t, "list", e.getAs("admin", "/settings/chat", http.StatusOK), []string{"Sales &lt;b&gt;", `href="/chat/sales"`, "Nobody yet"}, nil)

		form := url.Values{"name": {"Sales"}, "slug": {"sales"}, "button_color": {"#ff0000"}, "welcome_message": {"Hi there"},
			"prechat_email": {"required"}, "missed_after": {"120"}}
		e.postAs("admin", page, form, http.StatusSeeOther)
		ch, _ := e.s.Chats.Channel(context.Background(), chs[0].ID)
		if o := ch.Options; o.ButtonColor != "#ff0000" || o.WelcomeMessage != "Hi there" || o.PrechatEmail != chat.PrechatRequired || o.MissedAfter != 120 {
			t.Fatalf("options after save: %+v", o)
		}
		expect(t, "channel page", e.getAs("admin", page, http.StatusOK),
			[]string{`value="#ff0000"`, `name="reset" value="button_color"`, "Default: “#2563eb”", `placeholder="How may I help you?"`, "Join channel"},
			[]string{`name="reset" value="header_color"`})

		form.Set("reset", "button_color")
		e.postAs("admin", page, form, http.StatusSeeOther)
		ch, _ = e.s.Chats.Channel(context.Background(), chs[0].ID)
		if ch.Options.ButtonColor != "" || ch.Options.WelcomeMessage != "Hi there" || ch.Options.Effective().ButtonColor != "#2563eb" {
			t.Errorf("after resetting the button colour: %+v, want it default and the rest kept", ch.Options)
		}
		form.Del("reset")
		form.Set("header_color", "red")
		form.Set("missed_after", "soon")
		expect(t, "bad options", e.postAs("admin", page, form, http.StatusUnprocessableEntity),
			[]string{`id="missed_after-error">Must be a whole number of seconds.`, `value="soon"`}, nil)
		form.Set("missed_after", "5")
		expect(t, "bad colour", e.postAs("admin", page, form, http.StatusUnprocessableEntity),
			[]string{`id="header_color-error">Must be a colour like #2563eb.`, `id="missed_after-error">Must be between 10 and 3600 seconds.`}, nil)

		e.postAs("agent", "/chats/channels/"+itoa(chs[0].ID)+"/join", url.Values{"back": {"/chats"}}, http.StatusSeeOther)
		expect(t, "joined", e.getAs("admin", "/settings/chat", http.StatusOK), []string{"The agent"}, nil)
		expect(t, "agent's panel", e.getAs("agent", "/chats", http.StatusOK), []string{`aria-label="Leave channel Sales"`}, nil)
		e.postAs("agent", "/chats/channels/"+itoa(chs[0].ID)+"/leave", url.Values{"back": {"/chats"}}, http.StatusSeeOther)
		expect(t, "left", e.getAs("agent", "/chats", http.StatusOK), []string{`aria-label="Join channel Sales"`}, nil)
		e.postAs("agent", "/chats/channels/999999/join", url.Values{}, http.StatusNotFound)
	})
}
