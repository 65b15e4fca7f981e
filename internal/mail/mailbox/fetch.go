package mailbox

import (
	"context"
	"errors"
	"fmt"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// whole is BODY.PEEK[]: the raw message, without setting \Seen.
var whole = &imap.FetchItemBodySection{Peek: true}

// fetch hands the messages of chunk (ascending UIDs) to the intake and
// only then advances the stored position, past a UID only when it and all
// below it in the chunk were accepted: a crash delivers again, never loses.
func (s *Syncer) fetch(ctx context.Context, ss *session, m *Mailbox, chunk []imap.UID) (int, error) {
	cmd := ss.c.Fetch(imap.UIDSetNum(chunk...), &imap.FetchOptions{UID: true, BodySection: []*imap.FetchItemBodySection{whole}})
	p := progress{chunk: chunk, done: map[imap.UID]bool{}}
	err := s.each(ctx, cmd, m, &p)
	if cerr := cmd.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("could not fetch messages: %w", cerr)
	}
	if err == nil {
		// The server answered for the whole chunk: UIDs it left out were
		// expunged meanwhile, so the position may pass them.
		p.next = len(chunk)
	}
	return p.accepted, errors.Join(err, p.record(ctx, s.Mailboxes, m))
}

func (s *Syncer) each(ctx context.Context, cmd *imapclient.FetchCommand, m *Mailbox, p *progress) error {
	for {
		msg := cmd.Next()
		if msg == nil {
			return nil
		}
		buf, err := msg.Collect()
		if err != nil {
			return fmt.Errorf("could not fetch a message: %w", err)
		}
		raw := buf.FindBodySection(whole)
		if buf.UID == 0 || raw == nil {
			continue // an unsolicited FETCH, such as a flag change
		}
		if err := s.Intake.AcceptIMAP(ctx, raw, m.TeamID); err != nil {
			return fmt.Errorf("the mail intake refused message UID %d: %w", buf.UID, err)
		}
		p.accept(buf.UID)
		if err := p.record(ctx, s.Mailboxes, m); err != nil {
			return err
		}
	}
}

// progress tracks which UIDs of a chunk were accepted and how far the
// stored position may move.
type progress struct {
	chunk    []imap.UID
	done     map[imap.UID]bool
	next     int // chunk[:next] are all accepted (or gone)
	accepted int
	counted  int // accepted ones already added to messages_imported
}

func (p *progress) accept(uid imap.UID) {
	p.done[uid] = true
	p.accepted++
	for p.next < len(p.chunk) && p.done[p.chunk[p.next]] {
		p.next++
	}
}

func (p *progress) record(ctx context.Context, svc *Service, m *Mailbox) error {
	if p.next == 0 || uint32(p.chunk[p.next-1]) <= m.LastUID {
		return nil
	}
	uid := uint32(p.chunk[p.next-1])
	if err := svc.Advance(ctx, m.ID, m.UIDValidity, uid, p.accepted-p.counted); err != nil {
		return err
	}
	m.LastUID, p.counted = uid, p.accepted
	return nil
}
