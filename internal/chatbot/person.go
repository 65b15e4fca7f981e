package chatbot

import (
	"strings"
	"unicode"
)

// A visitor can always ask for a person, in their own words: a short
// message that names a person (person, human, operator, agent, someone)
// and otherwise holds only words of asking ("can I talk to a real
// person please") is such a request at any step. A longer message, or
// one with other words ("my agent sent the form"), is not.
var (
	personWords = words("person persons human humans operator operators agent agents someone somebody " +
		"representative")
	askingWords = words("talk speak chat connect transfer put through contact reach want need get give " +
		"please pls i id im me my to with a an the real live actual some one can could would will like let " +
		"you u be may just now directly support customer service d m ll s")
)

// maxAsking bounds the words of a request for a person.
const maxAsking = 10

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// WantsPerson reports whether text asks for a person (an operator).
func WantsPerson(text string) bool {
	ws := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(ws) == 0 || len(ws) > maxAsking {
		return false
	}
	named := false
	for _, w := range ws {
		switch {
		case personWords[w]:
			named = true
		case !askingWords[w]:
			return false
		}
	}
	return named
}
