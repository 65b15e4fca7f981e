package report

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/domain"
)

// Session is one chat session of the record, as the sessions history
// lists it.
type Session struct {
	ChatID     int64     `json:"chat_id"`
	Day        string    `json:"date"`
	StartedAt  time.Time `json:"started_at"`
	Visitor    string    `json:"visitor"`
	Country    string    `json:"country"`
	OperatorID int64     `json:"operator_id"`
	Operator   string    `json:"operator"`
	Answered   bool      `json:"answered"`
	WaitS      *int64    `json:"wait_s"`
	DurationS  int64     `json:"duration_s"`
	Messages   int       `json:"messages"`
	Rating     string    `json:"rating"`
	Comment    string    `json:"comment"`
	TicketID   *int64    `json:"ticket_id"`
}

// Outcomes a sessions list may keep: the sessions behind each chat figure.
var Outcomes = []string{"answered", "missed", "ticket", "rated", "satisfied", "okay", "dissatisfied", "commented"}

// SessionQuery narrows a sessions list to an outcome and pages it, newest
// first: Before is the last chat id of the previous page.
type SessionQuery struct {
	Outcome string
	Before  int64
	Limit   int
}

// CheckOutcome reports a clear error for an outcome that is not one of
// Outcomes.
func CheckOutcome(o string) error {
	c := &domain.Check{}
	c.Require(o == "" || contains(Outcomes, o), "outcome", "must be one of "+strings.Join(Outcomes, ", "))
	return c.Err()
}

// The asker's teams come from team_members ($5: the agent; 0 for an admin),
// so one statement serves every asker. Newest first is by day, then by
// chat: the index on (day, chat_id), or (team_id, day, chat_id) for one
// team, is read backwards from the period's end and stops at the page's
// last row, however many sessions the period holds.
const sessionsSQL = `SELECT s.chat_id, s.day, s.started_at, s.visitor, s.country, s.operator_id,
	COALESCE(o.name, ''), s.answered, s.wait_s, s.duration_s, s.messages, s.rating, s.comment, s.ticket_id
	FROM report_chat_sessions s LEFT JOIN operators o ON o.id = s.operator_id
	WHERE s.day >= $1 AND s.day <= $2 AND ($3 = 0 OR s.team_id = $3) AND ($4 = 0 OR s.operator_id = $4)
	AND ($5 = 0 OR s.team_id IN (SELECT team_id FROM team_members WHERE operator_id = $5))
	AND ($6 = '' OR ($6 = 'answered' AND s.answered) OR ($6 = 'missed' AND NOT s.answered)
		OR ($6 = 'ticket' AND s.ticket_id IS NOT NULL) OR ($6 = 'rated' AND s.rating <> '')
		OR ($6 = 'commented' AND s.comment <> '') OR s.rating = $6)`

// sessionsAfterSQL keeps the sessions after chat $7 in that order (the
// next page), by the key the index is read in (the day alone too, which
// lets the index start at that day).
const sessionsAfterSQL = `
	AND s.day <= (SELECT b.day FROM report_chat_sessions b WHERE b.chat_id = $7)
	AND (s.day, s.chat_id) < ((SELECT b.day FROM report_chat_sessions b WHERE b.chat_id = $7), $7)`

const sessionsOrderSQL = `
	ORDER BY s.day DESC, s.chat_id DESC LIMIT `

// Sessions lists the chat sessions behind a chat figure of f, newest
// first.
func (s *Service) Sessions(ctx context.Context, f Filter, q SessionQuery) ([]Session, error) {
	if err := CheckOutcome(q.Outcome); err != nil {
		return nil, err
	}
	if f.Teams != nil && len(f.Teams) == 0 {
		return []Session{}, nil // an agent in no team sees no chats
	}
	limit := q.Limit
	if limit <= 0 || limit > 200 {
		limit = 50
	}
	from, to := f.dates()
	text, args := sessionsSQL, []any{from, to, f.Team, f.Operator, f.member, q.Outcome}
	if q.Before != 0 {
		text, args = text+sessionsAfterSQL, append(args, q.Before)
	}
	rows, err := s.DB.Read.QueryContext(ctx, text+sessionsOrderSQL+strconv.Itoa(limit), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Session{}
	for rows.Next() {
		var v Session
		if err := rows.Scan(&v.ChatID, &v.Day, &v.StartedAt, &v.Visitor, &v.Country, &v.OperatorID, &v.Operator,
			&v.Answered, &v.WaitS, &v.DurationS, &v.Messages, &v.Rating, &v.Comment, &v.TicketID); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
