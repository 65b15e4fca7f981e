package webhook

import (
	"context"
	"encoding/json"
	"slices"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
)

// Public is implemented by payloads that hold something only operators
// may see: Public returns what a customer-facing webhook may receive
// instead, and false when it may receive nothing of this event.
type Public interface {
	Public() (any, bool)
}

// envelope is the body of every delivery.
type envelope struct {
	Event     string    `json:"event"`
	CreatedAt time.Time `json:"created_at"`
	Data      any       `json:"data"`
}

// target is what Enqueue needs of a webhook.
type target struct {
	id             int64
	events         []string
	customerFacing bool
}

// Enqueue queues a delivery of event with payload to every enabled webhook
// that wants it, inside tx: the deliveries commit or roll back with the
// change they report. Automations call it for their "call a webhook"
// action as the ticket service does for its own events.
func (s *Service) Enqueue(ctx context.Context, tx *db.Tx, event string, payload any) error {
	return s.enqueue(ctx, tx, 0, event, payload)
}

// EnqueueTo queues event for webhook id alone, whatever events it wants
// (an automation's "call this webhook"); a disabled webhook gets nothing.
func (s *Service) EnqueueTo(ctx context.Context, tx *db.Tx, id int64, event string, payload any) error {
	return s.enqueue(ctx, tx, id, event, payload)
}

func (s *Service) enqueue(ctx context.Context, tx *db.Tx, only int64, event string, payload any) error {
	targets, err := enabled(ctx, tx, only)
	if err != nil {
		return err
	}
	return queue(ctx, tx, targets, only != 0, event, payload)
}

// wanting keeps the targets that want any of events, so that a change
// no webhook listens for reads nothing more.
func wanting(targets []target, events ...string) []target {
	var out []target
	for _, t := range targets {
		w := Webhook{Enabled: true, Events: t.events, CustomerFacing: t.customerFacing}
		if slices.ContainsFunc(events, w.Wants) {
			out = append(out, t)
		}
	}
	return out
}

// queue writes the deliveries of event to targets; direct: an automation
// named the webhook, so its events list does not matter.
func queue(ctx context.Context, tx *db.Tx, targets []target, direct bool, event string, payload any) error {
	var err error
	now := db.Now()
	var full, public []byte
	for _, t := range targets {
		w := Webhook{Enabled: true, Events: t.events, CustomerFacing: t.customerFacing}
		if !direct && !w.Wants(event) || direct && t.customerFacing && event == NoteAdded {
			continue
		}
		body := &full
		data := payload
		if t.customerFacing {
			body = &public
			if p, ok := payload.(Public); ok {
				if data, ok = p.Public(); !ok {
					continue
				}
			}
		}
		if *body == nil {
			if *body, err = json.Marshal(envelope{Event: event, CreatedAt: now, Data: data}); err != nil {
				return err
			}
		}
		if err := insert(ctx, tx, t.id, event, *body, now); err != nil {
			return err
		}
	}
	return nil
}

func enabled(ctx context.Context, tx db.Querier, only int64) ([]target, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, events, customer_facing FROM webhooks
		WHERE enabled AND ($1 = 0 OR id = $1) ORDER BY id`, only)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []target
	for rows.Next() {
		var t target
		var events string
		if err := rows.Scan(&t.id, &events, &t.customerFacing); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(events), &t.events); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

func insert(ctx context.Context, q db.Querier, webhookID int64, event string, body []byte, now time.Time) error {
	_, err := q.ExecContext(ctx, `INSERT INTO webhook_deliveries (webhook_id, event, body, status, next_attempt_at,
		created_at) VALUES ($1, $2, $3, 'queued', $4, $4)`, webhookID, event, string(body), now)
	return err
}

// Test queues a ping to webhook id, whatever events it wants, and wakes
// the sender.
func (s *Service) Test(ctx context.Context, id int64) error {
	w, err := s.Get(ctx, id)
	if err != nil {
		return err
	}
	now := db.Now()
	body, _ := json.Marshal(envelope{Event: Ping, CreatedAt: now,
		Data: map[string]any{"webhook": map[string]any{"id": w.ID, "name": w.Name}}})
	if err := insert(ctx, s.DB.Write, id, Ping, body, now); err != nil {
		return err
	}
	if s.Wake != nil {
		s.Wake()
	}
	return nil
}
