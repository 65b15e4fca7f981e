package chat_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"errors"
	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// A chat nobody answers within the channel's time is missed: with an
// email from the visitor it becomes a ticket with the transcript at
// once; without, the visitor's offline form makes it one. An answered
// chat is never missed, and a missed operator's seat is free again.
func TestMissedChats(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		ctx := context.Background()
		ada := f.operator(t, "Ada")
		withEmail, _, err := f.c.Start(ctx, chat.NewChat{Channel: f.slug, Name: "Sam Lee", Email: "sam@example.com",
			Message: "Where is my parcel?"})
		if err != nil {
			t.Fatal(err)
		}
		anonymous := f.start(t, "anon")
		f.c.Send(ctx, chat.NewMessage{ChatID: anonymous.ID, Author: chat.Visitor, Body: "hello?"})
		answered := f.start(t, "v3")
		f.c.Send(ctx, chat.NewMessage{ChatID: answered.ID, Author: chat.Operator, OperatorID: ada.ID, Body: "Hi!"})
		// A private note is no answer.
		f.c.Post(ctx, chat.NewMessage{ChatID: anonymous.ID, Author: chat.Operator, OperatorID: ada.ID, Body: "/help"})

		f.clock.add(50 * time.Second)
		if n, err := f.c.Sweep(ctx); err != nil || n != 0 {
			t.Fatalf("sweep before 60 s: %d, %v", n, err)
		}
		f.clock.add(15 * time.Second)
		f.c.Seen(ctx, ada.ID)
		if n, err := f.c.Sweep(ctx); err != nil || n != 2 {
			t.Fatalf("sweep after 65 s: %d missed, %v; want 2", n, err)
		}
		got, _ := f.c.Get(ctx, withEmail.ID)
		if got.State != chat.Missed || got.Ticket == nil {
			t.Fatalf("missed chat with an email: %s, ticket %v", got.State, got.Ticket)
		}
		tk, _ := f.s.Tickets.Get(ctx, got.Ticket.ID)
		if tk.Channel != ticket.Chat || !strings.Contains(tk.Description, "Where is my parcel?") || tk.Contact.Email != "sam@example.com" {
			t.Fatalf("ticket of the missed chat: %+v", tk)
		}
		if a, _ := f.c.Get(ctx, answered.ID); a.State != chat.Active {
			t.Fatalf("answered chat is %s", a.State)
		}
		anon, _ := f.c.Get(ctx, anonymous.ID)
		if anon.State != chat.Missed || anon.Ticket != nil {
			t.Fatalf("anonymous missed chat: %s %v", anon.State, anon.Ticket)
		}
		if _, err := f.c.MissedOffline(ctx, anonymous.ID, chat.OfflineMessage{Name: "Kim"}); testutil.Fields(err)["email"] == "" {
			t.Fatalf("offline form without email: %v", err)
		}
		tk, err = f.c.MissedOffline(ctx, anonymous.ID, chat.OfflineMessage{Name: "Kim Ode", Email: "kim@example.com",
			Message: "Call me back please"})
		if err != nil || !strings.Contains(tk.Description, "hello?") || !strings.Contains(tk.Description, "Call me back") ||
			strings.Contains(tk.Description, "/help") {
			t.Fatalf("missed chat's offline form: %v %q", err, tk.Description)
		}
		if _, err := f.c.MissedOffline(ctx, anonymous.ID, chat.OfflineMessage{Name: "Kim", Email: "kim@example.com"}); !errors.Is(err, domain.ErrConflict) {
			t.Fatalf("second offline form: %v", err)
		}
		if a, _ := f.c.Availability(ctx, ada.ID); a.Active != 1 {
			t.Fatalf("Ada holds %d chats after two were missed, want 1", a.Active)
		}
	})
}

func TestOfflineMessageBecomesTicket(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		ctx := context.Background()
		p, _ := f.c.ChannelPresence(ctx, f.ch.ID)
		if p.Available || p.Queue {
			t.Fatalf("nobody online: %+v", p)
		}
		if _, err := f.c.Offline(ctx, f.slug, chat.OfflineMessage{Email: "not an email"}); len(testutil.Fields(err)) != 3 {
			t.Fatalf("bad form: %v", err)
		}
		tk, err := f.c.Offline(ctx, f.slug, chat.OfflineMessage{Name: "Kim Ode", Email: "kim@example.com", Message: "Open on Sunday?"})
		if err != nil || tk.Channel != ticket.Chat || tk.Team.ID != f.team.ID || tk.Description != "Open on Sunday?" {
			t.Fatalf("offline ticket: %v %+v", err, tk)
		}
	})
}

func TestCommandsAndCanned(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		ctx := context.Background()
		ada := f.operator(t, "Ada")
		c, _, err := f.c.Start(ctx, chat.NewChat{Channel: f.slug, VisitorKey: "v", PageURL: "https://shop.example/pricing", PageTitle: "Pricing"})
		if err != nil {
			t.Fatal(err)
		}
		f.c.Visited(ctx, c.ID, "https://shop.example/checkout", "Checkout")
		op := func(body string) (chat.Message, error) {
			return f.c.Post(ctx, chat.NewMessage{ChatID: c.ID, Author: chat.Operator, OperatorID: ada.ID, Body: body})
		}
		m, err := op("/history")
		if err != nil || !m.Private || strings.Index(m.Body, "checkout") > strings.Index(m.Body, "pricing") {
			t.Fatalf("/history: %v %q", err, m.Body)
		}
		if _, err := op("/ticket"); !errors.Is(err, domain.ErrConflict) {
			t.Fatalf("/ticket without an email: %v", err)
		}
		if _, err := op("/nope"); !errors.Is(err, chat.ErrUnknownCommand) {
			t.Fatalf("/nope: %v", err)
		}
		team := f.team.ID
		if _, err := f.c.SaveCanned(ctx, chat.Canned{TeamID: &team, Shortcut: ":sorry", Body: "Sorry for the wait!"}); err != nil {
			t.Fatal(err)
		}
		if _, err := f.c.SaveCanned(ctx, chat.Canned{Shortcut: "sorry", Body: "shared one"}); err != nil {
			t.Fatal(err)
		}
		if _, err := f.c.SaveCanned(ctx, chat.Canned{TeamID: &team, Shortcut: "SORRY", Body: "x"}); testutil.Fields(err)["shortcut"] == "" {
			t.Fatalf("duplicate shortcut: %v", err)
		}
		m, err = op(":sorry I'll check :) and :unknown")
		if err != nil || m.Body != "Sorry for the wait! I'll check :) and :unknown" {
			t.Fatalf("canned: %v %q", err, m.Body)
		}
		if m, err = op("/leave"); err != nil || !m.Private {
			t.Fatalf("/leave: %v", err)
		}
		if got, _ := f.c.Get(ctx, c.ID); got.State != chat.Queued {
			t.Fatalf("after /leave with nobody else: %s", got.State)
		}
		public, _ := f.c.Messages(ctx, c.ID, 0, false)
		for _, m := range public {
			if strings.HasPrefix(m.Body, "/") || m.Author == chat.System {
				t.Fatalf("the visitor would see %q", m.Body)
			}
		}
	})
}
