package parse

import (
	"strings"
)

// Address is one mailbox of an address field.
type Address struct {
	Name    string `json:"name"`
	Address string `json:"address"`
}

// maxAddressField bounds the part of an address field that is read.
const maxAddressField = 64 << 10

// parseAddressList reads an address field leniently: groups are flattened,
// a display name may be unquoted and contain commas, angle brackets and
// quotes may be missing or unbalanced, and names may hold encoded words
// even inside quotes. An entry with a name but no address is kept with an
// empty address; empty entries are dropped.
func parseAddressList(s string, hs hints) []Address {
	// Unbalanced quotes make the scan quadratic; real fields are far shorter.
	s = s[:min(len(s), maxAddressField)]
	var out []Address
	items := mergeSplitNames(splitAddressItems(s))
	for _, item := range items {
		if a, ok := parseMailbox(item, hs); ok {
			out = append(out, a)
		}
	}
	return out
}

// splitAddressItems cuts at top-level commas and semicolons, and drops a
// group's name (the text before a top-level colon).
func splitAddressItems(s string) []string {
	var items []string
	var cur strings.Builder
	unclosed := map[byte]bool{} // openers known to have no closer further on
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '(' || c == '<':
			end := -1
			if !unclosed[c] {
				end = closingIndex(s, i)
			}
			if end < 0 {
				unclosed[c] = true
				cur.WriteByte(c) // unbalanced: take it as a plain character
				continue
			}
			cur.WriteString(s[i : end+1])
			i = end
		case c == ',' || c == ';':
			items = append(items, cur.String())
			cur.Reset()
		case c == ':' && !strings.Contains(cur.String(), "@"):
			cur.Reset() // "group name:" or a stray route
		default:
			cur.WriteByte(c)
		}
	}
	return append(items, cur.String())
}

// closingIndex finds the end of the quoted string, comment or angle
// address opening at s[i], or -1 when it is never closed.
func closingIndex(s string, i int) int {
	open := s[i]
	closer := map[byte]byte{'"': '"', '(': ')', '<': '>'}[open]
	depth := 0
	for j := i + 1; j < len(s); j++ {
		switch {
		case s[j] == '\\' && open != '<':
			j++
		case s[j] == closer && depth == 0:
			return j
		case open == '(' && s[j] == '(':
			depth++
		case open == '(' && s[j] == ')':
			depth--
		}
	}
	return -1
}

// mergeSplitNames rejoins "Doe, John <john@example.com>": a piece with no
// address at all, followed by one whose name is unquoted, is the start of
// that display name.
func mergeSplitNames(items []string) []string {
	var out []string
	for i := 0; i < len(items); i++ {
		item := items[i]
		if strings.TrimSpace(item) == "" {
			continue
		}
		if i+1 < len(items) && !strings.ContainsAny(item, "@<\"") && startsUnquotedName(items[i+1]) {
			items[i+1] = item + "," + items[i+1]
			continue
		}
		out = append(out, item)
	}
	return out
}

// startsUnquotedName reports whether item is "Name <address>" with a
// bare, unquoted name.
func startsUnquotedName(item string) bool {
	lt := strings.IndexByte(item, '<')
	return lt > 0 && strings.TrimSpace(item[:lt]) != "" && !strings.ContainsAny(item[:lt], "\"@")
}
