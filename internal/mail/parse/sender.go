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

// usable reports whether addr can be written to: local@domain, the
// domain with a dot or a plain host name, no blanks.
func usable(addr string) bool {
	local, domain, ok := strings.Cut(addr, "@")
	return ok && local != "" && domain != "" && !strings.ContainsAny(addr, " \t<>()[],;:\\") &&
		!strings.Contains(domain, "@") && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".")
}
