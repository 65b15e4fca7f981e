package mailbox

import (
	"context"
	"time"

	"github.com/emersion/go-imap/v2"
)

const (
	firstBackoff = time.Second
	idleRefresh  = 10 * time.Minute // re-sync under IDLE even if no notice came
)

func (s *Syncer) poll() time.Duration {
	if s.Poll > 0 {
		return s.Poll
	}
	return time.Minute
}

func (s *Syncer) maxBackoff() time.Duration {
	if s.MaxBackoff > 0 {
		return s.MaxBackoff
	}
	return 5 * time.Minute
}

// Run keeps mailbox id synced until ctx ends: it syncs, waits for new
// mail (IDLE where the server offers it, else polling) and syncs again.
// A failure is recorded on the mailbox and retried after a delay that
// doubles up to MaxBackoff and starts over after a sync succeeds.
func (s *Syncer) Run(ctx context.Context, id int64) {
	delay := firstBackoff
	for {
		err := s.stay(ctx, id, func() { delay = firstBackoff })
		if ctx.Err() != nil {
			return
		}
		if s.Log != nil {
			s.Log.Warn("imap sync failed", "mailbox", id, "retry_in", delay.String(), "err", err)
		}
		if rerr := s.Mailboxes.Failed(ctx, id, err.Error()); rerr != nil && s.Log != nil {
			s.Log.Error("record imap failure", "mailbox", id, "err", rerr)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(delay):
		}
		delay = min(2*delay, s.maxBackoff())
	}
}

// stay connects once and syncs on that connection until it fails.
func (s *Syncer) stay(ctx context.Context, id int64, synced func()) error {
	m, ss, err := s.connect(ctx, id)
	if err != nil {
		return err
	}
	defer ss.close()
	for {
		if _, err := s.pass(ctx, ss, &m); err != nil {
			return err
		}
		synced()
		if err := s.wait(ctx, ss); err != nil {
			return err
		}
	}
}

// wait returns when new mail may have arrived.
func (s *Syncer) wait(ctx context.Context, ss *session) error {
	if !ss.c.Caps().Has(imap.CapIdle) {
		return sleep(ctx, ss, s.poll())
	}
	// Mail that came during the sync may be announced only in answer to a
	// command: a NOOP collects that notice, so IDLE does not sleep on it.
	if err := ss.c.Noop().Wait(); err != nil {
		return err
	}
	idle, err := ss.c.Idle()
	if err != nil {
		return err
	}
	werr := sleep(ctx, ss, max(idleRefresh, s.poll()))
	if err := idle.Close(); err != nil && werr == nil {
		werr = err
	}
	if err := idle.Wait(); err != nil && werr == nil {
		werr = err
	}
	return werr
}

// sleep waits for d, a notice of new mail, the connection's end or ctx.
func sleep(ctx context.Context, ss *session, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-ss.c.Closed():
		return errClosed
	case <-ss.updates:
	case <-t.C:
	}
	return nil
}
