package parse

import "bytes"

// isEncoded reports whether a Content-Transfer-Encoding needs decoding; an
// attached message in such an encoding cannot be read in place.
func isEncoded(cte string) bool {
	switch cte {
	case "base64", "quoted-printable", "x-uuencode", "uuencode", "x-uue":
		return true
	}
	return false
}

// decodeTransfer undoes the Content-Transfer-Encoding. ok is false when the
// content is not in that encoding at all; the caller then keeps it raw.
func decodeTransfer(cte string, raw []byte) ([]byte, bool) {
	switch cte {
	case "base64":
		return decodeBase64(raw)
	case "quoted-printable":
		return decodeQuotedPrintable(raw), true
	case "x-uuencode", "uuencode", "x-uue":
		if blocks, _ := splitUU(raw); len(blocks) > 0 {
			return blocks[0].data, true
		}
	}
	return raw, true
}

// decodeBase64 is lenient: white space, missing padding and padding in
// the middle (chunks encoded separately) are accepted; lines with
// characters outside the alphabet (separators, footers added by lists) are
// skipped; and text after the final padding is taken for a trailer, not
// data. Only when no line at all is base64 does it fail.
func decodeBase64(raw []byte) ([]byte, bool) {
	var clean []byte
	lines, good, padded := 0, 0, false
	for _, line := range bytes.Split(raw, []byte("\n")) {
		words := bytes.Fields(line)
		if len(words) == 0 {
			continue
		}
		lines++
		if !isBase64Line(bytes.Join(words, nil)) {
			continue
		}
		if padded && (len(words) > 1 || len(words[0])%4 != 0) {
			break // after the padding only whole, well-formed chunks follow
		}
		good++
		for _, w := range words {
			clean = append(clean, w...)
			if padded = w[len(w)-1] == '='; padded {
				break // "...== ignored": the rest of the line is not data
			}
		}
	}
	if lines > 0 && good == 0 {
		return nil, false
	}
	return decodeQuanta(clean), true
}

func removeSpace(b []byte) []byte {
	out := b[:0:0]
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' {
			out = append(out, c)
		}
	}
	return out
}

func isBase64Line(line []byte) bool {
	for _, c := range line {
		if c != '=' && base64Value(c) < 0 {
			return false
		}
	}
	return true
}

// base64Value maps a character of the standard alphabet to its value, or
// -1. The URL-safe "-" and "_" are left out on purpose: a "--" signature
// line after the data would otherwise decode as garbage.
func base64Value(c byte) int {
	switch {
	case c >= 'A' && c <= 'Z':
		return int(c - 'A')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 26
	case c >= '0' && c <= '9':
		return int(c-'0') + 52
	case c == '+':
		return 62
	case c == '/':
		return 63
	}
	return -1
}

// decodeQuanta decodes groups of four characters; '=' ends a group early.
func decodeQuanta(in []byte) []byte {
	out := make([]byte, 0, len(in)*3/4)
	var acc, n int
	flush := func() {
		switch n {
		case 2:
			out = append(out, byte(acc>>4))
		case 3:
			out = append(out, byte(acc>>10), byte(acc>>2))
		}
		acc, n = 0, 0
	}
	for _, c := range in {
		if c == '=' {
			flush()
			continue
		}
		acc = acc<<6 | base64Value(c)
		if n++; n == 4 {
			out = append(out, byte(acc>>16), byte(acc>>8), byte(acc))
			acc, n = 0, 0
		}
	}
	flush()
	return out
}

// decodeQuotedPrintable never fails: an "=" that starts no valid escape is
// kept as it is, and trailing white space on a line is dropped (RFC 2045).
func decodeQuotedPrintable(raw []byte) []byte {
	out := make([]byte, 0, len(raw))
	lines := bytes.SplitAfter(raw, []byte("\n"))
	for _, line := range lines {
		body := bytes.TrimRight(line, "\r\n")
		hard := len(body) < len(line)
		body = bytes.TrimRight(body, " \t")
		if bytes.HasSuffix(body, []byte("=")) {
			out = appendQP(out, body[:len(body)-1])
			continue
		}
		out = appendQP(out, body)
		if hard {
			out = append(out, '\n')
		}
	}
	return out
}

func appendQP(out, s []byte) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] == '=' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			out = append(out, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
			continue
		}
		out = append(out, s[i])
	}
	return out
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}
