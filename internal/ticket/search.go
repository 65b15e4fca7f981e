package ticket

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/frontdesk/frontdesk/internal/db"
)

// Ticket numbers: a counter row on SQLite (one writer anyway), a sequence
// on PostgreSQL (no row lock shared by concurrent creations).
const sqliteNextNumber = `UPDATE counters SET value = value + 1 WHERE name = 'ticket_number' RETURNING value`

// Full-text search indexes one document per ticket: the subject and the
// text of every message. SQLite keeps it in the FTS5 table ticket_search
// (rowid = ticket id); PostgreSQL in the tickets.search tsvector with GIN.
const (
	sqliteIndexNew     = `INSERT INTO ticket_search (rowid, subject, body) VALUES ($1, $2, $3)`
	sqliteIndexSubject = `UPDATE ticket_search SET subject = $2 WHERE rowid = $1`
	sqliteIndexBody    = `UPDATE ticket_search SET body = body || ' ' || $2 WHERE rowid = $1`
	pgIndexSubject     = `UPDATE tickets SET search = $2::tsvector WHERE id = $1`
	pgIndexBody        = `UPDATE tickets SET search = search || $2::tsvector WHERE id = $1`

	// Few matches: collect them from the index, then sort them.
	sqliteMatch = `t.id IN (SELECT rowid FROM ticket_search WHERE ticket_search MATCH %s)`
	// PostgreSQL's planner makes the same choice from its tsvector statistics.
	pgMatch = `t.search @@ %s::tsquery`
)

// searchFilter adds the full-text condition for q, if q holds any word. On
// SQLite it adds none and returns the folded terms instead: List first
// walks the list in order testing each ticket's text, which finds a page
// after a few hundred tests when the words are common, and only when that
// fails within a budget asks the FTS index for the (then few) matches.
// Collecting and sorting a hundred thousand matches of a common word would
// cost far more; SQLite's index cannot tell cheaply how common a word is.
func (s *Service) searchFilter(w *where, q string) []string {
	terms := foldedTerms(q)
	if len(terms) == 0 {
		return nil
	}
	if s.DB.Dialect == db.SQLite && s.ScanBudget >= 0 {
		return terms
	}
	w.add(fmt.Sprintf(s.sqlFor(sqliteMatch, pgMatch), w.arg(s.matchQuery(q))))
	return nil
}

// maxIndexedBody caps the text of one message that goes into the index.
const maxIndexedBody = 100_000

// The index writes run at the end of the transaction (Tx.Defer).

// indexNew writes the search document of a new ticket on SQLite (on
// PostgreSQL the insert itself does).
func (s *Service) indexNew(ctx context.Context, tx *db.Tx, id int64, subject string, words []string) {
	s.deferExec(ctx, tx, sqliteIndexNew, id, subject, strings.Join(words, " "))
}

func (s *Service) indexSubject(ctx context.Context, tx *db.Tx, id int64, subject string) {
	if s.DB.Dialect == db.SQLite {
		s.deferExec(ctx, tx, sqliteIndexSubject, id, subject)
		return
	}
	tx.Defer(func() error {
		texts, err := threadTexts(ctx, tx, id)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, pgIndexSubject, id, pgVector(append(texts, subject)...))
		return err
	})
}

// threadTexts returns the indexed text of every message of ticket id.
func threadTexts(ctx context.Context, q db.Querier, id int64) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT body_text FROM messages WHERE ticket_id = $1`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var texts []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		texts = append(texts, capIndexed(t))
	}
	return texts, rows.Err()
}

func (s *Service) indexBody(ctx context.Context, tx *db.Tx, id int64, words []string) {
	if s.DB.Dialect == db.SQLite {
		s.deferExec(ctx, tx, sqliteIndexBody, id, strings.Join(words, " "))
		return
	}
	s.deferExec(ctx, tx, pgIndexBody, id, pgWords(words))
}

func (s *Service) deferExec(ctx context.Context, tx *db.Tx, query string, args ...any) {
	tx.Defer(func() error {
		_, err := tx.ExecContext(ctx, query, args...)
		return err
	})
}

func capIndexed(body string) string {
	if len(body) > maxIndexedBody {
		return body[:maxIndexedBody]
	}
	return body
}

// searchTerms splits a query into words; every word must match.
func searchTerms(q string) []string {
	return strings.FieldsFunc(strings.ToLower(q), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// matchQuery renders q in the engine's query syntax, every word required:
// quoted FTS5 strings, or a tsquery of the words folded as pgVector folds
// the indexed text.
func (s *Service) matchQuery(q string) string {
	if s.DB.Dialect == db.Postgres {
		return pgQuery(q)
	}
	terms := searchTerms(q)
	for i, t := range terms {
		terms[i] = `"` + t + `"`
	}
	return strings.Join(terms, " ")
}
