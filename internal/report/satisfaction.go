package report

import (
	"context"
)

// Satisfaction is the customers' verdict over a period: from the rating
// link of the "closed" mail (Mail: its response rate is ratings per
// ticket closed), from chat ratings (Chat: ratings per chat session), and
// both together (All: ratings per close and session). Chat is absent
// when the report filters by channel or priority, which chats lack.
type Satisfaction struct {
	Mail Ratings  `json:"mail"`
	Chat *Ratings `json:"chat"`
	All  Ratings  `json:"all"`
}

// In Ratings, RatedPct is the response rate here: ratings per close (or
// session) in the period, in percent.

var (
	ratingDays = newQuery(3, `SELECT operator_id, SUM(rated), SUM(satisfied), SUM(okay), SUM(dissatisfied)
		FROM report_rating_days WHERE day >= $1 AND day <= $2{where} GROUP BY operator_id`)
	chatRatings = newQuery(3, `SELECT operator_id, SUM(sessions), SUM(rated), SUM(satisfied), SUM(okay),
		SUM(dissatisfied) FROM report_chat_days WHERE day >= $1 AND day <= $2{where} GROUP BY operator_id`)
)

// satisfactions sums the period's ratings per operator (0: none) and in
// total, with the closes (closesOf, per operator, as the caller counted
// them) and sessions they are a share of.
func (s *Service) satisfactions(ctx context.Context, f Filter, closesOf map[int64]int) (map[int64]*Satisfaction, error) {
	out := map[int64]*Satisfaction{}
	of := func(id int64) *Satisfaction {
		if out[id] == nil {
			out[id] = &Satisfaction{}
			if f.Channel == "" && f.Priority < 0 {
				out[id].Chat = &Ratings{}
			}
		}
		return out[id]
	}
	sessions := map[int64]int{}
	for id := range closesOf {
		of(id)
	}
	from, to := f.dates()
	err := f.eachTeam(func(team int64) error {
		text, args := f.run(ratingDays, team, false, from, to)
		if err := scanRatings(ctx, s, text, args, func(id int64, _ int, r Ratings) {
			of(id).Mail = addRatings(of(id).Mail, r)
		}); err != nil {
			return err
		}
		if f.Channel != "" || f.Priority >= 0 {
			return nil
		}
		sh, args := f.chatShape(team)
		return scanRatings(ctx, s, chatRatings[sh], append([]any{from, to}, args...), func(id int64, n int, r Ratings) {
			*of(id).Chat = addRatings(*of(id).Chat, r)
			sessions[id] += n
		})
	})
	if err != nil {
		return nil, err
	}
	total := &Satisfaction{}
	if f.Channel == "" && f.Priority < 0 {
		total.Chat = &Ratings{}
	}
	totalCloses, totalSessions := 0, 0
	for id, v := range out {
		v.finish(closesOf[id], sessions[id])
		total.Mail = addRatings(total.Mail, v.Mail)
		if v.Chat != nil {
			*total.Chat = addRatings(*total.Chat, *v.Chat)
		}
		totalCloses, totalSessions = totalCloses+closesOf[id], totalSessions+sessions[id]
	}
	total.finish(totalCloses, totalSessions)
	out[-1] = total
	return out, nil
}

// finish computes the shares: Satisfied per rating, ratings per close
// (mail) and per session (chat).
func (v *Satisfaction) finish(closes, sessions int) {
	v.Mail.RatedPct, v.Mail.SatisfiedPct = pct(v.Mail.Rated, closes), pct(v.Mail.Satisfied, v.Mail.Rated)
	v.All = v.Mail
	if v.Chat != nil {
		v.Chat.RatedPct, v.Chat.SatisfiedPct = pct(v.Chat.Rated, sessions), pct(v.Chat.Satisfied, v.Chat.Rated)
		v.All = addRatings(v.Mail, *v.Chat)
	}
	v.All.RatedPct = pct(v.All.Rated, closes+sessions)
	v.All.SatisfiedPct = pct(v.All.Satisfied, v.All.Rated)
}

func addRatings(a, b Ratings) Ratings {
	return Ratings{Rated: a.Rated + b.Rated, Satisfied: a.Satisfied + b.Satisfied, Okay: a.Okay + b.Okay,
		Dissatisfied: a.Dissatisfied + b.Dissatisfied}
}

// scanRatings reads rows of (operator, [sessions,] rated, satisfied, okay,
// dissatisfied); n is the sessions when the query has them.
func scanRatings(ctx context.Context, s *Service, query string, args []any, fn func(id int64, n int, r Ratings)) error {
	rows, err := s.DB.Read.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	for rows.Next() {
		var id int64
		var n int
		var r Ratings
		dest := []any{&id, &r.Rated, &r.Satisfied, &r.Okay, &r.Dissatisfied}
		if len(cols) == 6 {
			dest = []any{&id, &n, &r.Rated, &r.Satisfied, &r.Okay, &r.Dissatisfied}
		}
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		fn(id, n, r)
	}
	return rows.Err()
}
