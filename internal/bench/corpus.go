// Package bench builds a large Frontdesk database (a million tickets, five
// million messages) on either engine and measures the hot paths on it.
package bench

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// commonWords are the everyday words of support mail; they head the Zipf
// ranking, so they appear in a large share of tickets.
var commonWords = strings.Fields(`hello thanks please order account invoice payment refund login password
	email error problem issue help support customer update shipping delivery product price subscription
	plan billing card charge cancel question reset access page app website browser mobile phone report
	bug feature request data export import settings profile team user admin invite permission message
	notification search file upload download attachment document receipt tax address package tracking
	return exchange discount coupon trial upgrade downgrade renewal contract license server api token
	integration webhook timeout slow crash screen button link form field date time week month today
	yesterday tomorrow morning afternoon urgent asap soon still again already never always working broken
	missing wrong charged twice double received sent waiting reply answer contact manager colleague`)

// Vocabulary is a ranked word list: common words first, then made-up
// words (rare terms, product codes, names) down to a long tail.
type Vocabulary struct {
	words []string
	zipf  *rand.Zipf
}

// NewVocabulary builds a vocabulary of size words.
func NewVocabulary(r *rand.Rand, size int) *Vocabulary {
	words := append([]string{}, commonWords...)
	syll := strings.Fields("ka lo mi ren tor vax zel qui dor pan fex bri sto lun gar hep nim ost ruv sae")
	seen := map[string]bool{}
	for _, w := range words {
		seen[w] = true
	}
	for len(words) < size {
		n := 2 + r.IntN(3)
		var b strings.Builder
		for range n {
			b.WriteString(syll[r.IntN(len(syll))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	return &Vocabulary{words: words, zipf: rand.NewZipf(r, 1.07, 2, uint64(size-1))}
}

// Word draws one word by Zipf rank.
func (v *Vocabulary) Word() string { return v.words[v.zipf.Uint64()] }

// Rank returns the word at rank i (0 is the most common).
func (v *Vocabulary) Rank(i int) string { return v.words[i] }

// Size is the number of words.
func (v *Vocabulary) Size() int { return len(v.words) }

// Sentence returns n words drawn by rank, as text.
func (v *Vocabulary) Sentence(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(v.Word())
	}
	return b.String()
}

// Subject returns a plausible subject line.
func (v *Vocabulary) Subject(r *rand.Rand) string {
	forms := []string{"Problem with %s %s", "Question about my %s", "%s not working", "Can't %s my %s",
		"Re: %s %s", "Urgent: %s %s", "%s %s request"}
	f := forms[r.IntN(len(forms))]
	args := []any{v.Word(), v.Word()}
	return fmt.Sprintf(f, args[:strings.Count(f, "%s")]...)
}
