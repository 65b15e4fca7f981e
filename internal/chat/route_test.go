package chat_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func TestRoutingFewestActiveThenQueue(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		ctx := context.Background()
		if _, _, err := f.c.Start(ctx, chat.NewChat{Channel: f.slug}); !errors.Is(err, chat.ErrUnavailable) {
			t.Fatalf("start with nobody online: %v, want ErrUnavailable", err)
		}
		ada, bo := f.operator(t, "Ada"), f.operator(t, "Bo")
		if err := f.c.SetCapacity(ctx, ada.ID, 2); err != nil {
			t.Fatal(err)
		}
		if err := f.c.SetCapacity(ctx, bo.ID, 1); err != nil {
			t.Fatal(err)
		}
		got := map[int64]int{}
		for _, v := range []string{"v1", "v2", "v3"} {
			got[opID(f.start(t, v))]++
		}
		if got[ada.ID] != 2 || got[bo.ID] != 1 {
			t.Fatalf("three chats over capacities 2 and 1: %v", got)
		}
		q1, q2 := f.start(t, "v4"), f.start(t, "v5")
		if q1.State != chat.Queued || q1.Place != 1 || q2.Place != 2 {
			t.Fatalf("full operators: states %s/%d and %s/%d, want queued at places 1 and 2", q1.State, q1.Place, q2.State, q2.Place)
		}
		p, _ := f.c.ChannelPresence(ctx, f.ch.ID)
		if p.Available || !p.Queue || p.Waiting != 2 {
			t.Fatalf("presence when full: %+v", p)
		}
		mine, _ := f.c.List(ctx, chat.Filter{State: chat.Active})
		var adas chat.Chat
		for _, c := range mine {
			if opID(c) == ada.ID {
				adas = c
			}
		}
		if _, err := f.c.End(ctx, adas.ID); err != nil {
			t.Fatal(err)
		}
		q1, _ = f.c.Get(ctx, q1.ID)
		q2, _ = f.c.Get(ctx, q2.ID)
		if q1.State != chat.Active || opID(q1) != ada.ID || q2.Place != 1 {
			t.Fatalf("after Ada ended one: oldest waiting %s with %d, next place %d", q1.State, opID(q1), q2.Place)
		}
	})
}

func TestRoutingPreviousOperatorWithinAWeek(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		ctx := context.Background()
		ada, bo := f.operator(t, "Ada"), f.operator(t, "Bo")
		first := f.start(t, "returning")
		prev := opID(first)
		f.c.End(ctx, first.ID)
		// One chat each, the previous operator's the newer: "fewest
		// active, longest without a chat" alone would pick the other.
		f.start(t, "someone")
		f.start(t, "someone else")
		again := f.start(t, "returning")
		if opID(again) != prev {
			t.Fatalf("returning visitor went to %d, want their previous operator %d", opID(again), prev)
		}
		f.c.End(ctx, again.ID)
		f.clock.add(8 * 24 * time.Hour)
		for _, op := range []int64{bo.ID, ada.ID} {
			f.c.SetAvailability(ctx, op, chat.Online) // back at work after the week
		}
		late := f.start(t, "returning")
		if opID(late) == prev || opID(late) == 0 {
			t.Fatalf("after 8 days the visitor still went to %d (previous %d)", opID(late), prev)
		}
	})
}

