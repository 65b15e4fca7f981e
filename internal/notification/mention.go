package notification

import (
	"context"
	"regexp"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
)

// person is an operator a notice goes to.
type person struct {
	id          int64
	name, email string
	pref        MailPreference
}

// mentionPattern finds @name at the start of the text or after a space or
// punctuation, never inside an address (ada@example.com mentions no one).
var mentionPattern = regexp.MustCompile(`(?:^|[^\p{L}\p{N}._%+-])@([\p{L}\p{N}][\p{L}\p{N}._-]*)`)

// mentioned returns the active operators body names with @: by the part
// of their address before the @, by their whole name written without
// spaces (@KimLee), or by their first name when no one else shares it.
func mentioned(ctx context.Context, q db.Querier, body string) ([]person, error) {
	found := mentionPattern.FindAllStringSubmatch(body, -1)
	if len(found) == 0 {
		return nil, nil
	}
	rows, err := q.QueryContext(ctx, `SELECT id, name, email, notify_mail FROM operators WHERE active ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var all []person
	firsts := map[string]int{}
	for rows.Next() {
		var p person
		if err := rows.Scan(&p.id, &p.name, &p.email, &p.pref); err != nil {
			return nil, err
		}
		all = append(all, p)
		firsts[firstName(p.name)]++
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var out []person
	seen := map[int64]bool{}
	for _, f := range found {
		word := strings.ToLower(strings.TrimRight(f[1], "._-"))
		for _, p := range all {
			if !seen[p.id] && names(p, word, firsts) {
				seen[p.id] = true
				out = append(out, p)
			}
		}
	}
	return out, nil
}

// names reports whether @word names p.
func names(p person, word string, firsts map[string]int) bool {
	local, _, _ := strings.Cut(strings.ToLower(p.email), "@")
	whole := strings.ToLower(strings.Join(strings.Fields(p.name), ""))
	first := firstName(p.name)
	return word == local || word == whole || (word == first && firsts[first] == 1)
}

func firstName(name string) string {
	f := strings.Fields(strings.ToLower(name))
	if len(f) == 0 {
		return ""
	}
	return f[0]
}
