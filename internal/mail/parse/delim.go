package parse

import "bytes"

// nextHit is where a boundary's next delimiter was found: at, searching
// from from; at is -1 when there is none after from.
type nextHit struct{ from, at int }

// ownBoundary is the declared boundary if its delimiter comes before
// the enclosing multipart's, else one the parts use (sniffBoundary); after
// is just past its first delimiter. nil when neither opens a part.
func (p *parser) ownBoundary(declared []byte) (own []byte, after int) {
	if after, ok := p.opens(declared); ok {
		return declared, after
	}
	sniffed := sniffBoundary(p.buf, p.pos, p.stack)
	if after, ok := p.opens(sniffed); ok {
		return sniffed, after
	}
	return nil, 0
}

// opens reports whether the next delimiter is one of bound rather than of
// an enclosing multipart, and where the text after it starts.
func (p *parser) opens(bound []byte) (after int, ok bool) {
	if len(bound) == 0 {
		return 0, false
	}
	p.stack = append(p.stack, bound)
	_, after, hit, found := p.find(p.pos)
	p.stack = p.stack[:len(p.stack)-1]
	return after, found && bytes.Equal(hit, bound)
}

// find looks for the delimiter that ends the content at pos: the
// innermost boundary (loosely, see findDelimiter) or, when an inner part
// was never closed, a delimiter line of an enclosing multipart, whichever
// comes first. A reader would end the unclosed part there too. hit is the
// boundary found; end and after are as for findDelimiter.
func (p *parser) find(pos int) (end, after int, hit []byte, found bool) {
	if len(p.stack) == 0 {
		return len(p.buf), len(p.buf), nil, false
	}
	own := p.stack[len(p.stack)-1]
	outer, outerAt := []byte(nil), -1
	for _, anc := range p.stack[:len(p.stack)-1] {
		if bytes.Equal(anc, own) {
			continue // a mailer that reused the boundary: the inner one wins
		}
		if a := p.next(anc, pos); a >= 0 && (outerAt < 0 || a < outerAt) {
			outer, outerAt = anc, a
		}
	}
	// own can only end this part before the outer delimiter, or on its
	// line: searching no further keeps parts of missing boundaries linear.
	limit := len(p.buf)
	if outerAt >= 0 {
		limit = min(len(p.buf), outerAt+2+len(own))
	}
	at, hit := searchDelimiter(p.buf[:limit], pos, own, false), own
	if outerAt >= 0 && (at < 0 || outerAt < at || outerAt == at && !isDelimiterLine(p.buf, at, own)) {
		at, hit = outerAt, outer // on the same line, a whole delimiter of own wins
	}
	if at < 0 {
		return len(p.buf), len(p.buf), nil, false
	}
	end = at
	if end > pos && p.buf[end-1] == '\n' {
		end--
		if end > pos && p.buf[end-1] == '\r' {
			end--
		}
	}
	return end, at + 2 + len(hit), hit, true
}

// next returns the offset of the next delimiter line of bound at or
// after pos, or -1. Answers are remembered per boundary, so the many
// parts of an inner multipart do not each search again the text up to an
// outer delimiter: the search stays linear.
func (p *parser) next(bound []byte, pos int) int {
	key := string(bound)
	if h, ok := p.hits[key]; ok && h.from <= pos && (h.at < 0 || h.at >= pos) {
		return h.at
	}
	at := searchDelimiter(p.buf, pos, bound, true)
	if p.hits == nil {
		p.hits = map[string]nextHit{}
	}
	p.hits[key] = nextHit{from: pos, at: at}
	return at
}

// searchDelimiter finds "--bound" from pos on; strict only accepts it as
// a whole line ("--bound" or "--bound--").
func searchDelimiter(buf []byte, pos int, bound []byte, strict bool) int {
	dash := append([]byte("--"), bound...)
	for pos <= len(buf) {
		i := bytes.Index(buf[pos:], dash)
		if i < 0 {
			return -1
		}
		at := pos + i
		if !strict || (at == 0 || buf[at-1] == '\n') && isDelimiterLine(buf, at, bound) {
			return at
		}
		pos = at + 1
	}
	return -1
}

// sniffLimit bounds the text searched for a boundary a multipart forgot
// to declare: its first delimiter comes right after its header.
const sniffLimit = 8 << 10

// sniffBoundary finds the boundary of a multipart whose declared one
// never appears (or is missing): the first "--token" line followed by a
// header field (the start of a part) or seen again as a delimiter line,
// before any delimiter of an enclosing multipart (which ends this part's
// content). nil when there is none.
func sniffBoundary(buf []byte, pos int, enclosing [][]byte) []byte {
	region := buf[pos:min(len(buf), pos+sniffLimit)]
	for len(region) > 0 {
		line, rest, _ := bytes.Cut(region, []byte("\n"))
		region = rest
		line = bytes.TrimRight(line, " \t\r")
		if len(line) < 3 || !bytes.HasPrefix(line, []byte("--")) || bytes.ContainsAny(line, " \t") {
			continue
		}
		bound := bytes.TrimSuffix(line[2:], []byte("--"))
		for _, b := range enclosing {
			if bytes.Equal(line[2:], b) || bytes.Equal(bound, b) {
				return nil
			}
		}
		if len(bound) > 0 && len(bound) <= 200 && (startsField(rest) || searchDelimiter(rest, 0, bound, true) >= 0) {
			return bound
		}
	}
	return nil
}

// startsField reports whether b starts with "Name:", a header field.
func startsField(b []byte) bool {
	i := 0
	for i < len(b) && isTokenChar(b[i]) && b[i] != '*' && b[i] != '.' {
		i++
	}
	return i > 0 && i < len(b) && b[i] == ':'
}
