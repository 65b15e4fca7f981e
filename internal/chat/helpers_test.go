package chat_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/events"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// fixture is a team with live chat on and a clock the test moves.
type fixture struct {
	s     *app.Services
	c     *chat.Service
	team  team.Team
	slug  string
	ch    chat.Channel
	clock *clock
}

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func newFixture(t *testing.T, d *db.DB) *fixture {
	t.Helper()
	s := testutil.Services(t, d)
	ctx := context.Background()
	teams, err := s.Teams.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tm, err := s.Teams.Update(ctx, teams[0].ID, team.Input{Channels: &team.Channels{Email: true, LiveChat: true}})
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{s: s, c: s.Chats, team: tm, slug: tm.Slug, clock: &clock{t: time.Now().UTC()}}
	f.c.Clock = f.clock.now
	if f.ch, err = f.c.ChannelBySlug(ctx, tm.Slug); err != nil {
		t.Fatalf("the team's chat switch made no channel: %v", err)
	}
	return f
}

var opSeq int

// operator creates an operator who joined the channel and is online.
func (f *fixture) operator(t *testing.T, name string) operator.Operator {
	t.Helper()
	ctx := context.Background()
	opSeq++
	op, err := f.s.Operators.Create(ctx, operator.NewOperator{Email: fmt.Sprintf("%s%d@example.com", name, opSeq),
		Name: name, Role: operator.Agent, Password: "correct horse battery"})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.c.Join(ctx, f.ch.ID, op.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.c.SetAvailability(ctx, op.ID, chat.Online); err != nil {
		t.Fatal(err)
	}
	return op
}

func (f *fixture) start(t *testing.T, visitor string) chat.Chat {
	t.Helper()
	c, token, err := f.c.Start(context.Background(), chat.NewChat{Channel: f.slug, VisitorKey: visitor})
	if err != nil {
		t.Fatalf("start: %v", err)
	}
	if len(token) < 40 {
		t.Fatalf("token %q is too short to be unguessable", token)
	}
	f.clock.add(time.Second) // queue order is by time
	return c
}

func opID(c chat.Chat) int64 {
	if c.Operator == nil {
		return 0
	}
	return c.Operator.ID
}

// recorder is a bus that keeps what was sent.
type recorder struct {
	mu  sync.Mutex
	got []events.Event
}

func (r *recorder) Send(e events.Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, e)
}
