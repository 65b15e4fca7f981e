package parse

import (
	"bytes"
	"slices"
	"strings"
)

// field is one header field as it appeared: the name trimmed, the value
// still folded and in raw bytes, so each header can be decoded by its kind.
type field struct {
	name  string
	value []byte
}

// readHeader reads a header block starting at pos. It returns the fields,
// the offset where the body starts and whether the block ended properly
// (blank line or a delimiter line of bound). Lines without a colon are
// skipped rather than ending the block: broken mailers emit them and the
// fields after them are still worth having. A delimiter line of bound
// ends the block too; for an attached message (bare) with no field before
// it, the message had no header at all and the lines skipped are its
// content, so it cannot swallow the header of the part after it.
func readHeader(buf []byte, pos int, bound []byte, bare bool) (fields []field, body int, ok bool) {
	start := pos
	for pos < len(buf) {
		lineStart := pos
		pos = skipBlanks(buf, pos)
		if pos >= len(buf) {
			return fields, pos, false
		}
		if buf[pos] == '\n' {
			return fields, pos + 1, true
		}
		if bound != nil && (len(fields) > 0 || bare) && isDelimiterLine(buf, lineStart, bound) {
			// Leave the delimiter for the body scan so the next parts
			// are not read as headers of this one.
			if len(fields) == 0 {
				return nil, start, true
			}
			return fields, lineStart, true
		}
		if n := len(fields); n > 0 && strayParameter(fields[n-1].name, buf[pos:]) {
			var line []byte
			line, pos = headerValue(buf, pos)
			fields[n-1].value = append(append(slices.Clip(fields[n-1].value), ' '), line...)
			continue
		}
		name, next, found := headerName(buf, pos)
		if !found {
			pos = next
			continue
		}
		value, end := headerValue(buf, next)
		fields = append(fields, field{name: name, value: value})
		pos = end
	}
	return fields, pos, false
}

// strayParameter reports whether line is a "name=value" parameter of a
// Content-Type or Content-Disposition field whose continuation line lost
// its indent: "boundary=..." on a line of its own still belongs to it.
func strayParameter(field string, line []byte) bool {
	if !strings.EqualFold(field, "Content-Type") && !strings.EqualFold(field, "Content-Disposition") {
		return false
	}
	i := 0
	for i < len(line) && isTokenChar(line[i]) {
		i++
	}
	return i > 0 && i < len(line) && line[i] == '='
}

func skipBlanks(buf []byte, pos int) int {
	for pos < len(buf) && (buf[pos] == ' ' || buf[pos] == '\t' || buf[pos] == '\r') {
		pos++
	}
	return pos
}

// headerName reads up to the colon. A line without one is reported as not
// found, with next pointing past that line.
func headerName(buf []byte, pos int) (name string, next int, found bool) {
	i := bytes.IndexAny(buf[pos:], ":\n")
	if i < 0 {
		return "", len(buf), false
	}
	if buf[pos+i] == '\n' {
		return "", pos + i + 1, false
	}
	name = string(bytes.TrimSpace(buf[pos : pos+i]))
	if name == "" {
		return "", pos + i + 1, false
	}
	return name, pos + i + 1, true
}

// headerValue returns the raw value, including folded continuation lines,
// and the offset of the next line.
func headerValue(buf []byte, pos int) ([]byte, int) {
	end := pos
	for {
		nl := bytes.IndexByte(buf[end:], '\n')
		if nl < 0 {
			return buf[pos:], len(buf)
		}
		end += nl + 1
		if end >= len(buf) || (buf[end] != ' ' && buf[end] != '\t') {
			return buf[pos:end], end
		}
	}
}

// isDelimiterLine reports whether the line at pos is exactly "--bound" or
// "--bound--", ignoring trailing white space (or starts with "--bound"
// when bound is an overlong one cut to maxBoundary).
func isDelimiterLine(buf []byte, pos int, bound []byte) bool {
	line := buf[pos:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	line = bytes.TrimRight(line, " \t\r")
	if !bytes.HasPrefix(line, []byte("--")) || !bytes.HasPrefix(line[2:], bound) {
		return false
	}
	rest := line[2+len(bound):]
	return len(rest) == 0 || string(rest) == "--" || len(bound) == maxBoundary
}

// maxBoundary is the longest boundary RFC 2046 allows. Only that much of
// a longer one counts (as other parsers do), so multiparts whose overlong
// boundaries differ only past it still find their delimiters.
const maxBoundary = 70
