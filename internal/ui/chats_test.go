package ui_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// liveChat turns on the first team's chat, puts the admin in its channel
// online and starts a chat, which routing hands to the admin.
func (e *env) liveChat(visitor string) (chat.Channel, chat.Chat) {
	e.t.Helper()
	ctx := context.Background()
	teams, err := e.s.Teams.List(ctx)
	if err != nil {
		e.t.Fatal(err)
	}
	tm, err := e.s.Teams.Update(ctx, teams[0].ID, team.Input{Channels: &team.Channels{Email: true, LiveChat: true}})
	if err != nil {
		e.t.Fatal(err)
	}
	ch, err := e.s.Chats.ChannelBySlug(ctx, tm.Slug)
	if err != nil {
		e.t.Fatal(err)
	}
	if err := e.s.Chats.Join(ctx, ch.ID, e.ids["admin"]); err != nil {
		e.t.Fatal(err)
	}
	if _, err := e.s.Chats.SetAvailability(ctx, e.ids["admin"], chat.Online); err != nil {
		e.t.Fatal(err)
	}
	c, _, err := e.s.Chats.Start(ctx, chat.NewChat{Channel: ch.Slug, VisitorKey: "v-1", Name: visitor,
		Email: "sam@example.com", Message: "Hello, my printer is on fire"})
	if err != nil {
		e.t.Fatal(err)
	}
	return ch, c
}

const scriptName = `<script>alert(1)</script>`

func TestChatPanelAndView(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		_, c := e.liveChat(scriptName)
		if c.Operator == nil || c.Operator.ID != e.ids["admin"] {
			t.Fatalf("chat went to %+v, want the admin, the only one online", c.Operator)
		}
		page := "/chats/" + itoa(c.ID)
		if err := e.s.Chats.Visited(context.Background(), c.ID, "javascript:alert(1)", "Evil <b>page</b>"); err != nil {
			t.Fatal(err)
		}
		expect(t, "panel", e.getAs("admin", "/chats", http.StatusOK),
			[]string{`href="/chats" class="chats-link" aria-current="page"`, "Waiting", "Mine", "All active",
				`href="/chats/` + itoa(c.ID) + `">&lt;script&gt;`, "Nobody is waiting.", `id="notify-enable"`},
			[]string{scriptName})
		expect(t, "chat view", e.getAs("agent", page, http.StatusOK),
			[]string{"Hello, my printer is on fire", "With The admin", "sam@example.com", `data-canned-team=`,
				"Transfer to", "End chat", `data-seq="1"`, "Evil &lt;b&gt;page&lt;/b&gt;"},
			[]string{scriptName, `action="/chats/` + itoa(c.ID) + `/leave"`, `href="javascript`, "<b>page</b>"})

		e.postAs("admin", page+"/messages", url.Values{"body": {"/help"}}, http.StatusSeeOther)
		e.postAs("admin", page+"/messages", url.Values{"body": {"We are on it"}}, http.StatusSeeOther)
		e.postAs("admin", page+"/messages", url.Values{"body": {"/ticket Printer fire"}}, http.StatusSeeOther)
		body := e.getAs("admin", page, http.StatusOK)
		expect(t, "after commands", body, []string{"Only operators see this", "We are on it", "Ticket #", `<a href="` + e.s.Chats.BaseURL + `/tickets/`, "/leave"}, nil)
		visitor, err := e.s.Chats.Messages(context.Background(), c.ID, 0, false)
		if err != nil {
			t.Fatal(err)
		}
		var seen []string
		for _, m := range visitor {
			seen = append(seen, m.Body)
		}
		if got := strings.Join(seen, " | "); got != "Hello, my printer is on fire | We are on it" {
			t.Errorf("the visitor gets %q, want only the public messages", got)
		}
		e.postAs("admin", page+"/messages", url.Values{"body": {"/nonsense"}}, http.StatusUnprocessableEntity)
	})
}

