package parse

import (
	"strings"
)

// maxWordLen bounds an encoded word; RFC 2047 allows 75 characters and
// mailers that break the rule stay well below this.
const maxWordLen = 1024

// encodedWord is one "=?charset?enc?text?=" of RFC 2047.
type encodedWord struct {
	charset string
	b       bool // base64 rather than Q
	text    string
}

// decodeWords decodes the RFC 2047 encoded words in s. It is lenient the
// way real mail needs: words glued to other text, spaces inside a word,
// and a character or base64 quantum split across adjacent words (those are
// joined before decoding when they share a charset and encoding).
func decodeWords(s string, hs hints) string {
	if !strings.Contains(s, "=?") {
		return guessText([]byte(s), hs)
	}
	var sb strings.Builder
	var run []encodedWord // adjacent words not yet written
	pending := ""         // white space after the run, dropped if a word follows
	for s != "" {
		i := strings.Index(s, "=?")
		if i < 0 {
			break
		}
		w, n, ok := parseEncodedWord(s[i:])
		if !ok {
			sb.WriteString(flushWords(run, hs) + guessText([]byte(pending+s[:i+2]), hs))
			run, pending, s = nil, "", s[i+2:]
			continue
		}
		if between := s[:i]; strings.TrimSpace(between) != "" || len(run) == 0 {
			sb.WriteString(flushWords(run, hs) + guessText([]byte(pending+between), hs))
			run = nil
		}
		run, pending, s = append(run, w), "", s[i+n:]
		if j := len(s) - len(strings.TrimLeft(s, " \t")); j > 0 {
			pending, s = s[:j], s[j:]
		}
	}
	sb.WriteString(flushWords(run, hs) + guessText([]byte(pending+s), hs))
	return sb.String()
}

// parseEncodedWord reads an encoded word at the start of s and returns it
// with the number of bytes it used.
func parseEncodedWord(s string) (encodedWord, int, bool) {
	// Real words are short; a bound keeps a field full of "=?" linear.
	s = s[:min(len(s), maxWordLen)]
	parts := strings.SplitN(s[2:], "?", 3)
	if len(parts) < 3 || parts[0] == "" || len(parts[1]) != 1 || strings.ContainsAny(parts[0], " \t\"") {
		return encodedWord{}, 0, false
	}
	enc := strings.ToUpper(parts[1])
	if enc != "B" && enc != "Q" {
		return encodedWord{}, 0, false
	}
	end := strings.Index(parts[2], "?=")
	if end < 0 {
		return encodedWord{}, 0, false
	}
	w := encodedWord{charset: parts[0], b: enc == "B", text: parts[2][:end]}
	return w, 2 + len(parts[0]) + 1 + 1 + 1 + end + 2, true
}

// flushWords decodes a run of adjacent words, joining the bytes of words
// that share charset and encoding so split characters come back whole.
func flushWords(run []encodedWord, hs hints) string {
	var sb strings.Builder
	for i := 0; i < len(run); {
		var joined strings.Builder
		joined.WriteString(run[i].text)
		j := i + 1
		for j < len(run) && strings.EqualFold(run[j].charset, run[i].charset) && run[j].b == run[i].b {
			joined.WriteString(run[j].text)
			j++
		}
		text := joined.String()
		if run[i].b {
			raw := decodeQuanta(removeSpace([]byte(keepBase64(text))))
			sb.WriteString(decodeCharset(raw, run[i].charset, hs))
		} else {
			sb.WriteString(decodeCharset(decodeQ(text), run[i].charset, hs))
		}
		i = j
	}
	return sb.String()
}

func keepBase64(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '=' || r < 128 && base64Value(byte(r)) >= 0 {
			return r
		}
		return -1
	}, s)
}

// decodeQ decodes the Q encoding: "_" is a space, "=XY" a byte. Raw 8-bit
// bytes (seen in the wild) are kept and decoded with the word's charset.
func decodeQ(s string) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '_':
			out = append(out, ' ')
		case s[i] == '=' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			out = append(out, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
		default:
			out = append(out, s[i])
		}
	}
	return out
}
