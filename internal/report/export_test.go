package report

import "context"

// TicketsByFullKey is Tickets read from the full-key roll-ups (and their
// sums) whatever the filter, to check the slices against.
func (s *Service) TicketsByFullKey(ctx context.Context, f Filter) (Tickets, error) {
	return s.tickets(ctx, f, false)
}
