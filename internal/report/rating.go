package report

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// TicketRating is a customer's rating of a ticket, from the link in the
// "closed" mail.
type TicketRating struct {
	TicketID int64  `json:"ticket_id"`
	Rating   string `json:"rating"`
	Comment  string `json:"comment"`
	Changed  bool   `json:"-"` // false when the click repeated what was recorded
}

// Ratings a customer may give, worst last.
var RatingValues = []string{"satisfied", "okay", "dissatisfied"}

// MaxRatingComment is the longest comment with a rating, in characters.
const MaxRatingComment = 2000

// RateTicket records the rating of ticket id and, when given, a comment.
// It is idempotent: the same rating again changes nothing (an empty
// comment keeps the one given before); another rating replaces it and
// moves its count. The rating counts on the day of the first one, under
// the ticket's team and assignee then.
func (s *Service) RateTicket(ctx context.Context, id int64, rating, comment string, at time.Time) (TicketRating, error) {
	comment = strings.TrimSpace(comment)
	c := &domain.Check{}
	c.Require(contains(RatingValues, rating), "rating", "must be satisfied, okay or dissatisfied")
	c.Require(utf8.RuneCountInString(comment) <= MaxRatingComment, "comment", "must be at most 2,000 characters")
	if err := c.Err(); err != nil {
		return TicketRating{}, err
	}
	out := TicketRating{TicketID: id, Rating: rating, Comment: comment}
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		var err error
		out.Changed, out.Comment, err = rateTx(ctx, tx, id, rating, comment, db.Norm(at))
		return err
	})
	return out, err
}

func rateTx(ctx context.Context, tx *db.Tx, id int64, rating, comment string, at time.Time) (bool, string, error) {
	var old, oldComment, day string
	var k key
	err := tx.QueryRowContext(ctx, `SELECT rating, comment, day, team_id, channel, priority, operator_id
		FROM ticket_ratings WHERE ticket_id = $1`, id).Scan(&old, &oldComment, &day, &k.team, &k.channel, &k.priority,
		&k.operator)
	if errors.Is(err, sql.ErrNoRows) {
		return true, comment, firstRating(ctx, tx, id, rating, comment, at)
	}
	if err != nil {
		return false, "", err
	}
	if comment == "" {
		comment = oldComment
	}
	if old == rating && comment == oldComment {
		return false, comment, nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE ticket_ratings SET rating = $1, comment = $2, updated_at = $3
		WHERE ticket_id = $4`, rating, comment, at, id); err != nil {
		return false, "", err
	}
	if old == rating {
		return true, comment, nil
	}
	minus := ratingCounts(old)
	minus = chatCounts{rated: -minus.rated, satisfied: -minus.satisfied, okay: -minus.okay, dissatisfied: -minus.dissatisfied}
	if err := bumpRating(ctx, tx, day, k, minus); err != nil {
		return false, "", err
	}
	return true, comment, bumpRating(ctx, tx, day, k, ratingCounts(rating))
}

func firstRating(ctx context.Context, tx *db.Tx, id int64, rating, comment string, at time.Time) error {
	var k key
	err := tx.QueryRowContext(ctx, `SELECT team_id, channel, priority, COALESCE(assignee_id, 0) FROM tickets
		WHERE id = $1`, id).Scan(&k.team, &k.channel, &k.priority, &k.operator)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.NotFound("ticket")
	}
	if err != nil {
		return err
	}
	day, err := zoneDay(ctx, tx, k.team, at)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO ticket_ratings (ticket_id, rating, comment, day, team_id, channel,
		priority, operator_id, rated_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
		id, rating, comment, day, k.team, k.channel, k.priority, k.operator, at); err != nil {
		return err
	}
	return bumpRating(ctx, tx, day, k, ratingCounts(rating))
}

func bumpRating(ctx context.Context, tx *db.Tx, day string, k key, n chatCounts) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO report_rating_days (day, team_id, channel, priority, operator_id, rated,
		satisfied, okay, dissatisfied) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
		ON CONFLICT (day, team_id, channel, priority, operator_id) DO UPDATE SET
		rated = report_rating_days.rated + excluded.rated, satisfied = report_rating_days.satisfied + excluded.satisfied,
		okay = report_rating_days.okay + excluded.okay,
		dissatisfied = report_rating_days.dissatisfied + excluded.dissatisfied`,
		day, k.team, k.channel, k.priority, k.operator, n.rated, n.satisfied, n.okay, n.dissatisfied)
	return err
}

// TicketRatingOf reads the rating of ticket id, if it has one.
func (s *Service) TicketRatingOf(ctx context.Context, id int64) (TicketRating, bool, error) {
	r := TicketRating{TicketID: id}
	err := s.DB.Read.QueryRowContext(ctx, `SELECT rating, comment FROM ticket_ratings WHERE ticket_id = $1`, id).
		Scan(&r.Rating, &r.Comment)
	if errors.Is(err, sql.ErrNoRows) {
		return r, false, nil
	}
	return r, err == nil, err
}
