package outbound

import (
	"html"
	"strings"
)

// signed appends an operator's signature to the text and the HTML of
// their public answer, after the usual "-- " line, escaped: it is text
// the operator typed.
func signed(text, htm, sig string) (string, string) {
	sig = strings.TrimSpace(sig)
	lines := strings.Split(html.EscapeString(sig), "\n")
	return text + "\n\n-- \n" + sig,
		htm + `<p>-- <br>` + strings.Join(lines, "<br>") + `</p>`
}
