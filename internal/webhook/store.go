package webhook

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// Input creates or changes a webhook; nil fields keep their value (or
// take the default on create: enabled, not customer-facing).
type Input struct {
	Name           *string   `json:"name"`
	URL            *string   `json:"url"`
	Events         *[]string `json:"events"`
	CustomerFacing *bool     `json:"customer_facing"`
	Enabled        *bool     `json:"enabled"`
}

func (in Input) over(w Webhook) Webhook {
	if in.Name != nil {
		w.Name = strings.TrimSpace(*in.Name)
	}
	if in.URL != nil {
		w.URL = strings.TrimSpace(*in.URL)
	}
	if in.Events != nil {
		w.Events = *in.Events
	}
	if in.CustomerFacing != nil {
		w.CustomerFacing = *in.CustomerFacing
	}
	if in.Enabled != nil {
		w.Enabled = *in.Enabled
	}
	return w
}

// check gives each bad field its message.
func (s *Service) check(w Webhook) error {
	var c domain.Check
	c.Require(w.Name != "", "name", "is required")
	c.Line("name", w.Name)
	c.Require(!domain.TooLong(w.Name, 100), "name", "must be at most 100 characters")
	if p := s.targetProblem(w.URL); p != "" {
		c.Add("url", p)
	}
	c.Require(!domain.TooLong(w.URL, 2000), "url", "must be at most 2000 characters")
	c.Require(len(w.Events) > 0, "events", "choose at least one event")
	for _, e := range w.Events {
		c.Require(slices.Contains(Events, e), "events", "unknown event "+e+"; known: "+strings.Join(Events, ", "))
	}
	return c.Err()
}

const columns = `id, name, url, events, customer_facing, enabled, created_at, updated_at`

func scan(row interface{ Scan(...any) error }) (Webhook, error) {
	var w Webhook
	var events string
	if err := row.Scan(&w.ID, &w.Name, &w.URL, &events, &w.CustomerFacing, &w.Enabled, &w.CreatedAt, &w.UpdatedAt); err != nil {
		return w, err
	}
	return w, json.Unmarshal([]byte(events), &w.Events)
}

// List returns every webhook with its newest delivery, in one query.
func (s *Service) List(ctx context.Context) ([]Webhook, error) {
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT w.id, w.name, w.url, w.events, w.customer_facing, w.enabled,
		w.created_at, w.updated_at, `+deliveryColumns+` FROM webhooks w
		LEFT JOIN webhook_deliveries d ON d.id = (SELECT max(l.id) FROM webhook_deliveries l WHERE l.webhook_id = w.id)
		ORDER BY w.name, w.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Webhook{}
	for rows.Next() {
		var w Webhook
		var events string
		var last nullDelivery
		err := rows.Scan(append([]any{&w.ID, &w.Name, &w.URL, &events, &w.CustomerFacing, &w.Enabled, &w.CreatedAt,
			&w.UpdatedAt}, last.fields()...)...)
		if err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(events), &w.Events); err != nil {
			return nil, err
		}
		w.Last = last.delivery()
		out = append(out, w)
	}
	return out, rows.Err()
}

// Get returns webhook id.
func (s *Service) Get(ctx context.Context, id int64) (Webhook, error) {
	w, err := scan(s.DB.Read.QueryRowContext(ctx, `SELECT `+columns+` FROM webhooks WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return w, ErrNotFound
	}
	return w, err
}

// Create adds a webhook with a new secret, which the answer carries once.
func (s *Service) Create(ctx context.Context, in Input) (Webhook, error) {
	w := in.over(Webhook{Enabled: true, Events: []string{}})
	if err := s.check(w); err != nil {
		return w, err
	}
	events, _ := json.Marshal(w.Events)
	secret, now := newSecret(), db.Now()
	err := s.DB.Write.QueryRowContext(ctx, `INSERT INTO webhooks (name, url, events, secret, customer_facing, enabled,
		created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
		w.Name, w.URL, string(events), secret, w.CustomerFacing, w.Enabled, now).Scan(&w.ID)
	if err != nil {
		return w, err
	}
	got, err := s.Get(ctx, w.ID)
	got.Secret = secret
	return got, err
}

// Update changes webhook id; its secret stays.
func (s *Service) Update(ctx context.Context, id int64, in Input) (Webhook, error) {
	cur, err := s.Get(ctx, id)
	if err != nil {
		return cur, err
	}
	w := in.over(cur)
	if err := s.check(w); err != nil {
		return w, err
	}
	events, _ := json.Marshal(w.Events)
	_, err = s.DB.Write.ExecContext(ctx, `UPDATE webhooks SET name = $2, url = $3, events = $4, customer_facing = $5,
		enabled = $6, updated_at = $7 WHERE id = $1`, id, w.Name, w.URL, string(events), w.CustomerFacing, w.Enabled, db.Now())
	if err != nil {
		return w, err
	}
	return s.Get(ctx, id)
}

// Rotate gives webhook id a new secret and returns it; the old one stops
// signing at once.
func (s *Service) Rotate(ctx context.Context, id int64) (string, error) {
	secret := newSecret()
	res, err := s.DB.Write.ExecContext(ctx, `UPDATE webhooks SET secret = $2, updated_at = $3 WHERE id = $1`,
		id, secret, db.Now())
	if err != nil {
		return "", err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return "", ErrNotFound
	}
	return secret, nil
}

// Delete removes webhook id and its deliveries.
func (s *Service) Delete(ctx context.Context, id int64) error {
	res, err := s.DB.Write.ExecContext(ctx, `DELETE FROM webhooks WHERE id = $1`, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// deliveryColumns are a delivery's columns, as d.
const deliveryColumns = `d.id, d.webhook_id, d.event, d.status, d.attempts, d.status_code, d.last_error,
	d.created_at, d.attempted_at, d.next_attempt_at`

// nullDelivery scans deliveryColumns from a LEFT JOIN: all null when the
// webhook has no delivery yet.
type nullDelivery struct {
	id, webhook              sql.Null[int64]
	event, status, lastErr   sql.Null[string]
	attempts, code           sql.Null[int]
	created, attempted, next sql.Null[time.Time]
}

func (n *nullDelivery) fields() []any {
	return []any{&n.id, &n.webhook, &n.event, &n.status, &n.attempts, &n.code, &n.lastErr, &n.created, &n.attempted, &n.next}
}

func (n *nullDelivery) delivery() *Delivery {
	if !n.id.Valid {
		return nil
	}
	d := &Delivery{ID: n.id.V, WebhookID: n.webhook.V, Event: n.event.V, Status: n.status.V, Attempts: n.attempts.V,
		StatusCode: n.code.V, Error: n.lastErr.V, CreatedAt: n.created.V}
	if n.attempted.Valid {
		d.AttemptedAt = &n.attempted.V
	}
	if d.Status == Queued || d.Status == Sending {
		d.NextAttemptAt = &n.next.V
	}
	return d
}

// Deliveries returns webhook id's newest deliveries, at most limit.
func (s *Service) Deliveries(ctx context.Context, id int64, limit int) ([]Delivery, error) {
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT `+deliveryColumns+` FROM webhook_deliveries d WHERE d.webhook_id = $1
		ORDER BY d.id DESC LIMIT $2`, id, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Delivery{}
	for rows.Next() {
		var n nullDelivery
		if err := rows.Scan(n.fields()...); err != nil {
			return nil, err
		}
		out = append(out, *n.delivery())
	}
	return out, rows.Err()
}
