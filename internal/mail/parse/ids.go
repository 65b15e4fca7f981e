package parse

import "strings"

// messageIDs returns the ids of a Message-ID, In-Reply-To or References
// field without angle brackets. Text outside brackets (old mailers wrote
// "<id> (from Joe)") is ignored; a field without brackets counts as ids
// separated by white space.
func messageIDs(s string) []string {
	var ids []string
	rest := s
	for {
		lt := strings.IndexByte(rest, '<')
		if lt < 0 {
			break
		}
		gt := strings.IndexByte(rest[lt:], '>')
		if gt < 0 {
			if id := strings.TrimSpace(rest[lt+1:]); id != "" {
				ids = append(ids, id)
			}
			break
		}
		if id := strings.Join(strings.Fields(rest[lt+1:lt+gt]), ""); id != "" {
			ids = append(ids, id)
		}
		rest = rest[lt+gt+1:]
	}
	if len(ids) == 0 && !strings.Contains(s, "<") {
		for _, f := range strings.Fields(s) {
			if strings.Contains(f, "@") {
				ids = append(ids, f)
			}
		}
	}
	return ids
}

// firstID is the first id of the field, or "".
func firstID(s string) string {
	if ids := messageIDs(s); len(ids) > 0 {
		return ids[0]
	}
	return strings.Trim(strings.TrimSpace(s), "<>")
}
