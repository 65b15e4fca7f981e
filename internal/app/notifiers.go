package app

import (
	"context"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// notifiers hands each ticket change to every listener in turn, inside
// the change's transaction: the customers' mail, the operators' notices.
type notifiers []ticket.Notifier

func (ns notifiers) Notify(ctx context.Context, tx *db.Tx, n ticket.Notice) error {
	for _, x := range ns {
		if err := x.Notify(ctx, tx, n); err != nil {
			return err
		}
	}
	return nil
}
