package chat

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"slices"

	"github.com/frontdesk/frontdesk/internal/db"
)

// messageColumns say whether a message has files, so that reading
// messages without any (nearly all) costs one query, not two: on a
// node far from the database each is a round trip on the way to the
// operator.
const messageColumns = `m.id, m.chat_id, m.seq, m.author, m.operator_id, o.name, m.body, m.private, m.client_id,
	m.created_at, m.bot, CASE WHEN m.bot THEN (SELECT bot_name FROM chats WHERE id = m.chat_id) ELSE '' END, m.choices,
	EXISTS (SELECT 1 FROM chat_files f WHERE f.message_id = m.id)
	FROM chat_messages m LEFT JOIN operators o ON o.id = m.operator_id `

func scanMessage(r interface{ Scan(...any) error }) (Message, error) {
	var m Message
	var opID *int64
	var opName *string
	var botName, choices string
	err := r.Scan(&m.ID, &m.ChatID, &m.Seq, &m.Author, &opID, &opName, &m.Body, &m.Private, &m.ClientID, &m.CreatedAt,
		&m.Bot, &botName, &choices, &m.hasFiles)
	if err == nil && choices != "" {
		err = json.Unmarshal([]byte(choices), &m.Choices)
	}
	if opID != nil && opName != nil {
		m.Operator = &Person{ID: *opID, Name: *opName}
	}
	if m.Bot {
		m.Operator = &Person{Name: botName} // id 0: the chatbot, named as the windows show operators
	}
	m.Files = []File{}
	return m, err
}

func (s *Service) message(ctx context.Context, id int64) (Message, error) {
	m, err := scanMessage(s.DB.Read.QueryRowContext(ctx, `SELECT `+messageColumns+`WHERE m.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return m, ErrNotFound
	}
	if err != nil {
		return m, err
	}
	ms := []Message{m}
	return ms[0], fillFiles(ctx, s.DB.Read, ms)
}

// MaxReplay bounds one read of messages; a client asks again after the
// last seq it got.
const MaxReplay = 500

// Messages returns the chat's messages with seq > after, oldest first, at
// most MaxReplay; private ones only when withPrivate (operators).
func (s *Service) Messages(ctx context.Context, chatID, after int64, withPrivate bool) ([]Message, error) {
	return messagesAfter(ctx, s.DB.Read, chatID, after, withPrivate, MaxReplay)
}

func messagesAfter(ctx context.Context, q db.Querier, chatID, after int64, withPrivate bool, limit int) ([]Message, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+messageColumns+`WHERE m.chat_id = $1 AND m.seq > $2
		AND (m.private = FALSE OR $3) ORDER BY m.seq LIMIT `+itoa(limit), chatID, after, withPrivate)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Message{}
	for rows.Next() {
		m, err := scanMessage(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, fillFiles(ctx, q, out)
}

// fillFiles adds the files of the messages, in one query.
func fillFiles(ctx context.Context, q db.Querier, ms []Message) error {
	if !slices.ContainsFunc(ms, func(m Message) bool { return m.hasFiles }) {
		return nil
	}
	rows, err := q.QueryContext(ctx, `SELECT id, message_id, filename, size, content_type, sha256 FROM chat_files
		WHERE chat_id = $1 AND message_id BETWEEN $2 AND $3 ORDER BY id`, ms[0].ChatID, ms[0].ID, ms[len(ms)-1].ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	at := map[int64]int{}
	for i, m := range ms {
		at[m.ID] = i
	}
	for rows.Next() {
		var f File
		var mid int64
		if err := rows.Scan(&f.ID, &mid, &f.Name, &f.Size, &f.ContentType, &f.SHA256); err != nil {
			return err
		}
		if i, ok := at[mid]; ok {
			ms[i].Files = append(ms[i].Files, f)
		}
	}
	return rows.Err()
}

// ChatFile returns a file of a chat's message; visitors get only files of
// public messages.
func (s *Service) ChatFile(ctx context.Context, chatID, fileID int64, withPrivate bool) (File, error) {
	var f File
	err := s.DB.Read.QueryRowContext(ctx, `SELECT f.id, f.filename, f.size, f.content_type, f.sha256 FROM chat_files f
		JOIN chat_messages m ON m.id = f.message_id WHERE f.id = $1 AND f.chat_id = $2 AND (m.private = FALSE OR $3)`,
		fileID, chatID, withPrivate).Scan(&f.ID, &f.Name, &f.Size, &f.ContentType, &f.SHA256)
	if errors.Is(err, sql.ErrNoRows) {
		return f, ErrNotFound
	}
	return f, err
}
