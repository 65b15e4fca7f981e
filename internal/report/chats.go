package report

import (
	"context"
	"time"
)

// Chats is the live chat report of a period: one entry per day and the
// totals of the period. Durations are wall-clock seconds (a visitor
// waits in real time).
type Chats struct {
	Days   []ChatDay `json:"days"`
	Totals ChatDay   `json:"totals"`
}

// ChatDay holds one day's chat figures, or as totals the period's (its
// Date then empty). Missed are sessions no operator answered (the visitor
// left first, or nobody took the chat in time); Wait is the time to the
// first operator answer of the answered ones.
type ChatDay struct {
	Date         string   `json:"date,omitempty"`
	Sessions     int      `json:"sessions"`
	Answered     int      `json:"answered"`
	Missed       int      `json:"missed"`
	Tickets      int      `json:"tickets"`
	Offline      int      `json:"offline_messages"`
	Messages     int      `json:"messages"`
	Wait         Figure   `json:"wait"`
	Duration     Figure   `json:"duration"`
	Ratings      Ratings  `json:"ratings"`
	PerSession   *float64 `json:"messages_per_session"`
	MeanDuration *int64   `json:"mean_duration_s"`
	durationS    int64
}

// Ratings counts the visitors' verdicts; RatedPct is the share of
// sessions rated, SatisfiedPct the share of ratings that are Satisfied.
type Ratings struct {
	Rated        int      `json:"rated"`
	Satisfied    int      `json:"satisfied"`
	Okay         int      `json:"okay"`
	Dissatisfied int      `json:"dissatisfied"`
	RatedPct     *float64 `json:"rated_pct"`
	SatisfiedPct *float64 `json:"satisfied_pct"`
}

// The chat roll-ups per shape of team (0: any) and operator (0: any).
var (
	chatDays = newQuery(3, `SELECT day, SUM(sessions), SUM(answered), SUM(missed), SUM(tickets), SUM(offline),
		SUM(messages), SUM(duration_s), SUM(rated), SUM(satisfied), SUM(okay), SUM(dissatisfied)
		FROM report_chat_days WHERE day >= $1 AND day <= $2{where} GROUP BY day`)
	chatDurations = newQuery(3, `SELECT day, metric, bucket, SUM(n), SUM(total_s) FROM report_durations
		WHERE day >= $1 AND day <= $2{where} AND channel = 'chat' AND metric IN ('chat_wait', 'chat_duration')
		GROUP BY day, metric, bucket`)
)

// chatRun is a chat query for the period in the shape of f for team.
func (f Filter) chatRun(q *query, team int64, from, to string) (string, []any) {
	sh, args := f.chatShape(team)
	return q[sh], append([]any{from, to}, args...)
}

// Chats answers the chat report for f (its team and operator; the ticket
// filters channel and priority do not apply) from the roll-ups.
func (s *Service) Chats(ctx context.Context, f Filter) (Chats, error) {
	if err := s.CatchUp(ctx); err != nil {
		return Chats{}, err
	}
	days := map[string]ChatDay{}
	hist := histograms{}
	from, to := f.dates()
	err := f.eachTeam(func(team int64) error {
		text, args := f.chatRun(chatDays, team, from, to)
		if err := s.chatDays(ctx, text, args, days); err != nil {
			return err
		}
		if f.Operator == 0 {
			return s.chatSliceHistograms(ctx, from, to, team, hist)
		}
		text, args = f.chatRun(chatDurations, team, from, to)
		return s.readHistograms(ctx, text, args, hist)
	})
	if err != nil {
		return Chats{}, err
	}
	out := Chats{Days: make([]ChatDay, 0, f.Days)}
	var total ChatDay
	for d := f.From; !d.After(f.To); d = d.AddDate(0, 0, 1) {
		date := d.Format(time.DateOnly)
		day := days[date]
		day.Date = date
		day.finish(hist[date])
		out.Days = append(out.Days, day)
		total = total.plus(day)
	}
	total.finish(hist[""])
	out.Totals = total
	return out, nil
}

func (s *Service) chatDays(ctx context.Context, query string, args []any, out map[string]ChatDay) error {
	rows, err := s.DB.Read.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var day string
		var d ChatDay
		r := &d.Ratings
		if err := rows.Scan(&day, &d.Sessions, &d.Answered, &d.Missed, &d.Tickets, &d.Offline, &d.Messages,
			&d.durationS, &r.Rated, &r.Satisfied, &r.Okay, &r.Dissatisfied); err != nil {
			return err
		}
		out[day] = out[day].plus(d)
	}
	return rows.Err()
}

func (a ChatDay) plus(b ChatDay) ChatDay {
	a.Sessions += b.Sessions
	a.Answered += b.Answered
	a.Missed += b.Missed
	a.Tickets += b.Tickets
	a.Offline += b.Offline
	a.Messages += b.Messages
	a.durationS += b.durationS
	a.Ratings.Rated += b.Ratings.Rated
	a.Ratings.Satisfied += b.Ratings.Satisfied
	a.Ratings.Okay += b.Ratings.Okay
	a.Ratings.Dissatisfied += b.Ratings.Dissatisfied
	return a
}

// finish computes the figures derived from the counts and histograms.
func (d *ChatDay) finish(h map[string]map[int]*bin) {
	d.Wait, d.Duration = figureOf(h[chatWait]), figureOf(h[chatDuration])
	d.Ratings.RatedPct = pct(d.Ratings.Rated, d.Sessions)
	d.Ratings.SatisfiedPct = pct(d.Ratings.Satisfied, d.Ratings.Rated)
	if d.Sessions > 0 {
		per := float64(int(float64(d.Messages)*10/float64(d.Sessions)+0.5)) / 10
		mean := (d.durationS + int64(d.Sessions)/2) / int64(d.Sessions)
		d.PerSession, d.MeanDuration = &per, &mean
	}
}
