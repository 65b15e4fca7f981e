package parse

import (
	"net/textproto"
	"strings"
)

// header is a header block in its original order.
type header []field

func newHeader(fields []field) header { return header(fields) }

// get returns the last field of that name, unfolded and trimmed but still
// in raw bytes: encoded words must be decoded before guessing the charset
// of 8-bit text, as their own charset covers the raw bytes inside them.
// The last one wins because mailers that add a field again mean to
// override the earlier one.
func (h header) get(name string) string {
	for i := len(h) - 1; i >= 0; i-- {
		if strings.EqualFold(h[i].name, name) {
			return unfold(h[i].value)
		}
	}
	return ""
}

// text returns the field as UTF-8 for fields without encoded words.
func (h header) text(name string) string {
	return guessText([]byte(h.get(name)), nil)
}

// fieldMap returns every field by canonical name, values unfolded and
// with encoded words decoded, for the stages that look at other headers.
func (h header) fieldMap(hs hints) map[string][]string {
	m := make(map[string][]string, len(h))
	for _, f := range h {
		key := textproto.CanonicalMIMEHeaderKey(f.name)
		m[key] = append(m[key], decodeWords(unfold(f.value), hs))
	}
	return m
}

// unfold joins continuation lines.
func unfold(raw []byte) string {
	s := strings.ReplaceAll(string(raw), "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "")
	s = strings.ReplaceAll(s, "\n", "")
	return strings.TrimSpace(s)
}