func TestTakeTransferLeave(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		ctx := context.Background()
		ada := f.operator(t, "Ada")
		f.c.SetCapacity(ctx, ada.ID, 1)
		held := f.start(t, "v1")
		waiting := f.start(t, "v2")
		bo := f.operator(t, "Bo") // coming online takes the waiting chat
		if c, _ := f.c.Get(ctx, waiting.ID); opID(c) != bo.ID {
			t.Fatalf("Bo came online: waiting chat went to %d", opID(c))
		}
		f.c.SetCapacity(ctx, bo.ID, 1)
		if _, err := f.c.Take(ctx, held.ID, bo.ID); !errors.Is(err, domain.ErrConflict) {
			t.Fatalf("take of a held chat: %v", err)
		}
		if _, err := f.c.Transfer(ctx, held.ID, ada.ID, bo.ID, 0); !errors.Is(err, domain.ErrConflict) {
			t.Fatalf("transfer to a full operator: %v", err)
		}
		f.c.SetCapacity(ctx, bo.ID, 4)
		c, err := f.c.Transfer(ctx, held.ID, ada.ID, bo.ID, 0)
		if err != nil || opID(c) != bo.ID {
			t.Fatalf("transfer: %v, %d", err, opID(c))
		}
		a, _ := f.c.Availability(ctx, ada.ID)
		if a.Active != 0 {
			t.Fatalf("Ada after the transfer holds %d chats", a.Active)
		}
		c, err = f.c.LeaveChat(ctx, held.ID, bo.ID)
		if err != nil || opID(c) != ada.ID {
			t.Fatalf("Bo left: %v, chat went to %d, want Ada", err, opID(c))
		}
		if _, err := f.c.LeaveChat(ctx, held.ID, bo.ID); !errors.Is(err, domain.ErrConflict) {
			t.Fatalf("leave a chat one does not hold: %v", err)
		}
	})
}

func TestAvailabilityAwayAfterSilence(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		ctx := context.Background()
		ada := f.operator(t, "Ada")
		f.clock.add(16 * time.Minute)
		a, _ := f.c.Availability(ctx, ada.ID)
		if a.Status != chat.Online || a.Effective != chat.Away {
			t.Fatalf("after 16 silent minutes: %+v", a)
		}
		if _, _, err := f.c.Start(ctx, chat.NewChat{Channel: f.slug}); !errors.Is(err, chat.ErrUnavailable) {
			t.Fatalf("start with the only operator away: %v", err)
		}
		f.c.Seen(ctx, ada.ID)
		if a, _ = f.c.Availability(ctx, ada.ID); a.Effective != chat.Online {
			t.Fatalf("seen again: %+v", a)
		}
		f.c.SignedOut(ctx, ada.ID)
		if a, _ = f.c.Availability(ctx, ada.ID); a.Effective != chat.Offline {
			t.Fatalf("signed out: %+v", a)
		}
		if _, err := f.c.SetAvailability(ctx, ada.ID, "busy"); testutil.Fields(err)["status"] == "" {
			t.Fatalf("bad status: %v", err)
		}
	})
}

// The queue read once for all its visitors (Queue) and the lists number
// waiting chats as Get does, oldest first.
func TestQueuePlacesReadAtOnce(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		ctx := context.Background()
		ada := f.operator(t, "Ada")
		if err := f.c.SetCapacity(ctx, ada.ID, 1); err != nil {
			t.Fatal(err)
		}
		f.start(t, "served")
		var waiting []chat.Chat
		for _, v := range []string{"w1", "w2", "w3"} {
			waiting = append(waiting, f.start(t, v))
			f.clock.add(time.Second)
		}
		q, err := f.c.Queue(ctx, f.ch.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(q) != 3 {
			t.Fatalf("queue has %d chats, want 3", len(q))
		}
		for i, c := range q {
			if c.ID != waiting[i].ID || c.Place != i+1 || c.Place != waiting[i].Place {
				t.Fatalf("queue[%d] = chat %d at %d; want chat %d at %d (Get said %d)", i, c.ID, c.Place, waiting[i].ID, i+1, waiting[i].Place)
			}
		}
		listed, err := f.c.List(ctx, chat.Filter{State: chat.Queued})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range listed { // newest first
			if want := 3 - slicesIndex(listed, c.ID); c.Place != want {
				t.Fatalf("listed chat %d at place %d, want %d", c.ID, c.Place, want)
			}
		}
	})
}

func slicesIndex(cs []chat.Chat, id int64) int {
	for i, c := range cs {
		if c.ID == id {
			return i
		}
	}
	return -1
}
