package chat

import (
	"context"
	"time"
)

// Panel is live chat now, for the reports' live panel and the Prometheus
// gauges: visitors waiting in every queue, operators online (not silent
// past AwayAfter), and each operator who is not offline or still holds
// chats, with their load against their capacity.
type Panel struct {
	Waiting   int
	Online    int
	Operators []PanelOperator
}

// PanelOperator is one operator's load now.
type PanelOperator struct {
	ID               int64
	Name             string
	Status           Status // effective: away after AwayAfter of silence
	Active, Capacity int
}

// Panel reads the live state: the waiting chats by their state index and
// the availability rows of the operators (one per person).
func (s *Service) Panel(ctx context.Context) (Panel, error) {
	var p Panel
	if err := s.DB.Read.QueryRowContext(ctx, `SELECT COUNT(*) FROM chats WHERE state = 'queued'`).Scan(&p.Waiting); err != nil {
		return p, err
	}
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT o.operator_id, op.name, o.status, o.last_seen_at, o.active,
		o.capacity FROM chat_operators o JOIN operators op ON op.id = o.operator_id
		WHERE o.status <> 'offline' OR o.active > 0 ORDER BY op.name, o.operator_id`)
	if err != nil {
		return p, err
	}
	defer rows.Close()
	now := s.now()
	p.Operators = []PanelOperator{}
	for rows.Next() {
		var o PanelOperator
		var seen time.Time
		if err := rows.Scan(&o.ID, &o.Name, &o.Status, &seen, &o.Active, &o.Capacity); err != nil {
			return p, err
		}
		o.Status = effective(o.Status, seen, now)
		if o.Status == Online {
			p.Online++
		}
		p.Operators = append(p.Operators, o)
	}
	return p, rows.Err()
}
