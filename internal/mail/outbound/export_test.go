package outbound

import "context"

// DeliverWithoutMarking claims the due rows and hands each to the relay,
// then stops as if the process died before marking them sent.
func (s *Sender) DeliverWithoutMarking(ctx context.Context) (int, error) {
	ids, err := s.claim(ctx)
	if err != nil {
		return 0, err
	}
	for _, id := range ids {
		m, err := scanMail(s.DB.Read.QueryRowContext(ctx, `SELECT `+mailColumns+` FROM mail_outbox WHERE id = $1`, id))
		if err != nil {
			return 0, err
		}
		if _, err := s.deliver(ctx, m); err != nil {
			return 0, err
		}
	}
	return len(ids), nil
}
