package domain

import (
	"net/mail"
	"strings"
	"unicode/utf8"
)

// NormalizeEmail trims and lower-cases an address and checks its form.
// Addresses are compared case-insensitively everywhere in Frontdesk.
func NormalizeEmail(s string) (string, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" || len(s) > 254 {
		return s, false
	}
	a, err := mail.ParseAddress(s)
	// A quoted local part ("kim lee"@example.kr) comes back unquoted in
	// Address; it is valid when it prints back as written.
	if err != nil || a.Name != "" || a.Address != s && a.String() != "<"+s+">" {
		return s, false
	}
	at := strings.LastIndexByte(s, '@')
	return s, at > 0 && strings.Contains(s[at+1:], ".") || strings.HasSuffix(s, "@localhost")
}

// TooLong reports whether s has more than n characters.
func TooLong(s string, n int) bool { return utf8.RuneCountInString(s) > n }
