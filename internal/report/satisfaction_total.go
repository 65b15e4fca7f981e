package report

import "context"

// The period's ratings in total, for the ticket report (the operators'
// table groups them by operator, satisfactions).
var (
	ratingTotals = newQuery(3, `SELECT COALESCE(SUM(rated), 0), COALESCE(SUM(satisfied), 0), COALESCE(SUM(okay), 0),
		COALESCE(SUM(dissatisfied), 0) FROM report_rating_days WHERE day >= $1 AND day <= $2{where}`)
	chatRatingTotals = newQuery(3, `SELECT COALESCE(SUM(sessions), 0), COALESCE(SUM(rated), 0),
		COALESCE(SUM(satisfied), 0), COALESCE(SUM(okay), 0), COALESCE(SUM(dissatisfied), 0)
		FROM report_chat_days WHERE day >= $1 AND day <= $2{where}`)
)

// satisfactionTotal is the period's satisfaction for f, the mail ratings'
// response rate taken against closes, the period's closed tickets (which
// the ticket report has counted already).
func (s *Service) satisfactionTotal(ctx context.Context, f Filter, closes int) (Satisfaction, error) {
	var out Satisfaction
	withChats := f.Channel == "" && f.Priority < 0
	if withChats {
		out.Chat = &Ratings{}
	}
	sessions := 0
	from, to := f.dates()
	err := f.eachTeam(func(team int64) error {
		var r Ratings
		text, args := f.run(ratingTotals, team, false, from, to)
		if err := s.DB.Read.QueryRowContext(ctx, text, args...).Scan(&r.Rated, &r.Satisfied, &r.Okay,
			&r.Dissatisfied); err != nil {
			return err
		}
		out.Mail = addRatings(out.Mail, r)
		if !withChats {
			return nil
		}
		var n int
		sh, args := f.chatShape(team)
		if err := s.DB.Read.QueryRowContext(ctx, chatRatingTotals[sh], append([]any{from, to}, args...)...).Scan(&n,
			&r.Rated, &r.Satisfied, &r.Okay, &r.Dissatisfied); err != nil {
			return err
		}
		*out.Chat = addRatings(*out.Chat, r)
		sessions += n
		return nil
	})
	out.finish(closes, sessions)
	return out, err
}
