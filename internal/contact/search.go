package contact

import (
	"fmt"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
)

// The domain of an address, as the index contact_emails_domain holds it.
const (
	sqliteDomain = `substr(email, instr(email, '@') + 1)`
	pgDomain     = `split_part(email, '@', 2)`
)

// searchCond is the condition for a search box query q (already lower
// case): the start of an address, a first or a last name; a whole
// domain ("acme.com" or "@acme.com"); or a full name, "Ines Yilmaz" or
// "Ines Yil", in either order. Every branch reads an index.
func (s *Service) searchCond(q string, arg func(any) string) string {
	prefix := func(col, p string) string {
		return fmt.Sprintf("(%[1]s >= %[2]s AND %[1]s < %[3]s)", col, arg(p), arg(p+"\U0010FFFF"))
	}
	var or []string
	if !strings.HasPrefix(q, "@") {
		or = append(or, "c.id IN (SELECT contact_id FROM contact_emails WHERE "+prefix("email", q)+")",
			prefix("lower(c.last_name)", q), prefix("lower(c.first_name)", q))
	}
	if d := domainOf(q); d != "" {
		expr := sqliteDomain
		if s.DB.Dialect == db.Postgres {
			expr = pgDomain
		}
		or = append(or, "c.id IN (SELECT contact_id FROM contact_emails WHERE "+expr+" = "+arg(d)+")")
	}
	words := strings.Fields(q)
	for i := 1; i < len(words); i++ {
		head, tail := strings.Join(words[:i], " "), strings.Join(words[i:], " ")
		or = append(or, "(lower(c.first_name) = "+arg(head)+" AND "+prefix("lower(c.last_name)", tail)+")",
			"(lower(c.last_name) = "+arg(head)+" AND "+prefix("lower(c.first_name)", tail)+")")
	}
	return "(" + strings.Join(or, " OR ") + ")"
}

// wholeNameCond matches people whose first and last names are the words
// of q in full, in either order. Each split reads only the newest n
// entries of one name in the index contacts_name, which holds them in id
// order, rather than every person of that name.
func wholeNameCond(q string, n int, arg func(any) string) string {
	words := strings.Fields(q)
	var parts []string
	for i := 1; i < len(words); i++ {
		head, tail := strings.Join(words[:i], " "), strings.Join(words[i:], " ")
		for _, name := range [][2]string{{tail, head}, {head, tail}} {
			parts = append(parts, fmt.Sprintf(`SELECT id FROM (SELECT id FROM contacts WHERE lower(last_name) = %s
				AND lower(first_name) = %s ORDER BY id DESC LIMIT %s) AS w%d`, arg(name[0]), arg(name[1]), arg(n), len(parts)))
		}
	}
	return "c.id IN (" + strings.Join(parts, " UNION ALL ") + ")"
}

// domainOf is the domain q names, "" when q is no domain: "@acme.com" or
// "acme.com" (a dot, no space, no @ inside).
func domainOf(q string) string {
	d := strings.TrimPrefix(q, "@")
	if d == "" || strings.ContainsAny(d, "@ \t") || !strings.Contains(strings.Trim(d, "."), ".") {
		return ""
	}
	return d
}
