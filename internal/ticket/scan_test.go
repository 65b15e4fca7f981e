package ticket

import "testing"

func TestHoldsAllMatchesWholeFoldedWords(t *testing.T) {
	cases := []struct {
		text  string
		terms []string
		want  bool
	}{
		{"My ORDER has not arrived", []string{"order"}, true},
		{"reorder please", []string{"order"}, false},
		{"order #1042, refund?", []string{"refund", "order"}, true},
		{"order only", []string{"order", "refund"}, false},
		{"Le café est fermé", []string{"cafe", "ferme"}, true},
		{"Grüße aus Köln", []string{"koln"}, true},
		{"", []string{"x"}, false},
		{"x2 y", []string{"x2"}, true},
	}
	for _, c := range cases {
		if got := holdsAll(c.text, c.terms); got != c.want {
			t.Errorf("holdsAll(%q, %v) = %v, want %v", c.text, c.terms, got, c.want)
		}
	}
}
