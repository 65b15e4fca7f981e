package chat_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// Messages are numbered 1, 2, 3... per chat even when many senders write
// at once; a replay after N returns exactly the rest, in order; a retry
// with the same client id adds nothing.
func TestMessagesNumberedReplayedOnce(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		ctx := context.Background()
		ada := f.operator(t, "Ada")
		c := f.start(t, "v1")
		var wg sync.WaitGroup
		errs := make(chan error, 40)
		for i := range 40 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				m := chat.NewMessage{ChatID: c.ID, Author: chat.Visitor, Body: fmt.Sprint("v", i), ClientID: fmt.Sprint("c", i)}
				if i%2 == 1 {
					m = chat.NewMessage{ChatID: c.ID, Author: chat.Operator, OperatorID: ada.ID, Body: fmt.Sprint("o", i)}
				}
				_, err := f.c.Send(ctx, m)
				errs <- err
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		again, err := f.c.Send(ctx, chat.NewMessage{ChatID: c.ID, Author: chat.Visitor, Body: "v4", ClientID: "c4"})
		if err != nil || again.Body != "v4" {
			t.Fatalf("retry of c4: %v %+v", err, again)
		}
		all, _ := f.c.Messages(ctx, c.ID, 0, false)
		if len(all) != 40 {
			t.Fatalf("%d messages after 40 sends and a retry", len(all))
		}
		for i, m := range all {
			if m.Seq != int64(i+1) {
				t.Fatalf("message %d has seq %d", i, m.Seq)
			}
		}
		rest, _ := f.c.Messages(ctx, c.ID, 33, false)
		if len(rest) != 7 || rest[0].Seq != 34 || rest[6].Seq != 40 {
			t.Fatalf("replay after 33: %d messages from %d", len(rest), rest[0].Seq)
		}
	})
}

func TestMessageRefusals(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		ctx := context.Background()
		f.operator(t, "Ada")
		c := f.start(t, "v1")
		long := strings.Repeat("é", chat.MaxBody+1)
		if _, err := f.c.Send(ctx, chat.NewMessage{ChatID: c.ID, Author: chat.Visitor, Body: long}); testutil.Fields(err)["body"] == "" {
			t.Fatalf("10,001 characters: %v", err)
		}
		if _, err := f.c.Send(ctx, chat.NewMessage{ChatID: c.ID, Author: chat.Visitor, Body: strings.Repeat("é", chat.MaxBody)}); err != nil {
			t.Fatalf("10,000 characters: %v", err)
		}
		if _, err := f.c.Send(ctx, chat.NewMessage{ChatID: c.ID, Author: chat.Visitor, Body: "  "}); testutil.Fields(err)["body"] == "" {
			t.Fatalf("blank: %v", err)
		}
		f.c.End(ctx, c.ID)
		if _, err := f.c.Send(ctx, chat.NewMessage{ChatID: c.ID, Author: chat.Visitor, Body: "hello?"}); !errors.Is(err, chat.ErrEnded) {
			t.Fatalf("after the end: %v", err)
		}
		if ms, _ := f.c.Messages(ctx, c.ID, 0, true); len(ms) != 1 {
			t.Fatalf("refused messages left rows: %d", len(ms))
		}
	})
}

func TestRatingOnce(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		ctx := context.Background()
		f.operator(t, "Ada")
		c := f.start(t, "v1")
		f.c.End(ctx, c.ID)
		if _, err := f.c.Rate(ctx, c.ID, "great", ""); testutil.Fields(err)["rating"] == "" {
			t.Fatalf("unknown rating: %v", err)
		}
		got, err := f.c.Rate(ctx, c.ID, chat.Dissatisfied, " too slow ")
		if err != nil || got.Rating == nil || *got.Rating != chat.Dissatisfied || got.Comment != "too slow" {
			t.Fatalf("rate: %v %+v", err, got)
		}
		if _, err := f.c.Rate(ctx, c.ID, chat.Satisfied, ""); !errors.Is(err, chat.ErrRated) {
			t.Fatalf("second rating: %v", err)
		}
	})
}
