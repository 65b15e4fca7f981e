package parse

import (
	"bytes"
	"regexp"
)

// uuBlock is one uuencoded file found in a text.
type uuBlock struct {
	name string
	data []byte
}

var uuBegin = regexp.MustCompile(`^begin [0-7]{3,4} (.+)$`)

// splitUU takes the uuencoded files out of a text (old mailers put
// attachments inline that way) and returns them with the remaining text.
// A block counts only when it has data lines and its closing "end".
func splitUU(text []byte) (blocks []uuBlock, rest []byte) {
	lines := bytes.SplitAfter(text, []byte("\n"))
	for i := 0; i < len(lines); i++ {
		m := uuBegin.FindSubmatch(bytes.TrimRight(lines[i], "\r\n"))
		if m == nil {
			rest = append(rest, lines[i]...)
			continue
		}
		data, next, ok := decodeUULines(lines[i+1:])
		if !ok {
			rest = append(rest, lines[i]...)
			continue
		}
		blocks = append(blocks, uuBlock{name: guessText(bytes.TrimSpace(m[1]), nil), data: data})
		i += next
	}
	return blocks, rest
}

// decodeUULines decodes up to the "end" line; next counts the lines used.
func decodeUULines(lines [][]byte) (data []byte, next int, ok bool) {
	for i, line := range lines {
		line = bytes.TrimRight(line, "\r\n")
		if string(bytes.TrimSpace(line)) == "end" {
			return data, i + 1, i > 0
		}
		chunk, valid := decodeUULine(line)
		if !valid {
			return nil, 0, false
		}
		data = append(data, chunk...)
	}
	return nil, 0, false
}

// decodeUULine decodes one line: a length character, then groups of four
// characters for three bytes. Space and backquote both stand for zero.
func decodeUULine(line []byte) ([]byte, bool) {
	if len(line) == 0 {
		return nil, true
	}
	n := int((line[0] - ' ') & 63)
	body := line[1:]
	if (n+2)/3*4 > len(body) {
		// Some encoders strip trailing spaces, which stand for zero bits.
		body = append(body[:len(body):len(body)], bytes.Repeat([]byte{' '}, (n+2)/3*4-len(body))...)
	}
	out := make([]byte, 0, n+2)
	for i := 0; i+3 < len(body) && len(out) < n; i += 4 {
		var v [4]byte
		for j := range v {
			c := body[i+j]
			if c < ' ' || c > '`' {
				return nil, false
			}
			v[j] = (c - ' ') & 63
		}
		out = append(out, v[0]<<2|v[1]>>4, v[1]<<4|v[2]>>2, v[2]<<6|v[3])
	}
	if len(out) < n {
		return nil, false
	}
	return out[:n], true
}
