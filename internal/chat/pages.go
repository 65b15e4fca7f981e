package chat

import (
	"context"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// Page is a page of the host site the visitor was on during the chat.
type Page struct {
	URL       string    `json:"url"`
	Title     string    `json:"title"`
	VisitedAt time.Time `json:"visited_at"`
}

func addPage(ctx context.Context, q db.Querier, chatID int64, url, title string, now time.Time) error {
	_, err := q.ExecContext(ctx, `INSERT INTO chat_pages (chat_id, url, title, visited_at) VALUES ($1, $2, $3, $4)`,
		chatID, url, title, now)
	return err
}

// Visited records a page the visitor moved to.
func (s *Service) Visited(ctx context.Context, chatID int64, url, title string) error {
	url, title = strings.TrimSpace(url), strings.TrimSpace(title)
	if url == "" || len(url) > 2000 || len(title) > 500 {
		return domain.Invalid("url", "must be a URL of at most 2,000 characters")
	}
	return addPage(ctx, s.DB.Write, chatID, url, title, s.now())
}

// Pages lists the visitor's pages of the chat, newest first, at most n.
func (s *Service) Pages(ctx context.Context, chatID int64, n int) ([]Page, error) {
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT url, title, visited_at FROM chat_pages WHERE chat_id = $1
		ORDER BY id DESC LIMIT `+itoa(n), chatID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Page{}
	for rows.Next() {
		var p Page
		if err := rows.Scan(&p.URL, &p.Title, &p.VisitedAt); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
