package chat

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// Rating is the visitor's verdict on a chat.
type Rating string

// The three faces.
const (
	Satisfied    Rating = "satisfied"
	Okay         Rating = "okay"
	Dissatisfied Rating = "dissatisfied"
)

// ErrRated: a chat is rated once.
var ErrRated = domain.Conflict("the chat is already rated")

// Rate records the visitor's rating and optional comment, once; the
// operators see it on the chat (a state change).
func (s *Service) Rate(ctx context.Context, chatID int64, r Rating, comment string) (Chat, error) {
	comment = strings.TrimSpace(comment)
	c := &domain.Check{}
	c.Require(r == Satisfied || r == Okay || r == Dissatisfied, "rating", "must be satisfied, okay or dissatisfied")
	c.Require(utf8.RuneCountInString(comment) <= 2000, "comment", "must be at most 2,000 characters")
	if err := c.Err(); err != nil {
		return Chat{}, err
	}
	return s.change(ctx, chatID, func(tx *db.Tx, cur Chat, ch *changes) error {
		res, err := tx.ExecContext(ctx, `UPDATE chats SET rating = $1, rating_comment = $2 WHERE id = $3
			AND rating IS NULL`, r, comment, chatID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrRated
		}
		ch.chat(chatID)
		if s.Reports != nil {
			return s.Reports.ChatRated(ctx, tx, chatID)
		}
		return nil
	})
}
