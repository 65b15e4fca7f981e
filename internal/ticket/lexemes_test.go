package ticket

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// Words prepared outside the transaction must index exactly what the
// transaction would have computed itself, and never the words of another
// text.
func TestPreparedWordsMatchTheText(t *testing.T) {
	subject := "Frösche im Teich"
	body := "  Die Frösche quaken; the POND is loud.\n"
	w := PrepareWords(body)
	if got, want := w.of(body), SearchWords(capIndexed(body)); !slices.Equal(got, want) {
		t.Errorf("prepared words = %q, want %q", got, want)
	}
	if got, want := withSubject(subject, w.of(body)), SearchWords(subject, body); !slices.Equal(got, want) {
		t.Errorf("with subject = %q, want %q", got, want)
	}
	if got := w.of("another text"); !slices.Equal(got, []string{"another", "text"}) {
		t.Errorf("words prepared for one body used for another: %q", got)
	}
	if got := (Words{}).of("plain words"); !slices.Equal(got, []string{"plain", "words"}) {
		t.Errorf("unprepared words = %q", got)
	}
}

// The ASCII path must find the words the general one finds: the same
// splitting, folding and dropping of words over maxLexeme.
func TestASCIIWordsMatchTheGeneralFolding(t *testing.T) {
	long := strings.Repeat("x", maxLexeme)
	texts := []string{
		"", "   ", "Hello, WORLD! hello world 42 a1b2 ÿ",
		"Re: [Ticket #123] Printer-on-FIRE!!! (urgent)\r\n> quoted line\tTAB",
		long + " " + long + "y " + strings.ToUpper(long)[1:] + "Z end",
		"under_score dash-word dot.word slash/word e-mail@example.com",
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		b := make([]byte, r.IntN(300))
		for i := range b {
			b[i] = byte(r.IntN(128))
		}
		texts = append(texts, string(b))
	}
	for _, text := range texts {
		if !isASCII(text) {
			continue
		}
		want := map[string]struct{}{}
		for _, w := range foldedTerms(text) {
			if len(w) <= maxLexeme {
				want[w] = struct{}{}
			}
		}
		got := map[string]struct{}{}
		addASCIIWords(got, text)
		if !maps.Equal(got, want) {
			t.Errorf("words of %q:\n got %v\nwant %v", text, slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
		}
	}
}

func BenchmarkSearchWords20KB(b *testing.B) {
	var sb strings.Builder
	for i := 0; sb.Len() < 20_000; i++ {
		fmt.Fprintf(&sb, "Line %d: the printer on floor %d shows error E%d again, please advise.\r\n", i, i%7, i%50)
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		SearchWords(text)
	}
}
