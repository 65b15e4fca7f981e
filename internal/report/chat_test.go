package report_test

import (
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/report"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// chatDesk turns Support's live chat on, puts Ada online in it and
// drives the chat clock from the test (Berlin wall times).
type chatDesk struct {
	*desk
	now time.Time
}

func newChatDesk(t *testing.T, d *db.DB) *chatDesk {
	k := &chatDesk{desk: newDesk(t, d)}
	if _, err := k.s.Teams.Update(k.ctx, k.support.ID, team.Input{Channels: &team.Channels{Email: true, LiveChat: true}}); err != nil {
		t.Fatal(err)
	}
	k.s.Chats.Clock = func() time.Time { return k.now }
	k.set("2026-03-30 09:00")
	ch, err := k.s.Chats.ChannelBySlug(k.ctx, k.support.Slug)
	if err != nil {
		t.Fatal(err)
	}
	if err := k.s.Chats.Join(k.ctx, ch.ID, k.agent.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := k.s.Chats.SetAvailability(k.ctx, k.agent.ID, chat.Online); err != nil {
		t.Fatal(err)
	}
	return k
}

// set moves the clock to a Berlin wall time; Ada stays at work.
func (k *chatDesk) set(when string) {
	k.now = at(when).UTC()
	if err := k.s.Chats.Seen(k.ctx, k.agent.ID); err != nil {
		k.t.Fatal(err)
	}
}

func (k *chatDesk) setSec(when string, sec int) {
	k.set(when)
	k.now = k.now.Add(time.Duration(sec) * time.Second)
}

func (k *chatDesk) start(when, name, email, message string) int64 {
	k.t.Helper()
	k.set(when)
	c, _, err := k.s.Chats.Start(k.ctx, chat.NewChat{Channel: k.support.Slug, Name: name, Email: email,
		Country: "DE", Message: message})
	if err != nil {
		k.t.Fatal(err)
	}
	return c.ID
}

func (k *chatDesk) say(id int64, author chat.Author, body string) {
	k.t.Helper()
	m := chat.NewMessage{ChatID: id, Author: author, Body: body}
	if author == chat.Operator {
		m.OperatorID = k.agent.ID
	}
	if _, err := k.s.Chats.Post(k.ctx, m); err != nil {
		k.t.Fatal(err)
	}
}

func (k *chatDesk) end(id int64) {
	k.t.Helper()
	if _, err := k.s.Chats.End(k.ctx, id); err != nil {
		k.t.Fatal(err)
	}
}

func (k *chatDesk) rate(id int64, r chat.Rating, comment string) {
	k.t.Helper()
	if _, err := k.s.Chats.Rate(k.ctx, id, r, comment); err != nil {
		k.t.Fatal(err)
	}
}

// chatHistory is the fixed history of the figures below (Berlin times):
//
//	C1 Mon 30 10:00 Sam; Ada answers 10:00:30 (wait 30 s); 4 public
//	   messages; ended 10:10 (600 s); rated Satisfied "Great help"
//	C2 Mon 30 11:00 Kim; Ada answers 11:02 (wait 120 s); /ticket (private,
//	   not counted); ended 11:05 (300 s); 2 messages; rated Dissatisfied
//	C3 Mon 30 12:00 Lee says "hello?" and nobody answers: missed by the
//	   sweep at 12:01:05 (65 s), a ticket as Lee gave an email
//	   an offline message at 13:00
//	C4 Tue 31 09:00 Max; Ada answers 09:01 (wait 60 s); ended 09:20
//	   (1200 s); 2 messages; rated Okay "Slow", after the end
func chatHistory(k *chatDesk) (c1, c3, c4 int64) {
	c1 = k.start("2026-03-30 10:00", "Sam", "sam@example.com", "Hi")
	k.setSec("2026-03-30 10:00", 30)
	k.say(c1, chat.Operator, "Hello Sam")
	k.set("2026-03-30 10:02")
	k.say(c1, chat.Visitor, "My parcel")
	k.set("2026-03-30 10:03")
	k.say(c1, chat.Operator, "On its way")
	k.rate(c1, chat.Satisfied, "Great help") // rated before the end: counted when it ends
	k.set("2026-03-30 10:10")
	k.end(c1)

	c2 := k.start("2026-03-30 11:00", "Kim", "kim@example.com", "Order?")
	k.set("2026-03-30 11:02")
	k.say(c2, chat.Operator, "Let me see")
	k.say(c2, chat.Operator, "/ticket Kim's order")
	k.set("2026-03-30 11:05")
	k.end(c2)
	k.rate(c2, chat.Dissatisfied, "")

	c3 = k.start("2026-03-30 12:00", "Lee", "lee@example.com", "hello?")
	k.setSec("2026-03-30 12:01", 5)
	if n, err := k.s.Chats.Sweep(k.ctx); err != nil || n != 1 {
		k.t.Fatalf("sweep: %d missed, %v; want 1", n, err)
	}
	k.set("2026-03-30 13:00")
	if _, err := k.s.Chats.Offline(k.ctx, k.support.Slug, chat.OfflineMessage{Name: "Ola", Email: "ola@example.com",
		Message: "Call me"}); err != nil {
		k.t.Fatal(err)
	}

	c4 = k.start("2026-03-31 09:00", "Max", "max@example.com", "Refund")
	k.set("2026-03-31 09:01")
	k.say(c4, chat.Operator, "Sure")
	k.set("2026-03-31 09:20")
	k.end(c4)
	k.rate(c4, chat.Okay, "Slow")
	return c1, c3, c4
}

func TestChatFigures(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newChatDesk(t, d)
		c1, c3, c4 := chatHistory(k)
		f, err := k.s.Reports.Check(k.ctx, admin, report.Query{From: "2026-03-30", To: "2026-03-31"})
		if err != nil {
			t.Fatal(err)
		}
		r, err := k.s.Reports.Chats(k.ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		// Waits 30, 120, 60: median (rank 2) 60, 90 % (rank 3) 120.
		// Durations 600, 300, 65, 1200: median (rank 2) 300, 90 % (rank 4)
		// 1200, mean 2165/4 = 541. Messages 4+2+1+2 = 9 over 4 sessions.
		// Rated 3 of 4 (75 %), Satisfied 1 of 3 (33.3 %).
		want := `{"sessions":4,"answered":3,"missed":1,"tickets":2,"offline_messages":1,"messages":9,` +
			`"wait":{"median_s":60,"p90_s":120},"duration":{"median_s":300,"p90_s":1200},` +
			`"ratings":{"rated":3,"satisfied":1,"okay":1,"dissatisfied":1,"rated_pct":75,"satisfied_pct":33.3},` +
			`"messages_per_session":2.3,"mean_duration_s":541}`
		if got := brief(r.Totals); got != want {
			t.Errorf("totals\n got %s\nwant %s", got, want)
		}
		mon := `{"date":"2026-03-30","sessions":3,"answered":2,"missed":1,"tickets":2,"offline_messages":1,"messages":7,` +
			`"wait":{"median_s":30,"p90_s":120},"duration":{"median_s":300,"p90_s":600},` +
			`"ratings":{"rated":2,"satisfied":1,"okay":0,"dissatisfied":1,"rated_pct":66.7,"satisfied_pct":50},` +
			`"messages_per_session":2.3,"mean_duration_s":322}`
		if got := brief(r.Days[0]); got != mon {
			t.Errorf("Monday\n got %s\nwant %s", got, mon)
		}

		ops, err := k.s.Reports.ChatOperators(k.ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		// Ada held all four; ratings 3, 1, 2: mean 2.0.
		if len(ops) != 1 || ops[0].Sessions != 4 || *ops[0].MeanDuration != 541 || *ops[0].MeanRating != 2 ||
			*ops[0].Wait.Median != 60 || *ops[0].Wait.P90 != 120 {
			t.Errorf("operators: %s", brief(ops))
		}

		missed, _ := k.s.Reports.Sessions(k.ctx, f, report.SessionQuery{Outcome: "missed"})
		if len(missed) != 1 || missed[0].ChatID != c3 || missed[0].WaitS != nil || missed[0].TicketID == nil ||
			missed[0].Visitor != "Lee" || missed[0].Country != "DE" {
			t.Errorf("missed sessions: %s", brief(missed))
		}
		commented, _ := k.s.Reports.Sessions(k.ctx, f, report.SessionQuery{Outcome: "commented"})
		if len(commented) != 2 || commented[0].ChatID != c4 || commented[1].ChatID != c1 || commented[0].Comment != "Slow" {
			t.Errorf("sessions with comments: %s", brief(commented))
		}
		if err := report.CheckOutcome("bogus"); err == nil {
			t.Error("an unknown outcome passed")
		}

		// An agent of no team sees no chats; Sales (another zone) has none.
		outsider := report.Asker{ID: k.agent.ID}
		fa, err := k.s.Reports.Check(k.ctx, outsider, report.Query{From: "2026-03-30", To: "2026-03-31"})
		if err != nil {
			t.Fatal(err)
		}
		if r, _ := k.s.Reports.Chats(k.ctx, fa); r.Totals.Sessions != 0 {
			t.Errorf("an agent of no team sees %d sessions", r.Totals.Sessions)
		}
		if list, _ := k.s.Reports.Sessions(k.ctx, fa, report.SessionQuery{}); len(list) != 0 {
			t.Errorf("an agent of no team lists %d sessions", len(list))
		}
	})
}

// The sessions and missed chats by the visitor's country: the chats of
// the history are from Germany; one from France nobody answered, and one
// whose country was not known.
func TestChatCountries(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newChatDesk(t, d)
		chatHistory(k)
		for _, country := range []string{"FR", ""} {
			k.set("2026-03-31 15:00")
			c, _, err := k.s.Chats.Start(k.ctx, chat.NewChat{Channel: k.support.Slug, Name: "V " + country, Country: country, Message: "Hi"})
			if err != nil {
				t.Fatal(err)
			}
			if country == "" {
				k.say(c.ID, chat.Operator, "Hello")
			}
			k.set("2026-03-31 15:05")
			k.end(c.ID)
		}
		f, err := k.s.Reports.Check(k.ctx, admin, report.Query{From: "2026-03-30", To: "2026-03-31"})
		if err != nil {
			t.Fatal(err)
		}
		got, err := k.s.Reports.ChatCountries(k.ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		want := `[{"country":"DE","name":"Germany","sessions":4,"missed":1},{"country":"FR","name":"France","sessions":1,"missed":1},` +
			`{"country":"","name":"Unknown","sessions":1,"missed":0}]`
		if b := brief(got); b != want {
			t.Errorf("by country\n got %s\nwant %s", b, want)
		}
		f, _ = k.s.Reports.Check(k.ctx, admin, report.Query{From: "2026-03-31", To: "2026-03-31"})
		if got, _ := k.s.Reports.ChatCountries(k.ctx, f); len(got) != 3 || got[0].Sessions != 1 {
			t.Errorf("Tuesday alone: %s", brief(got))
		}
	})
}

// TestSessionsPageNewestFirst pages the history's four sessions one at a
// time: each comes once, the later day first, then the later chat.
func TestSessionsPageNewestFirst(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newChatDesk(t, d)
		c1, c3, c4 := chatHistory(k)
		f, err := k.s.Reports.Check(k.ctx, admin, report.Query{From: "2026-03-30", To: "2026-03-31"})
		if err != nil {
			t.Fatal(err)
		}
		var got []int64
		q := report.SessionQuery{Limit: 1}
		for range 6 {
			page, err := k.s.Reports.Sessions(k.ctx, f, q)
			if err != nil {
				t.Fatal(err)
			}
			if len(page) == 0 {
				break
			}
			got = append(got, page[0].ChatID)
			q.Before = page[0].ChatID
		}
		c2 := c3 - 1
		want := []int64{c4, c3, c2, c1}
		if len(got) != len(want) {
			t.Fatalf("pages gave chats %v, want %v", got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("pages gave chats %v, want %v", got, want)
			}
		}
	})
}
