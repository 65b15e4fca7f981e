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
	if s == "" || len(s) > 254 || TextProblem(s, false) != "" {
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

// Refused-character messages, one per field.
const (
	msgControl = "contains a control character"
	msgUTF8    = "is not valid UTF-8"
)

// TextProblem names what is wrong with s for a text field, or "". A long text
// (a message, notes) may hold tab, newline and carriage return; a line (a
// name, a subject) none of them. Every other C0 control, DEL and the C1
// controls are refused everywhere: PostgreSQL cannot store NUL at all,
// SQLite would keep it, and the rest only hide text from whoever reads it.
func TextProblem(s string, long bool) string {
	if !utf8.ValidString(s) {
		return msgUTF8
	}
	for _, r := range s {
		if isControl(r, long) {
			return msgControl
		}
	}
	return ""
}

func isControl(r rune, long bool) bool {
	if long && (r == '\t' || r == '\n' || r == '\r') {
		return false
	}
	return r < 0x20 || (r >= 0x7f && r <= 0x9f)
}

// Line refuses control characters and invalid UTF-8 in a one-line field.
func (c *Check) Line(field, s string) {
	if msg := TextProblem(s, false); msg != "" {
		c.Add(field, msg)
	}
}

// Text refuses control characters other than tab, newline and carriage
// return, and invalid UTF-8, in a long text field.
func (c *Check) Text(field, s string) {
	if msg := TextProblem(s, true); msg != "" {
		c.Add(field, msg)
	}
}

// Clean makes text that must never be refused, such as an honest mail,
// storable: invalid UTF-8 becomes U+FFFD and the characters Text and Line
// refuse are dropped, except that a line's tabs and line breaks become
// spaces.
func Clean(s string, long bool) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		switch {
		case !isControl(r, long):
			return r
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		}
		return -1
	}, s)
}
