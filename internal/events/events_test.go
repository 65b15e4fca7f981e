package events_test

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/events"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func receive(t *testing.T, s *events.Subscription, want events.Event) {
	t.Helper()
	select {
	case got := <-s.C:
		if got != want {
			t.Errorf("got %+v, want %+v", got, want)
		}
	case <-time.After(5 * time.Second):
		t.Fatalf("no event %+v within 5 s", want)
	}
}

func TestLocalFanOutToEverySubscriber(t *testing.T) {
	var bus events.Local
	a, b := bus.Subscribe(), bus.Subscribe()
	var wg sync.WaitGroup
	for i := range 100 {
		wg.Go(func() { bus.Publish("ticket.updated", int64(i)) })
	}
	wg.Wait()
	for _, s := range []*events.Subscription{a, b} {
		seen := map[int64]bool{}
		for range 100 {
			seen[(<-s.C).TicketID] = true
		}
		if len(seen) != 100 || s.Dropped() != 0 {
			t.Errorf("subscriber saw %d distinct events, dropped %d", len(seen), s.Dropped())
		}
	}
	a.Close()
	bus.Publish("ticket.created", 7) // must not panic on the closed subscriber
	receive(t, b, events.Event{Kind: "ticket.created", TicketID: 7})
	if _, open := <-a.C; open {
		t.Error("closed subscription still delivers")
	}
}

func TestSlowSubscriberLosesEventsWithoutBlocking(t *testing.T) {
	var bus events.Local
	s := bus.Subscribe()
	for i := range 1000 {
		bus.Publish("ticket.updated", int64(i))
	}
	if s.Dropped() == 0 {
		t.Error("a full buffer should count dropped events")
	}
}

// Two nodes on one PostgreSQL: what one publishes, both hear.
func TestPostgresCarriesEventsAcrossNodes(t *testing.T) {
	url := testutil.PostgresURL()
	if url == "" {
		if testutil.Strict() {
			t.Fatal("PostgreSQL is required under CI: set FRONTDESK_TEST_POSTGRES")
		}
		t.Skip("FRONTDESK_TEST_POSTGRES not set")
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	nodeA, nodeB := events.NewPostgres(ctx, url, log), events.NewPostgres(ctx, url, log)
	subA, subB := nodeA.Subscribe(), nodeB.Subscribe()
	want := events.Event{Kind: "message.created", TicketID: 42}
	// Each node's LISTEN starts asynchronously: publish until both hear,
	// the publishing node included.
	heard := map[string]bool{}
	deadline := time.Now().Add(15 * time.Second)
	for !heard["A"] || !heard["B"] {
		if time.Now().After(deadline) {
			t.Fatalf("after 15 s: node A heard itself %v, node B heard A %v", heard["A"], heard["B"])
		}
		nodeA.Publish(want.Kind, want.TicketID)
		timeout := time.After(200 * time.Millisecond)
		for waiting := true; waiting; {
			select {
			case got := <-subA.C:
				if got.Kind == events.Resync {
					heard["A resync"] = true // its LISTEN began: what came before it is gone
					continue
				}
				heard["A"] = got == want || heard["A"]
				checkEvent(t, got, want)
			case got := <-subB.C:
				if got.Kind == events.Resync {
					heard["B resync"] = true
					continue
				}
				heard["B"] = got == want || heard["B"]
				checkEvent(t, got, want)
			case <-timeout:
				waiting = false
			}
		}
	}
	if !heard["A resync"] || !heard["B resync"] {
		t.Errorf("a node that starts listening must say so (Resync), so chat sockets read again: %v", heard)
	}
}

func checkEvent(t *testing.T, got, want events.Event) {
	t.Helper()
	if got != want {
		t.Fatalf("got %+v, want %+v", got, want)
	}
}

// A burst goes out in batches (one statement each) and arrives complete
// and in order on the other node.
func TestPostgresBurstArrivesInOrder(t *testing.T) {
	url := testutil.PostgresURL()
	if url == "" {
		if testutil.Strict() {
			t.Fatal("PostgreSQL is required under CI: set FRONTDESK_TEST_POSTGRES")
		}
		t.Skip("FRONTDESK_TEST_POSTGRES not set")
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	nodeA, nodeB := events.NewPostgres(ctx, url, log), events.NewPostgres(ctx, url, log)
	subB := nodeB.Subscribe()
	// B listens once a probe from A reaches it.
	for ready := false; !ready; {
		nodeA.Send(events.Event{Kind: "probe"})
		select {
		case e := <-subB.C:
			ready = e.Kind == "probe"
		case <-time.After(200 * time.Millisecond):
		}
	}
	const n = 250 // more than one batch, within a subscription's buffer
	for i := 1; i <= n; i++ {
		nodeA.Send(events.Event{Kind: "chat.message", ChatID: int64(i)})
	}
	next := int64(1)
	timeout := time.After(15 * time.Second)
	for next <= n {
		select {
		case e := <-subB.C:
			if e.Kind != "chat.message" {
				continue // a late probe or a resync
			}
			if e.ChatID != next {
				t.Fatalf("event %d arrived when %d was due (%d dropped by a full buffer)", e.ChatID, next, subB.Dropped())
			}
			next++
		case <-timeout:
			t.Fatalf("after 15 s only %d of %d events arrived", next-1, n)
		}
	}
}
