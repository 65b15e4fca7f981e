package report

import (
	"context"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
)

// RebuildChats empties the chat part of the record and replays it (with
// frontdesk reports rebuild, after the tickets): every chat that ended,
// as ChatEnded records it (its session with the rating and the ticket it
// has now), and the offline messages kept in report_chat_offline, each
// on its day in its team's zone now. progress, if not nil, hears how many
// chats are done.
func (s *Service) RebuildChats(ctx context.Context, progress func(done int)) (int, error) {
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		// The ticket facts queued must stay counted, the chat facts are
		// replayed: roll the queue before emptying (clearRecord).
		if err := rollAll(ctx, tx); err != nil {
			return err
		}
		for _, t := range []string{"report_chat_sessions", "report_chat_days", "report_chat_country_days"} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+t); err != nil {
				return err
			}
		}
		// The ticket histograms share these tables and are not replayed here.
		if _, err := tx.ExecContext(ctx, `DELETE FROM report_slices WHERE dim = 'chat'`); err != nil {
			return err
		}
		for _, t := range []string{"report_durations", "report_sum_operator_durations"} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+t+` WHERE metric IN ($1, $2)`, chatWait, chatDuration); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	ids, err := db.Int64s(ctx, s.DB.Read, `SELECT id FROM chats WHERE ended_at IS NOT NULL ORDER BY id`)
	if err != nil {
		return 0, err
	}
	for i, id := range ids {
		if err := s.DB.WithTx(ctx, func(tx *db.Tx) error { return s.ChatEnded(ctx, tx, id) }); err != nil {
			return i, err
		}
		if progress != nil && (i+1)%1000 == 0 {
			progress(i + 1)
		}
	}
	return len(ids), s.replayOffline(ctx)
}

// offlineRow is one offline message of report_chat_offline.
type offlineRow struct {
	ticketID, team int64
	at             time.Time
}

// replayOffline counts each offline message again on its day.
func (s *Service) replayOffline(ctx context.Context) error {
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT ticket_id, team_id, at FROM report_chat_offline ORDER BY ticket_id`)
	if err != nil {
		return err
	}
	var list []offlineRow
	for rows.Next() {
		var r offlineRow
		if err := rows.Scan(&r.ticketID, &r.team, &r.at); err != nil {
			rows.Close()
			return err
		}
		list = append(list, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, r := range list {
		err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
			day, err := zoneDay(ctx, tx, r.team, r.at)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE report_chat_offline SET day = $1 WHERE ticket_id = $2`,
				day, r.ticketID); err != nil {
				return err
			}
			return queueChat(ctx, tx, day, r.team, 0, chatCounts{offline: 1})
		})
		if err != nil {
			return err
		}
	}
	return nil
}