func TestChatActionsAndTranscript(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ch, c := e.liveChat("Sam")
		page := "/chats/" + itoa(c.ID)
		res, _ := e.do(e.newClient(), http.MethodGet, page, nil, nil)
		if res.StatusCode != http.StatusSeeOther && res.StatusCode != http.StatusFound {
			t.Errorf("a stranger opening a chat: %d, want a redirect to sign in", res.StatusCode)
		}
		res, _ = e.do(e.client("agent"), http.MethodPost, page+"/end", url.Values{}, nil)
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("end without the CSRF token: %d, want 403", res.StatusCode)
		}
		e.postAs("admin", page+"/transfer", url.Values{"to": {""}}, http.StatusUnprocessableEntity)
		e.postAs("admin", page+"/leave", url.Values{}, http.StatusSeeOther)
		expect(t, "queued again", e.getAs("agent", "/chats", http.StatusOK),
			[]string{`action="/chats/` + itoa(c.ID) + `/take"`, `aria-label="Take the chat with Sam"`}, nil)
		if err := e.s.Chats.Join(context.Background(), ch.ID, e.ids["agent"]); err != nil {
			t.Fatal(err)
		}
		e.postAs("agent", page+"/take", url.Values{}, http.StatusSeeOther)
		expect(t, "taken", e.getAs("agent", page, http.StatusOK), []string{"With you", `action="` + page + `/leave"`}, nil)
		e.postAs("agent", page+"/end", url.Values{}, http.StatusSeeOther)
		if _, err := e.s.Chats.Rate(context.Background(), c.ID, chat.Okay, "Quick but <b>terse</b>"); err != nil {
			t.Fatal(err)
		}
		expect(t, "transcript", e.getAs("agent", page, http.StatusOK),
			[]string{"Rated Okay", "Quick but &lt;b&gt;terse&lt;/b&gt;", "Hello, my printer is on fire", "Ended"},
			[]string{`id="chat-composer"`, "End chat", "Transfer to"})
		e.postAs("agent", page+"/messages", url.Values{"body": {"too late"}}, http.StatusConflict)
		e.getAs("agent", "/chats/999999", http.StatusNotFound)
	})
}

func TestChatAvailabilitySwitch(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		expect(t, "offline at first", e.getAs("agent", "/inbox", http.StatusOK),
			[]string{`class="dot dot-offline"`, `id="availability-label">Offline`}, nil)
		res := e.postAs("agent", "/chats/availability", url.Values{"status": {"online"}, "back": {"/inbox"}}, http.StatusSeeOther)
		_ = res
		a, err := e.s.Chats.Availability(context.Background(), e.ids["agent"])
		if err != nil || a.Status != chat.Online {
			t.Fatalf("after choosing Online: %+v %v", a, err)
		}
		expect(t, "online", e.getAs("agent", "/inbox", http.StatusOK),
			[]string{`class="dot dot-online"`, `id="availability-label">Online`, `value="online" class="menu-item" aria-pressed="true"`}, nil)
		e.postAs("agent", "/chats/availability", url.Values{"status": {"asleep"}}, http.StatusUnprocessableEntity)

		c := e.client("agent")
		for _, back := range []string{"//evil.example/x", `/\evil.example/x`} {
			form := url.Values{"_csrf": {e.csrf(c, "/inbox")}, "status": {"away"}, "back": {back}}
			r, _ := e.do(c, http.MethodPost, "/chats/availability", form, nil)
			if loc := r.Header.Get("Location"); loc != "/chats" {
				t.Errorf("back to another site (%s) went to %q, want /chats", back, loc)
			}
		}

		expect(t, "capacity refused", e.postAs("agent", "/settings/account/chat", url.Values{"capacity": {"0"}}, http.StatusUnprocessableEntity),
			[]string{`id="capacity-error">Must be a whole number between 1 and 50`, `value="0"`}, nil)
		e.postAs("agent", "/settings/account/chat", url.Values{"capacity": {"6"}}, http.StatusSeeOther)
		expect(t, "capacity saved", e.getAs("agent", "/settings/account", http.StatusOK), []string{`id="capacity" name="capacity" type="number" value="6"`}, nil)
	})
}

