package events

import (
	"context"
	"encoding/json"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
)

// channel is the NOTIFY channel every node listens on.
const channel = "frontdesk_events"

// Postgres is the bus of a cluster: Publish sends a NOTIFY, and a listener
// connection per node hands every notification, this node's own included,
// to local subscribers, so all nodes see events in the same way.
type Postgres struct {
	dsn  string
	log  *slog.Logger
	h    hub
	send chan Event
}

// NewPostgres starts the listener and the sender; both stop with ctx.
func NewPostgres(ctx context.Context, dsn string, log *slog.Logger) *Postgres {
	p := &Postgres{dsn: dsn, log: log, send: make(chan Event, 1024)}
	go p.forever(ctx, "listen", p.listen)
	go p.forever(ctx, "notify", p.notify)
	return p
}

// Publish queues e for NOTIFY without waiting for the database; when the
// queue is full the event is dropped and logged, never blocking a request.
func (p *Postgres) Publish(kind string, ticketID int64) {
	select {
	case p.send <- Event{Kind: kind, TicketID: ticketID}:
	default:
		p.log.Warn("event dropped: notify queue full", "kind", kind, "ticket", ticketID)
	}
}

// Send queues any event for NOTIFY, as Publish does.
func (p *Postgres) Send(e Event) {
	select {
	case p.send <- e:
	default:
		p.log.Warn("event dropped: notify queue full", "kind", e.Kind, "ticket", e.TicketID, "chat", e.ChatID)
	}
}

// Subscribe starts receiving events from every node.
func (p *Postgres) Subscribe() *Subscription { return p.h.subscribe() }

// forever runs fn again after a failure, with backoff, until ctx ends.
func (p *Postgres) forever(ctx context.Context, what string, fn func(context.Context) error) {
	delay := 100 * time.Millisecond
	for ctx.Err() == nil {
		err := fn(ctx)
		if ctx.Err() != nil {
			return
		}
		p.log.Warn("event bus connection lost; retrying", "part", what, "err", err, "in", delay)
		select {
		case <-ctx.Done():
		case <-time.After(delay):
		}
		delay = min(delay*2, 10*time.Second)
	}
}

func (p *Postgres) listen(ctx context.Context) error {
	conn, err := pgx.Connect(ctx, p.dsn)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, "LISTEN "+channel); err != nil {
		return err
	}
	// Notifications sent while no connection listened are gone; say so,
	// so listeners that must miss nothing read again from the database.
	p.h.deliver(Event{Kind: Resync})
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return err
		}
		var e Event
		if json.Unmarshal([]byte(n.Payload), &e) == nil {
			p.h.deliver(e)
		}
	}
}

// notifyBatch bounds the events one round trip carries.
const notifyBatch = 200

// notify sends queued events, all that wait (up to notifyBatch) in one
// statement: one round trip per event made the queue, and so every
// event's delivery, wait behind the round trips of those before it under
// load. NOTIFYs of one statement are delivered in order (identical ones
// once, which for events carrying ids is the same news).
func (p *Postgres) notify(ctx context.Context) error {
	conn, err := pgx.Connect(ctx, p.dsn)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	for {
		select {
		case <-ctx.Done():
			return nil
		case e := <-p.send:
			batch := p.more([]Event{e})
			payloads := make([]string, len(batch))
			for i, e := range batch {
				b, _ := json.Marshal(e)
				payloads[i] = string(b)
			}
			if _, err := conn.Exec(ctx, `SELECT pg_notify($1, p) FROM unnest($2::text[]) WITH ORDINALITY AS t(p, i)
				ORDER BY i`, channel, payloads); err != nil {
				for _, e := range batch {
					p.Send(e) // try again on the next connection
				}
				return err
			}
		}
	}
}

// more adds the events already queued to batch, without waiting.
func (p *Postgres) more(batch []Event) []Event {
	for len(batch) < notifyBatch {
		select {
		case e := <-p.send:
			batch = append(batch, e)
		default:
			return batch
		}
	}
	return batch
}
