package report

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
)

// The chat duration metrics of report_durations, kept under channel
// "chat" and priority 0 beside the ticket metrics.
const (
	chatWait     = "chat_wait"     // from the start to the first operator answer
	chatDuration = "chat_duration" // from the start to the end
)

// chatNow is what the record reads of a chat: one row by its key, inside
// the transaction of the change.
type chatNow struct {
	team, operator      int64
	visitor, country    string
	rating, comment     string
	startedAt           time.Time
	answeredAt, endedAt *time.Time
	ticketID            *int64
	messages            int
}

const chatSQL = `SELECT COALESCE(ch.team_id, 0), COALESCE(c.operator_id, 0),
	CASE WHEN c.visitor_name <> '' THEN c.visitor_name ELSE c.visitor_email END, c.country,
	COALESCE(c.rating, ''), c.rating_comment, c.created_at, c.answered_at, c.ended_at, c.ticket_id,
	(SELECT COUNT(*) FROM chat_messages m WHERE m.chat_id = c.id AND m.author <> 'system' AND NOT m.private)
	FROM chats c JOIN chat_channels ch ON ch.id = c.channel_id WHERE c.id = $1`

func readChat(ctx context.Context, q db.Querier, id int64) (chatNow, error) {
	var c chatNow
	err := q.QueryRowContext(ctx, chatSQL, id).Scan(&c.team, &c.operator, &c.visitor, &c.country, &c.rating,
		&c.comment, &c.startedAt, &c.answeredAt, &c.endedAt, &c.ticketID, &c.messages)
	return c, err
}

// chatCounts are the increments of one report_chat_days row.
type chatCounts struct {
	sessions, answered, missed, tickets, offline, messages int
	durationS                                              int64
	rated, satisfied, okay, dissatisfied                   int
}

// ChatEnded adds the session of chat id, which just ended (or was
// missed), to the record: who held it, the wait for the first operator
// answer (none: the chat went unanswered and counts as missed), its
// duration and messages, and its rating and ticket if it has them yet.
func (s *Service) ChatEnded(ctx context.Context, tx *db.Tx, id int64) error {
	c, err := readChat(ctx, tx, id)
	if err != nil || c.endedAt == nil {
		return err
	}
	day, err := zoneDay(ctx, tx, c.team, c.startedAt)
	if err != nil {
		return err
	}
	duration := clampSeconds(c.endedAt.Sub(c.startedAt))
	var wait *int64
	n := chatCounts{sessions: 1, messages: c.messages, durationS: duration}
	if c.answeredAt != nil {
		w := clampSeconds(c.answeredAt.Sub(c.startedAt))
		wait, n.answered = &w, 1
	} else {
		n.missed = 1
	}
	if c.ticketID != nil {
		n.tickets = 1
	}
	n = n.plus(ratingCounts(c.rating))
	res, err := tx.ExecContext(ctx, `INSERT INTO report_chat_sessions (chat_id, day, team_id, operator_id, started_at,
		visitor, country, answered, wait_s, duration_s, messages, rating, comment, ticket_id)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (chat_id) DO NOTHING`,
		id, day, c.team, c.operator, db.Norm(c.startedAt), c.visitor, c.country, wait != nil, wait, duration,
		c.messages, c.rating, c.comment, c.ticketID)
	if err != nil {
		return err
	}
	if k, _ := res.RowsAffected(); k == 0 {
		return nil // recorded already: a chat ends once
	}
	out := newQueueSink(tx)
	if err := sessionRollups(ctx, out, day, c, n, wait); err != nil {
		return err
	}
	return out.flush(ctx)
}

// sessionRollups adds an ended session's counts, its country, and its
// duration and wait (when it was answered) to the chat roll-ups.
func sessionRollups(ctx context.Context, out sink, day string, c chatNow, n chatCounts, wait *int64) error {
	if err := bumpChat(ctx, out, day, c.team, c.operator, n); err != nil {
		return err
	}
	if err := bumpCountry(ctx, out, day, c.team, c.operator, c.country, n.missed); err != nil {
		return err
	}
	k := key{team: c.team, channel: "chat", operator: c.operator}
	times := []metricValue{{chatDuration, n.durationS}}
	if wait != nil {
		times = append(times, metricValue{chatWait, *wait})
	}
	for _, m := range times {
		if err := addDuration(ctx, out, day, k, m.metric, m.s); err != nil {
			return err
		}
		if err := out.chatSlice(ctx, k.team, day, m.metric, m.s); err != nil {
			return err
		}
	}
	if wait == nil {
		return nil
	}
	return addOperatorDurations(ctx, out, c.team, c.operator, day, []metricValue{{chatWait, *wait}})
}

