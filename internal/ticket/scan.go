package ticket

import (
	"context"
	"math"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The list-order search of SQLite: read candidates in list order, a batch
// at a time, and keep those whose subject and messages hold every term.

const (
	scanBatch = 256
	maxScan   = 20_000
	// Measured on a million tickets: sorting the matches costs about 3 µs
	// each, testing a ticket in list order about 20 µs; a page needs about
	// 50 * tickets / matches tests. The walk wins above sqrt(333 * tickets).
	sortCostPerMatch = 3
	testCostPerRow   = 20
)

const (
	sqliteCountUpTo = `SELECT count(*) FROM (SELECT rowid FROM ticket_search WHERE ticket_search MATCH $1 LIMIT $2)`
	sqliteTickets   = `SELECT COALESCE(max(id), 0) FROM tickets`
)

// searchCommon answers a search by walking the list when the words are
// common enough for that to be cheaper than sorting every match; it
// reports false, having found nothing, when they are not or the walk ran
// out of budget, and the caller then asks the FTS index for the matches.
func (s *Service) searchCommon(ctx context.Context, w *where, terms []string, q string, limit int) ([]int64, bool, error) {
	var total, n int
	if err := s.DB.Read.QueryRowContext(ctx, sqliteTickets).Scan(&total); err != nil {
		return nil, false, err
	}
	crossover := int(math.Sqrt(float64(total*testCostPerRow*(limit+1)) / sortCostPerMatch))
	if s.FewMatches != 0 {
		crossover = s.FewMatches
	}
	// Counting stops at the crossover, so it costs at most a few milliseconds.
	if err := s.DB.Read.QueryRowContext(ctx, sqliteCountUpTo, s.matchQuery(q), crossover).Scan(&n); err != nil {
		return nil, false, err
	}
	if n < crossover || s.ScanBudget < 0 {
		return nil, false, nil
	}
	budget := s.ScanBudget
	if budget == 0 {
		budget = maxScan
	}
	return s.scanMatches(ctx, w, terms, limit, budget)
}

type candidate struct {
	id       int64
	priority int
	activity time.Time
}

// scanMatches returns up to limit+1 matching ids in list order, and false
// when the budget ran out first.
func (s *Service) scanMatches(ctx context.Context, w *where, terms []string, limit, budget int) ([]int64, bool, error) {
	var out []int64
	var after *candidate
	for scanned := 0; scanned < budget; {
		batch, err := s.candidates(ctx, w, after)
		if err != nil {
			return nil, false, err
		}
		texts, err := s.searchTexts(ctx, batch)
		if err != nil {
			return nil, false, err
		}
		for _, c := range batch {
			if holdsAll(texts[c.id], terms) {
				if out = append(out, c.id); len(out) > limit {
					return out, true, nil
				}
			}
		}
		if len(batch) < scanBatch {
			return out, true, nil
		}
		after, scanned = &batch[len(batch)-1], scanned+len(batch)
	}
	return nil, false, nil
}

func (s *Service) candidates(ctx context.Context, base *where, after *candidate) ([]candidate, error) {
	w := &where{conds: append([]string{}, base.conds...), args: append([]any{}, base.args...)}
	if after != nil {
		w.add("(t.priority, t.last_activity_at, t.id) < (" + w.arg(after.priority) + ", " + w.arg(after.activity) +
			", " + w.arg(after.id) + ")")
	}
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT t.id, t.priority, t.last_activity_at FROM tickets t`+w.sql()+
		` ORDER BY t.priority DESC, t.last_activity_at DESC, t.id DESC LIMIT `+w.arg(scanBatch), w.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []candidate
	for rows.Next() {
		var c candidate
		if err := rows.Scan(&c.id, &c.priority, &c.activity); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// searchTexts reads the indexed text of each candidate.
func (s *Service) searchTexts(ctx context.Context, batch []candidate) (map[int64]string, error) {
	out := make(map[int64]string, len(batch))
	if len(batch) == 0 {
		return out, nil
	}
	args := make([]any, len(batch))
	for i, c := range batch {
		args[i] = c.id
	}
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT rowid, subject || ' ' || body FROM ticket_search WHERE rowid IN (`+
		placeholders(1, len(batch))+`)`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var text string
		if err := rows.Scan(&id, &text); err != nil {
			return nil, err
		}
		out[id] = text
	}
	return out, rows.Err()
}

// holdsAll reports whether text contains every term as a whole word,
// folded the way the FTS5 tokenizer folds (case and diacritics).
func holdsAll(text string, terms []string) bool {
	if !isASCII(text) {
		return holdsAllFolded(foldedTerms(text), terms)
	}
	// ASCII, the common case: walk the words in place, without allocating.
	found := make([]bool, len(terms))
	missing := len(terms)
	for i := 0; i < len(text); {
		for i < len(text) && !isASCIIWordByte(text[i]) {
			i++
		}
		start := i
		for i < len(text) && isASCIIWordByte(text[i]) {
			i++
		}
		if start == i {
			continue
		}
		word := text[start:i]
		for k, t := range terms {
			if !found[k] && strings.EqualFold(word, t) {
				found[k] = true
				if missing--; missing == 0 {
					return true
				}
			}
		}
	}
	return false
}

func isASCIIWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

func holdsAllFolded(words, terms []string) bool {
	missing := len(terms)
	found := make([]bool, len(terms))
	for _, w := range words {
		for i, t := range terms {
			if !found[i] && w == t {
				found[i] = true
				if missing--; missing == 0 {
					return true
				}
			}
		}
	}
	return missing == 0
}

// foldedTerms splits text into lower-case words without diacritics.
func foldedTerms(text string) []string {
	if !isASCII(text) {
		var b strings.Builder
		for _, r := range norm.NFD.String(text) {
			if !unicode.Is(unicode.Mn, r) {
				b.WriteRune(r)
			}
		}
		text = b.String()
	}
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
