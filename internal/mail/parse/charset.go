package parse

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/japanese"
)

// guessText turns bytes of undeclared charset into UTF-8 the way a reader
// would: valid UTF-8 (or 7-bit ISO-2022-JP) as it is; else a multi-byte
// charset the mail names elsewhere (hints) if the bytes are valid in it;
// else an East Asian encoding the bytes clearly are (detectCJK; when the
// mail names a non-Latin single-byte charset such as KOI8-R, only on
// strong evidence); else a single-byte charset the mail names; else
// windows-1252, which is what undeclared 8-bit mail mostly is and maps
// every byte to something. Latin-1, the default label of many mailers,
// never outweighs text that reads as Chinese, Japanese or Korean.
func guessText(b []byte, hs hints) string {
	if isISO2022JP(b) {
		return decodeWith(japanese.ISO2022JP, b)
	}
	if utf8.Valid(b) {
		return string(b)
	}
	var strong, latin []encoding.Encoding
	for _, name := range hs {
		switch enc := lookupCharset(name); {
		case enc == nil:
		case isMultiByte(enc):
			if s, ok := decodeStrict(enc, b); ok {
				return s
			}
		case enc == charmap.Windows1252 || enc == charmap.ISO8859_1 || enc == charmap.ISO8859_15:
			latin = append(latin, enc)
		default:
			strong = append(strong, enc)
		}
	}
	if s, ok := detectCJK(b, len(strong) > 0); ok {
		return s
	}
	for _, enc := range append(strong, latin...) {
		if s, ok := decodeStrict(enc, b); ok {
			return s
		}
	}
	return decodeWith(charmap.Windows1252, b)
}

// decodeCharset converts b from the named charset. Unknown or missing
// charsets, and content that contradicts its label, fall back to a guess.
func decodeCharset(b []byte, name string, hs hints) string {
	name = normalizeCharset(name)
	switch name {
	case "", "us-ascii", "ascii":
		return guessText(b, hs) // 8-bit bytes here were never declared
	case "utf-8", "utf8", "unicode-1-1-utf-8":
		return strings.ToValidUTF8(string(b), "\uFFFD")
	case "utf-7", "unicode-1-1-utf-7", "x-unicode-2-0-utf-7":
		return decodeUTF7(b)
	}
	enc := lookupCharset(name)
	if enc == nil {
		return guessText(b, hs)
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
