package server_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// TestChatSessionsThroughAPI lists today's two chat sessions (one the
// admin answered, one the visitor left), newest first and a page at a
// time, and the missed one alone; an agent of no team sees none.
func TestChatSessionsThroughAPI(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		tm, err := e.s.Teams.Find(ctx, d.Read, "support")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.s.Teams.Update(ctx, tm.ID, team.Input{Channels: &team.Channels{Email: true, LiveChat: true}}); err != nil {
			t.Fatal(err)
		}
		ch, err := e.s.Chats.ChannelBySlug(ctx, tm.Slug)
		if err != nil {
			t.Fatal(err)
		}
		admin := e.ids["admin"]
		if err := e.s.Chats.Join(ctx, ch.ID, admin); err != nil {
			t.Fatal(err)
		}
		if _, err := e.s.Chats.SetAvailability(ctx, admin, chat.Online); err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for i, name := range []string{"Sam", "Kim"} {
			c, _, err := e.s.Chats.Start(ctx, chat.NewChat{Channel: ch.Slug, VisitorKey: "v-" + name, Name: name, Message: "Hi"})
			if err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				if _, err := e.s.Chats.Send(ctx, chat.NewMessage{ChatID: c.ID, Author: chat.Operator, OperatorID: admin,
					Body: "Hello"}); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := e.s.Chats.End(ctx, c.ID); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, c.ID)
		}
		sam, kim := strconv.FormatInt(ids[0], 10), strconv.FormatInt(ids[1], 10)
		today := time.Now().UTC().Format(time.DateOnly)
		period := "from=" + today + "&to=" + today
		url := "/api/v1/reports/chat-sessions?"
		e.run([]scenario{
			{name: "no token", method: "GET", url: url + period, status: 401},
			{name: "newest first", method: "GET", url: url + period, token: "admin", status: 200,
				contains: []string{`"items":[{"chat_id":` + kim + `,"date":"` + today + `"`, `"visitor":"Kim"`,
					`"answered":false,"wait_s":null`, `{"chat_id":` + sam, `"visitor":"Sam"`, `"operator":"The admin","answered":true`,
					`"next_before":""`}},
			{name: "a page of one, then the next", method: "GET", url: url + "limit=1&" + period, token: "admin", status: 200,
				contains: []string{`"visitor":"Kim"`, `"next_before":"` + kim + `"`}, notContain: []string{`"visitor":"Sam"`}},
			{name: "the next page", method: "GET", url: url + "limit=1&before=" + kim + "&" + period, token: "admin", status: 200,
				contains: []string{`"visitor":"Sam"`}, notContain: []string{`"visitor":"Kim"`}},
			{name: "the missed ones", method: "GET", url: url + "outcome=missed&" + period, token: "admin", status: 200,
				contains: []string{`"visitor":"Kim"`}, notContain: []string{`"visitor":"Sam"`}},
			{name: "an agent of no team sees none", method: "GET", url: url + period, token: "agent", status: 200,
				contains: []string{`"items":[]`}},
			{name: "bad input, each on its field", method: "GET",
				url: url + "outcome=happy&before=x&limit=500&from=2026-03-02&to=2026-03-01", token: "admin", status: 422,
				contains: []string{`"outcome":"must be one of`, `"before":"must be a chat id"`, `"limit":"must be 1 to 200"`,
					`"to":"must not be before from"`}},
		})
	})
}
