package parse

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
)

// guessText turns bytes of unknown charset into UTF-8: valid UTF-8 is kept,
// anything else is read as windows-1252, which is what undeclared 8-bit
// mail almost always is and which maps every byte to something readable.
func guessText(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return decodeWith(charmap.Windows1252, b)
}

// decodeCharset converts b from the named charset. Unknown or missing
// charsets, and content that contradicts its label, fall back to a guess.
func decodeCharset(b []byte, name string) string {
	name = normalizeCharset(name)
	switch name {
	case "", "us-ascii", "ascii":
		return guessText(b) // 8-bit bytes here were never declared
	case "utf-8", "utf8", "unicode-1-1-utf-8":
		return strings.ToValidUTF8(string(b), "\uFFFD")
	case "utf-7", "unicode-1-1-utf-7", "x-unicode-2-0-utf-7":
		return decodeUTF7(b)
	}
	enc := lookupCharset(name)
	if enc == nil {
		return guessText(b)
	}
	return decodeWith(enc, b)
}

func normalizeCharset(name string) string {
	name = strings.ToLower(strings.Trim(strings.TrimSpace(name), `"'`))
	// RFC 2231 allows a language after the charset: "utf-8*en".
	if i := strings.IndexByte(name, '*'); i >= 0 {
		name = name[:i]
	}
	return name
}

// lookupCharset finds an encoding by name: the WHATWG table first (it maps
// labels the way browsers do, e.g. latin1 to its windows-1252 superset,
// gb2312 to gbk), then the IANA registry, then common misspellings.
func lookupCharset(name string) encoding.Encoding {
	if enc, err := htmlindex.Get(name); err == nil {
		return enc
	}
	if enc, err := ianaindex.MIME.Encoding(name); err == nil && enc != nil {
		return enc
	}
	for _, fix := range []func(string) string{
		func(s string) string { return strings.Replace(s, "_", "-", -1) },
		func(s string) string { return strings.Replace(s, "iso8859", "iso-8859", 1) },
		func(s string) string { return strings.Replace(s, "cp", "windows-", 1) },
	} {
		if alt := fix(name); alt != name {
			if enc, err := htmlindex.Get(alt); err == nil {
				return enc
			}
		}
	}
	return nil
}

func decodeWith(enc encoding.Encoding, b []byte) string {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return string(out)
}
