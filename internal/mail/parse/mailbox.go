package parse

import (
	"regexp"
	"strings"
)

// parseMailbox reads one "Name <addr>", "addr (Name)" or bare address. A
// mailbox whose only address sits in a comment ("(john@example.com)",
// "john (John Doe <john@example.com>)") takes it from there.
func parseMailbox(item string, hs hints) (Address, bool) {
	item, comment := stripComments(item)
	var name, addr string
	if lt := strings.LastIndexByte(item, '<'); lt >= 0 {
		rest := item[lt+1:]
		if gt := strings.IndexByte(rest, '>'); gt >= 0 {
			rest = rest[:gt]
		}
		addr, name = rest, item[:lt]
	} else {
		addr, name = splitBareMailbox(item)
	}
	addr = cleanAddress(addr, hs)
	name = cleanName(name, hs)
	if addr == "" && strings.Contains(comment, "@") && !strings.Contains(comment, "(") {
		if inner, ok := parseMailbox(comment, hs); ok && inner.Address != "" {
			if inner.Name == "" {
				inner.Name = name
			}
			return inner, true
		}
	}
	if name == "" {
		name = cleanName(comment, hs)
	}
	return Address{Name: name, Address: addr}, addr != "" || name != ""
}

// quotedLocal finds an address with a quoted local part,
// "John Doe"@example.com, which word splitting would tear apart.
var quotedLocal = regexp.MustCompile(`"(?:[^"\\]|\\.)*"@[^\s,;<>()"]+`)

// splitBareMailbox finds the address in a mailbox without angle brackets:
// a quoted local part with its domain, else the word with "@". The other
// words are taken as the display name.
func splitBareMailbox(item string) (addr, name string) {
	if loc := quotedLocal.FindStringIndex(item); loc != nil {
		return item[loc[0]:loc[1]], item[:loc[0]] + " " + item[loc[1]:]
	}
	words := strings.Fields(item)
	for i, w := range words {
		if strings.Contains(w, "@") {
			return w, strings.Join(append(words[:i:i], words[i+1:]...), " ")
		}
	}
	return "", item // no address at all: "From: Whomever" names someone
}

// stripComments removes (comments) outside quoted strings and returns the
// first one, which old mailers used for the display name.
func stripComments(s string) (string, string) {
	var sb strings.Builder
	first := ""
	unclosed := map[byte]bool{} // openers known to have no closer further on
	for i := 0; i < len(s); i++ {
		if s[i] != '"' && s[i] != '(' {
			sb.WriteByte(s[i])
			continue
		}
		end := -1
		if !unclosed[s[i]] {
			end = closingIndex(s, i)
		}
		if end < 0 {
			unclosed[s[i]] = true
			sb.WriteByte(s[i])
			continue
		}
		if s[i] == '"' {
			sb.WriteString(s[i : end+1])
		} else if first == "" {
			first = s[i+1 : end]
		}
		i = end
	}
	return sb.String(), first
}

// cleanAddress drops a source route, quotes around the whole address, a
// mailto: prefix and any white space. A quoted local part is kept as
// written ("John Doe"@example.com), or unquoted when it needs no quotes.
func cleanAddress(a string, hs hints) string {
	a = strings.TrimSpace(a)
	if i := strings.LastIndexByte(a, ':'); i >= 0 && strings.HasPrefix(a, "@") {
		a = a[i+1:]
	}
	if len(a) > 7 && strings.EqualFold(a[:7], "mailto:") {
		a = a[7:]
	}
	if loc := quotedLocal.FindStringIndex(a); loc != nil && loc[0] == 0 {
		return guessText([]byte(quotedAddress(a[:loc[1]])), hs)
	}
	if strings.Count(a, `"`) == 2 && strings.HasPrefix(a, `"`) && strings.HasSuffix(a, `"`) {
		a = a[1 : len(a)-1]
	}
	a = strings.Join(strings.Fields(a), "")
	return guessText([]byte(strings.Trim(a, "<>,;'")), hs)
}

// quotedAddress unquotes the local part of "local"@domain when it is a
// plain dot-atom ("john.doe"@ is john.doe@); else it stays quoted.
func quotedAddress(a string) string {
	at := strings.LastIndex(a, `"@`)
	local, domain := a[1:at], a[at+2:]
	if local != "" && !strings.ContainsAny(local, " \t\"\\(),:;<>@[]") &&
		!strings.HasPrefix(local, ".") && !strings.HasSuffix(local, ".") && !strings.Contains(local, "..") {
		return local + "@" + domain
	}
	return a
}

// cleanName unquotes a display name and decodes its encoded words.
func cleanName(n string, hs hints) string {
	n = strings.TrimSpace(n)
	if strings.Count(n, `"`) >= 2 {
		n = unquote(n)
	}
	if strings.Count(n, `"`) == 1 {
		n = strings.ReplaceAll(n, `"`, "") // a quote never closed
	}
	n = decodeWords(n, hs)
	n = strings.Trim(strings.Join(strings.Fields(n), " "), `"' `)
	return n
}

// unquote removes the quotes of quoted strings in n, undoing escapes.
func unquote(n string) string {
	var sb strings.Builder
	in := false
	for i := 0; i < len(n); i++ {
		switch {
		case n[i] == '\\' && in && i+1 < len(n):
			i++
			sb.WriteByte(n[i])
		case n[i] == '"':
			in = !in
		default:
			sb.WriteByte(n[i])
		}
	}
	return sb.String()
}