func TestContactTimelineMergesChats(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		_, c := e.liveChat("Sam")
		e.postAs("admin", "/chats/"+itoa(c.ID)+"/messages", url.Values{"body": {"/ticket Printer fire"}}, http.StatusSeeOther)
		c, err := e.s.Chats.Get(context.Background(), c.ID)
		if err != nil || c.ContactID == nil || c.Ticket == nil {
			t.Fatalf("after /ticket the chat should be linked to a contact and a ticket: %+v %v", c, err)
		}
		e.s.Chats.Clock = func() time.Time { return time.Now().Add(time.Hour) } // the chat ends after the ticket's last word
		e.postAs("admin", "/chats/"+itoa(c.ID)+"/end", url.Values{}, http.StatusSeeOther)
		body := e.getAs("agent", "/contacts/"+itoa(*c.ContactID), http.StatusOK)
		chatAt := strings.Index(body, `href="/chats/`+itoa(c.ID)+`">Chat with Sam`)
		ticketAt := strings.Index(body, `href="/tickets/`+itoa(c.Ticket.Number)+`"`)
		if chatAt < 0 || ticketAt < 0 {
			t.Fatalf("the timeline should list the chat and its ticket:\n%s", body)
		}
		if chatAt > ticketAt {
			t.Errorf("the chat ended after the ticket was opened, so it should come first (newest first)")
		}
		expect(t, "timeline", body, []string{"Tickets and chats", "Ended"}, nil)
	})
}

func TestChatOperatorAttachesFiles(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		_, c := e.liveChat("Sam")
		page := "/chats/" + itoa(c.ID)
		res, body := e.postFiles(page+"/messages", map[string]string{"body": "The label"},
			map[string]string{"page.html": "<script>parent.__pwned=1</script>"})
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "is not a kind of file we accept") {
			t.Errorf("an HTML page: %d, want 422 naming the file", res.StatusCode)
		}
		res, body = e.postFiles(page+"/messages", map[string]string{"body": "The label"}, map[string]string{"label.txt": "PARCEL 42"})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("post with a file: %d %s", res.StatusCode, body)
		}
		ms, err := e.s.Chats.Messages(context.Background(), c.ID, 0, false)
		if err != nil || len(ms) != 2 || len(ms[1].Files) != 1 || ms[1].Files[0].Name != "label.txt" {
			t.Fatalf("the visitor's messages: %+v %v, want the answer with its file", ms, err)
		}
		link := page + "/files/" + itoa(ms[1].Files[0].ID)
		expect(t, "thread", e.getAs("agent", page, http.StatusOK), []string{`href="` + link + `">label.txt`}, nil)
		if res, content := e.do(e.client("agent"), http.MethodGet, link, nil, nil); res.StatusCode != http.StatusOK || content != "PARCEL 42" {
			t.Errorf("download: %d %q", res.StatusCode, content)
		}
		res, _ = e.do(e.newClient(), http.MethodGet, link, nil, nil)
		if res.StatusCode == http.StatusOK {
			t.Errorf("a stranger downloaded the chat's file")
		}
		e.getAs("agent", "/chats/999/files/"+itoa(ms[1].Files[0].ID), http.StatusNotFound)
	})
}

func TestChatTransfer(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ch, c := e.liveChat("Sam")
		page := "/chats/" + itoa(c.ID)
		expect(t, "nobody else online", e.getAs("admin", page, http.StatusOK),
			[]string{`<optgroup label="Teams with live chat"><option value="team:`}, []string{"The agent ("})
		ctx := context.Background()
		if err := e.s.Chats.Join(ctx, ch.ID, e.ids["agent"]); err != nil {
			t.Fatal(err)
		}
		if _, err := e.s.Chats.SetAvailability(ctx, e.ids["agent"], chat.Online); err != nil {
			t.Fatal(err)
		}
		expect(t, "the agent online", e.getAs("admin", page, http.StatusOK),
			[]string{`<option value="op:` + itoa(e.ids["agent"]) + `">The agent (0 of 4 chats)</option>`}, nil)
		e.postAs("admin", page+"/transfer", url.Values{"to": {"op:" + itoa(e.ids["agent"])}}, http.StatusSeeOther)
		got, err := e.s.Chats.Get(ctx, c.ID)
		if err != nil || got.Operator == nil || got.Operator.ID != e.ids["agent"] {
			t.Fatalf("after the transfer the chat is with %+v (%v), want the agent", got.Operator, err)
		}
		expect(t, "the agent's view", e.getAs("agent", page, http.StatusOK), []string{"With you"}, nil)
	})
}
