package ticket

import (
	"slices"
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
