package ui_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// The Chats tab shows today's two sessions (one answered and rated, one
// the visitor left unanswered), each count opens exactly its sessions,
// the CSV has the day's row, and names are escaped.
func TestChatReportsTab(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		ch, c := e.liveChat(scriptName)
		if _, err := e.s.Chats.Send(ctx, chat.NewMessage{ChatID: c.ID, Author: chat.Operator, OperatorID: e.ids["admin"],
			Body: "On my way"}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.s.Chats.End(ctx, c.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := e.s.Chats.Rate(ctx, c.ID, chat.Satisfied, "Fast <b>help</b>"); err != nil {
			t.Fatal(err)
		}
		left, _, err := e.s.Chats.Start(ctx, chat.NewChat{Channel: ch.Slug, VisitorKey: "v-2", Name: "Kim", Country: "FR"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.s.Chats.End(ctx, left.ID); err != nil {
			t.Fatal(err)
		}
		admin := e.client("admin")
		today := time.Now().UTC().Format(time.DateOnly)
		day := "from=" + today + "&to=" + today

		res, page := e.do(admin, "GET", "/reports/chats", nil, nil)
		for _, want := range []string{`id="chart-chat-sessions"`, `aria-label="Missed: 1, open the list"`,
			`href="/chats/history?from=`, `outcome=missed`, `Live now`, `Fast &lt;b&gt;help&lt;/b&gt;`,
			`aria-current="page">Chats</a>`, `href="/reports/chats.csv?from=`} {
			if res.StatusCode != http.StatusOK || !strings.Contains(page, want) {
				t.Errorf("chats tab (%d) lacks %s", res.StatusCode, want)
			}
		}
		if strings.Contains(page, scriptName) || strings.Contains(page, `name="channel"`) {
			t.Error("the chats tab shows a raw name, or the ticket-only channel filter")
		}

		_, missed := e.do(admin, "GET", "/chats/history?outcome=missed&"+day, nil, nil)
		if !strings.Contains(missed, `data-chat="`+itoa(left.ID)+`"`) || strings.Contains(missed, `data-chat="`+itoa(c.ID)+`"`) ||
			!strings.Contains(missed, "Missed sessions") {
			t.Errorf("the missed count opens another list:\n%s", missed)
		}
		_, all := e.do(admin, "GET", "/chats/history?"+day, nil, nil)
		if strings.Count(all, `<tr data-chat=`) != 2 {
			t.Errorf("all sessions of today: want 2 rows:\n%s", all)
		}

		// date, sessions, answered, missed, tickets, offline, messages: the
		// visitor's first message and the answer.
		_, csv := e.do(admin, "GET", "/reports/chats.csv?"+day, nil, nil)
		if !strings.Contains(csv, "\n"+today+",2,1,1,0,0,2,") || !strings.HasPrefix(csv, "date,sessions,answered,missed,") {
			t.Errorf("CSV:\n%s", csv)
		}

		// By country: Kim came from France and left unanswered.
		if !strings.Contains(page, `<tr data-country="FR"><th scope="row">France</th><td class="n">1</td><td class="n">1</td><td class="n">100 %</td>`) {
			t.Errorf("the by-country table lacks France with its missed chat")
		}
		_, byCountry := e.do(admin, "GET", "/reports/chats/countries.csv?"+day, nil, nil)
		if !strings.HasPrefix(byCountry, "country,name,sessions,missed\n") || !strings.Contains(byCountry, "\nFR,France,1,1\n") {
			t.Errorf("countries CSV:\n%s", byCountry)
		}
		if res, _ := e.do(e.client("agent"), "GET", "/reports/chats/countries.csv?"+day, nil, nil); res.StatusCode != http.StatusOK {
			t.Errorf("an agent's countries CSV: %d", res.StatusCode)
		}

		res, bad := e.do(admin, "GET", "/chats/history?outcome=bogus&"+day, nil, nil)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(bad, "Outcome: must be one of") {
			t.Errorf("an unknown outcome: %d", res.StatusCode)
		}
		res, live := e.do(admin, "GET", "/reports/live", nil, nil)
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(strings.TrimSpace(live), `<section class="card live-panel" id="live-panel"`) ||
			!strings.Contains(live, "Operators online") {
			t.Errorf("live panel (%d):\n%s", res.StatusCode, live)
		}
		if res, _ := e.do(e.client(""), "GET", "/reports/live", nil, nil); res.StatusCode != http.StatusSeeOther {
			t.Errorf("a visitor reads the live panel: %d", res.StatusCode)
		}
		_, theirs := e.do(e.client("agent"), "GET", "/chats/history?"+day, nil, nil)
		if strings.Contains(theirs, "<tr data-chat=") {
			t.Error("an agent outside the team lists its chats")
		}
	})
}
