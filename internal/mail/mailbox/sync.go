package mailbox

import (
	"context"
	"crypto/tls"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/emersion/go-imap/v2"
)

// Intake takes in one raw mail for a team and keeps it durably before it
// returns nil; handing it the same bytes twice must yield one message,
// because a crash between the hand-over and the advance of the sync
// position delivers that message again.
type Intake interface {
	AcceptIMAP(ctx context.Context, raw []byte, teamID int64) error
}

// Syncer copies new mail of mailboxes into the intake.
type Syncer struct {
	Mailboxes *Service
	Intake    Intake
	Log       *slog.Logger
	// Poll is the wait between syncs on a server without IDLE (60 s when
	// zero); with IDLE it bounds the wait, in case a notice is lost.
	Poll       time.Duration
	MaxBackoff time.Duration // cap of the retry delay after a failure (5 min when zero)
	Batch      int           // UIDs fetched per command (200 when zero)
	TLSConfig  *tls.Config   // nil: the system's roots, verifying the host name
}

func (s *Syncer) batch() int {
	if s.Batch > 0 {
		return s.Batch
	}
	return 200
}

// SyncOnce connects to mailbox id, imports what is new and disconnects.
// It returns how many messages went to the intake.
func (s *Syncer) SyncOnce(ctx context.Context, id int64) (int, error) {
	m, ss, err := s.connect(ctx, id)
	if err != nil {
		return 0, err
	}
	defer ss.close()
	return s.pass(ctx, ss, &m)
}

// connect opens mailbox id at its stored position, starting over when the
// folder's UIDVALIDITY changed: its old UIDs name other messages now.
func (s *Syncer) connect(ctx context.Context, id int64) (Mailbox, *session, error) {
	m, err := s.Mailboxes.Get(ctx, id)
	if err != nil {
		return m, nil, err
	}
	ss, err := open(ctx, m, s.TLSConfig)
	if err != nil {
		return m, nil, err
	}
	if v := ss.sel.UIDValidity; v != m.UIDValidity {
		if err := s.Mailboxes.StartOver(ctx, m.ID, v); err != nil {
			ss.close()
			return m, nil, err
		}
		m.UIDValidity, m.LastUID = v, 0
	}
	return m, ss, nil
}

// pass imports every message above the position, in UID order, batch by
// batch, and records the sync.
func (s *Syncer) pass(ctx context.Context, ss *session, m *Mailbox) (int, error) {
	var set imap.UIDSet
	set.AddRange(imap.UID(m.LastUID+1), 0)
	found, err := ss.c.UIDSearch(&imap.SearchCriteria{UID: []imap.UIDSet{set}}, nil).Wait()
	if err != nil {
		return 0, fmt.Errorf("could not list the new messages: %w", err)
	}
	var uids []imap.UID
	for _, u := range found.AllUIDs() {
		// "n:*" also names the highest UID when it is below n.
		if uint32(u) > m.LastUID {
			uids = append(uids, u)
		}
	}
	slices.Sort(uids)
	n := 0
	for chunk := range slices.Chunk(uids, s.batch()) {
		got, err := s.fetch(ctx, ss, m, chunk)
		n += got
		if err != nil {
			return n, err
		}
	}
	return n, s.Mailboxes.Synced(ctx, m.ID)
}