// ChatRated adds the rating of chat id to its session, once; a chat rated
// before it ended is counted when it ends.
func (s *Service) ChatRated(ctx context.Context, tx *db.Tx, id int64) error {
	c, err := readChat(ctx, tx, id)
	if err != nil || c.rating == "" {
		return err
	}
	return s.completeSession(ctx, tx, id, `UPDATE report_chat_sessions SET rating = $1, comment = $2
		WHERE chat_id = $3 AND rating = ''`, []any{c.rating, c.comment, id}, ratingCounts(c.rating))
}

// ChatTicket marks the session of chat id as one that became a ticket,
// once; a chat that became a ticket before it ended is counted when it
// ends.
func (s *Service) ChatTicket(ctx context.Context, tx *db.Tx, id, ticketID int64) error {
	return s.completeSession(ctx, tx, id, `UPDATE report_chat_sessions SET ticket_id = $1
		WHERE chat_id = $2 AND ticket_id IS NULL`, []any{ticketID, id}, chatCounts{tickets: 1})
}

// completeSession runs update on the chat's session row and, when it
// changed it, adds n to the session's day.
func (s *Service) completeSession(ctx context.Context, tx *db.Tx, id int64, update string, args []any, n chatCounts) error {
	res, err := tx.ExecContext(ctx, update, args...)
	if err != nil {
		return err
	}
	if k, _ := res.RowsAffected(); k == 0 {
		return nil
	}
	var day string
	var team, operator int64
	if err := tx.QueryRowContext(ctx, `SELECT day, team_id, operator_id FROM report_chat_sessions WHERE chat_id = $1`,
		id).Scan(&day, &team, &operator); err != nil {
		return err
	}
	return queueChat(ctx, tx, day, team, operator, n)
}

// ChatOffline counts an offline message left on team's chat channel at
// the time given (team 0: a channel of no team), and keeps the ticket it
// became for the list behind the count.
func (s *Service) ChatOffline(ctx context.Context, tx *db.Tx, team, ticketID int64, at time.Time) error {
	day, err := zoneDay(ctx, tx, team, at)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO report_chat_offline (ticket_id, day, team_id, at)
		VALUES ($1, $2, $3, $4)`, ticketID, day, team, db.Norm(at)); err != nil {
		return err
	}
	return queueChat(ctx, tx, day, team, 0, chatCounts{offline: 1})
}

func ratingCounts(rating string) chatCounts {
	switch rating {
	case "satisfied":
		return chatCounts{rated: 1, satisfied: 1}
	case "okay":
		return chatCounts{rated: 1, okay: 1}
	case "dissatisfied":
		return chatCounts{rated: 1, dissatisfied: 1}
	}
	return chatCounts{}
}

func (a chatCounts) plus(b chatCounts) chatCounts {
	return chatCounts{a.sessions + b.sessions, a.answered + b.answered, a.missed + b.missed, a.tickets + b.tickets,
		a.offline + b.offline, a.messages + b.messages, a.durationS + b.durationS, a.rated + b.rated,
		a.satisfied + b.satisfied, a.okay + b.okay, a.dissatisfied + b.dissatisfied}
}

// chatDaysUpsert adds a session's (or an offline message's) counts to
// its day's report_chat_days row.
var chatDaysUpsert = newUpsert("report_chat_days", 3, "day", "team_id", "operator_id", "sessions", "answered",
	"missed", "tickets", "offline", "messages", "duration_s", "rated", "satisfied", "okay", "dissatisfied")

func bumpChat(ctx context.Context, out sink, day string, team, operator int64, n chatCounts) error {
	return out.add(ctx, chatDaysUpsert, day, team, operator, n.sessions, n.answered, n.missed, n.tickets, n.offline,
		n.messages, n.durationS, n.rated, n.satisfied, n.okay, n.dissatisfied)
}

// queueChat queues n for day's report_chat_days row, in tx.
func queueChat(ctx context.Context, tx *db.Tx, day string, team, operator int64, n chatCounts) error {
	out := newQueueSink(tx)
	if err := bumpChat(ctx, out, day, team, operator, n); err != nil {
		return err
	}
	return out.flush(ctx)
}

func addDuration(ctx context.Context, out sink, day string, k key, metric string, s int64) error {
	return out.add(ctx, durationsUpsert, day, k.team, k.channel, k.priority, k.operator, metric, bucketOf(s), 1, s)
}

// zoneDay is the local date of at in team's zone (UTC for team 0, a
// chat channel of no team).
func zoneDay(ctx context.Context, q db.Querier, team int64, at time.Time) (string, error) {
	loc := time.UTC
	if team != 0 {
		var err error
		if loc, err = teamZone(ctx, q, team); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return "", err
		}
	}
	return at.In(loc).Format(time.DateOnly), nil
}

func clampSeconds(d time.Duration) int64 {
	if d < 0 {
		return 0
	}
	return seconds(d)
}
