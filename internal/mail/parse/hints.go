package parse

import (
	"bytes"
	"strings"
)

// hints are the charsets a mail names for itself, best first: those of a
// part, then those of the mail as a whole (the encoded words of its
// header, the charsets of its parts in order). Undeclared 8-bit text is
// most likely in one of them; see guessText.
type hints []string

// add appends the charsets of names not yet in hs. UTF-8 and ASCII are
// left out: guessText tries UTF-8 first anyway.
func (hs hints) add(names ...string) hints {
	for _, n := range names {
		n = normalizeCharset(n)
		switch n {
		case "", "us-ascii", "ascii", "utf-8", "utf8":
			continue
		}
		found := false
		for _, h := range hs {
			found = found || h == n
		}
		if !found {
			hs = append(hs, n)
		}
	}
	return hs
}

// wordCharsets lists the charsets of the encoded words in fields.
func wordCharsets(fields []field) []string {
	var out []string
	for _, f := range fields {
		v := f.value
		for {
			i := bytes.Index(v, []byte("=?"))
			if i < 0 {
				break
			}
			v = v[i+2:]
			end := bytes.IndexByte(v[:min(len(v), 40)], '?')
			if end <= 0 {
				continue
			}
			name := string(v[:end])
			if !strings.ContainsAny(name, " \t\"=") {
				out = append(out, name)
			}
		}
	}
	return out
}

func has8bit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return true
		}
	}
	return false
}
