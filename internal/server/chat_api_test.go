package server_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

func TestChatAPI(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		e.run([]scenario{
			{name: "switch on the team's chat", method: "PATCH", url: "/api/v1/teams/1", token: "admin",
				body: `{"channels":{"chat":true}}`, status: 200, contains: []string{`"chat":true`}},
			{name: "channel listed with its link", method: "GET", url: "/api/v1/chat-channels", token: "agent", status: 200,
				contains: []string{`"slug":"support"`, `"direct_url":"http://127.0.0.1:8080/chat/support"`, `"team":{"id":1`}},
			{name: "agent cannot create channels", method: "POST", url: "/api/v1/chat-channels", token: "agent",
				body: `{"name":"Sales","slug":"sales"}`, status: 403},
			{name: "bad colour", method: "PATCH", url: "/api/v1/chat-channels/1", token: "admin",
				body: `{"options":{"button_color":"red"}}`, status: 422, contains: []string{`"button_color"`}},
			{name: "welcome set", method: "PATCH", url: "/api/v1/chat-channels/1", token: "admin",
				body: `{"options":{"welcome_message":"Hej!"}}`, status: 200, contains: []string{`"welcome_message":"Hej!"`}},
			{name: "agent joins", method: "PUT", url: "/api/v1/chat-channels/1/operators/me", token: "agent", status: 200,
				contains: []string{fmt.Sprintf(`"operators":[%d]`, e.ids["agent"])}},
			{name: "bad availability", method: "PUT", url: "/api/v1/operators/me/availability", token: "agent",
				body: `{"status":"busy"}`, status: 422, contains: []string{`"status"`}},
			{name: "agent online", method: "PUT", url: "/api/v1/operators/me/availability", token: "agent",
				body: `{"status":"online"}`, status: 200, contains: []string{`"effective":"online"`, `"capacity":4`}},
			{name: "canned response", method: "POST", url: "/api/v1/canned-responses", token: "agent",
				body: `{"shortcut":"thanks","body":"Thank you for waiting!","team_id":1}`, status: 201},
			{name: "bad shortcut", method: "POST", url: "/api/v1/canned-responses", token: "agent",
				body: `{"shortcut":"no spaces please","body":"x"}`, status: 422, contains: []string{`"shortcut"`}},
		})
		c, _, err := e.s.Chats.Start(context.Background(), chat.NewChat{Channel: "support", Name: "Sam Lee",
			Email: "sam@example.com", Message: "Is my order shipped?"})
		if err != nil {
			t.Fatal(err)
		}
		u := fmt.Sprintf("/api/v1/chats/%d", c.ID)
		e.run([]scenario{
			{name: "active list", method: "GET", url: "/api/v1/chats?state=active", token: "agent", status: 200,
				contains: []string{fmt.Sprintf(`"id":%d`, c.ID)}},
			{name: "bad state", method: "GET", url: "/api/v1/chats?state=sleeping", token: "agent", status: 422},
			{name: "get", method: "GET", url: u, token: "agent", status: 200, contains: []string{`"state":"active"`}},
			{name: "answer with a canned response", method: "POST", url: u + "/messages", token: "agent",
				body: `{"body":"Hi Sam! :thanks"}`, status: 201, contains: []string{`"seq":2`, `Hi Sam! Thank you for waiting!`}},
			{name: "unknown command", method: "POST", url: u + "/messages", token: "agent", body: `{"body":"/dance"}`,
				status: 422, contains: []string{"unknown command"}},
			{name: "too long", method: "POST", url: u + "/messages", token: "agent",
				body: `{"body":"` + strings.Repeat("a", chat.MaxBody+1) + `"}`, status: 422},
			{name: "ticket command", method: "POST", url: u + "/messages", token: "agent", body: `{"body":"/ticket Order status"}`,
				status: 201, contains: []string{`"private":true`, `Ticket #`, `/tickets/`}},
			{name: "replay after 2", method: "GET", url: u + "/messages?after=2", token: "agent", status: 200,
				contains: []string{`"seq":3`, `"seq":4`, `"body":"/ticket Order status"`}, notContain: []string{`"seq":2,`}},
			{name: "chat names its ticket", method: "GET", url: u, token: "agent", status: 200, contains: []string{`"ticket":{"id":`}},
			{name: "end", method: "POST", url: u + "/end", token: "agent", status: 200, contains: []string{`"state":"ended"`}},
			{name: "send after the end", method: "POST", url: u + "/messages", token: "agent", body: `{"body":"hello?"}`,
				status: 409},
			{name: "no such chat", method: "GET", url: "/api/v1/chats/9999", token: "agent", status: 404},
		})
		got, _ := e.s.Chats.Get(context.Background(), c.ID)
		e.run([]scenario{
			{name: "the contact's chats", method: "GET", url: fmt.Sprintf("/api/v1/contacts/%d/chats", *got.ContactID),
				token: "agent", status: 200, contains: []string{fmt.Sprintf(`"id":%d`, c.ID), `"state":"ended"`}},
		})
		tickets, err := e.s.Tickets.List(context.Background(), ticketFilterByChannel())
		if err != nil || len(tickets.Items) != 1 || tickets.Items[0].Subject != "Order status" ||
			!strings.Contains(tickets.Items[0].Description, "Is my order shipped?") ||
			strings.Contains(tickets.Items[0].Description, "/ticket") {
			t.Fatalf("ticket from /ticket: %v %+v", err, tickets.Items)
		}
	})
}

func TestChatAPINeedsAToken(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		var sc []scenario
		for _, r := range []string{"GET /api/v1/chat-channels", "GET /api/v1/chats", "GET /api/v1/chats/1",
			"GET /api/v1/chats/1/messages", "POST /api/v1/chats/1/messages", "POST /api/v1/chats/1/end",
			"PUT /api/v1/operators/me/availability", "GET /api/v1/canned-responses"} {
			method, url, _ := strings.Cut(r, " ")
			sc = append(sc, scenario{name: r, method: method, url: url, status: 401})
		}
		e.run(sc)
	})
}

func ticketFilterByChannel() ticket.Filter { return ticket.Filter{Channel: "chat", Limit: 10} }
