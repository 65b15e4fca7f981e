package parse

import "strings"

// senderFallbacks are the headers that name the sender when From does
// not, in the order a person replying would look at them.
var senderFallbacks = []string{"Reply-To", "Sender", "Return-Path"}

// senderOf keeps a usable From; without one the sender is taken from
// Reply-To, Sender or Return-Path, and that header's name is returned so
// the ticket can say so. A mail is never refused for its From alone.
func senderOf(from []Address, h header, hs hints) ([]Address, string) {
	if len(from) > 0 && usable(from[0].Address) {
		return from, ""
	}
	for _, name := range senderFallbacks {
		for _, a := range parseAddressList(h.get(name), hs) {
			if usable(a.Address) {
				if len(from) > 0 && a.Name == "" {
					a.Name = from[0].Name // "From: Support Team" still names them
				}
				return []Address{a}, name
			}
		}
	}
	return from, ""
}

// usable reports whether addr can be written to: local@domain, the local
// part plain or quoted ("John Doe"@example.com), the domain without
// blanks or brackets.
func usable(addr string) bool {
	at := strings.LastIndexByte(addr, '@')
	if at <= 0 {
		return false
	}
	local, domain := addr[:at], addr[at+1:]
	quoted := len(local) >= 3 && local[0] == '"' && local[len(local)-1] == '"'
	if !quoted && strings.ContainsAny(local, " \t<>()[],;:\\\"@") {
		return false
	}
	return domain != "" && !strings.ContainsAny(domain, " \t<>()[],;:\\\"@") &&
		!strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".")
}
