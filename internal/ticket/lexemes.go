package ticket

import (
	"slices"
	"strings"
)

// The search document is the set of a ticket's distinct folded words,
// computed here. Search never needs positions or repeats (lists order by
// priority and activity, not rank, and queries match words, not phrases),
// and indexing each word of a long mail once instead of at every
// occurrence takes milliseconds off every mail: on PostgreSQL to_tsvector
// would parse the whole text in the database, on SQLite the one writer
// would feed every occurrence to FTS5. Folding as SQLite's tokenizer does
// gives both engines the same matches.

// maxLexeme drops longer "words": they are base64 or other junk nobody
// searches for, and PostgreSQL refuses lexemes over 2 KB.
const maxLexeme = 64

// SearchWords returns the distinct folded words of texts, sorted: the
// search document of a ticket whose subject and messages they are.
func SearchWords(texts ...string) []string {
	seen := map[string]struct{}{}
	for _, text := range texts {
		if isASCII(text) {
			addASCIIWords(seen, text)
			continue
		}
		for _, w := range foldedTerms(text) {
			if len(w) <= maxLexeme {
				seen[w] = struct{}{}
			}
		}
	}
	words := make([]string, 0, len(seen))
	for w := range seen {
		words = append(words, w)
	}
	slices.Sort(words)
	return words
}

// addASCIIWords is foldedTerms for ASCII text without its allocations: a
// long mail repeats most of its words, and each distinct one is copied
// once.
func addASCIIWords(seen map[string]struct{}, text string) {
	for i := 0; i < len(text); {
		if asciiFold[text[i]] == 0 {
			i++
			continue
		}
		j := i
		for j < len(text) && asciiFold[text[j]] != 0 {
			j++
		}
		if j-i <= maxLexeme {
			var buf [maxLexeme]byte
			w := buf[:j-i]
			for k := range w {
				w[k] = asciiFold[text[i+k]]
			}
			if _, ok := seen[string(w)]; !ok {
				seen[string(w)] = struct{}{}
			}
		}
		i = j
	}
}

// asciiFold maps the bytes of ASCII words to their lower case, and every
// other byte to 0.
var asciiFold = func() (t [256]byte) {
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c)
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = byte(c), byte(c)
	}
	return t
}()

// pgVector renders the words of texts as a tsvector literal.
func pgVector(texts ...string) string {
	return pgWords(SearchWords(texts...))
}

// pgWords renders words as a tsvector literal. Folded words hold only
// letters and digits, so quoting needs no escapes.
func pgWords(words []string) string { return quoteWords(words, " ") }

// pgQuery renders q as a tsquery literal requiring every word.
func pgQuery(q string) string {
	return quoteWords(SearchWords(q), " & ")
}

func quoteWords(words []string, sep string) string {
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString("'" + w + "'")
	}
	return b.String()
}

// Words are the search words of a message body, prepared before the
// transaction that stores it: on SQLite every transaction runs on the one
// writer, and folding a long mail there holds up everyone else. Left
// empty, they are computed inside the transaction.
type Words struct {
	body  string
	words []string
}

// PrepareWords returns the search words of body.
func PrepareWords(body string) Words {
	body = strings.TrimSpace(body)
	return Words{body: body, words: SearchWords(capIndexed(body))}
}

// of returns the words of body, prepared when they were prepared for it.
func (w Words) of(body string) []string {
	if w.words != nil && w.body == strings.TrimSpace(body) {
		return w.words
	}
	return SearchWords(capIndexed(body))
}

// withSubject adds the words of subject to body's, as SearchWords would
// have returned them for both.
func withSubject(subject string, body []string) []string {
	words := slices.Concat(SearchWords(subject), body)
	slices.Sort(words)
	return slices.Compact(words)
}
