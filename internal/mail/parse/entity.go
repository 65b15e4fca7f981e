package parse

import "bytes"

// Limits that keep hostile input from costing more than a normal mail.
const (
	maxDepth = 64
	maxParts = 4096
)

// status says how reading an entity ended.
type status int

const (
	atDelimiter status = iota // just past "--boundary" of the enclosing multipart
	stopped                   // input exhausted or structure lost: stop everywhere
	noBody                    // the header block itself ran to the end of input
)

// parser walks the raw message once, front to back. A part ends at its
// own multipart's delimiter or, when an inner multipart was never closed,
// at a delimiter line of an enclosing one (see find).
type parser struct {
	buf      []byte
	pos      int
	lastEnd  int      // where the content before the last delimiter found ended
	hit      []byte   // the boundary of the last delimiter found
	stack    [][]byte // boundaries of the open multiparts, outermost first
	hits     map[string]nextHit
	charsets hints // every charset the mail named so far, in order
	bare     bool  // the next entity is an attached message: see readHeader
	parts    int
}

// entity reads one entity at p.pos whose content ends at the delimiter of
// the innermost open multipart (the top level runs to the end).
func (p *parser) entity(inDigest bool, depth int) (*part, status) {
	var bound []byte
	if len(p.stack) > 0 {
		bound = p.stack[len(p.stack)-1]
	}
	fields, body, ok := readHeader(p.buf, p.pos, bound, p.bare)
	p.bare = false
	pt := newPart(fields, inDigest, p.charsets)
	p.charsets = p.charsets.add(pt.own...)
	p.pos = body
	if !ok {
		return pt, noBody
	}
	p.parts++
	tooDeep := depth >= maxDepth || p.parts > maxParts
	switch {
	case pt.kind == kindMultipart && !tooDeep:
		return p.multipart(pt, depth)
	case pt.kind == kindMessage && !isEncoded(pt.transferEncoding()) && !tooDeep:
		return p.message(pt, depth)
	}
	return p.leaf(pt)
}

// multipart reads the preamble, the children and the epilogue. When its
// boundary never appears (or was not declared), the one its parts use is
// looked for; without any, the content is read as text.
func (p *parser) multipart(pt *part, depth int) (*part, status) {
	declared := []byte(pt.params["boundary"])
	own, after := p.ownBoundary(declared[:min(len(declared), maxBoundary)])
	if own == nil {
		pt.kind = kindPlain
		return p.leaf(pt)
	}
	p.pos = after
	p.skipLineEnd()
	p.stack = append(p.stack, own)
	st := p.children(pt, own, depth)
	p.stack = p.stack[:len(p.stack)-1]
	if pt.closed {
		return pt, p.skipEpilogue()
	}
	return pt, st
}

// children reads the parts up to the closing delimiter, or up to where
// the input or an outer multipart's delimiter ends them.
func (p *parser) children(pt *part, own []byte, depth int) status {
	for {
		child, st := p.entity(pt.subtype() == "digest", depth+1)
		if st == noBody {
			return stopped
		}
		pt.children = append(pt.children, child)
		if st == stopped || !bytes.Equal(p.hit, own) {
			return st // never closed: an outer delimiter ends it
		}
		if p.closing() {
			pt.closed = true
			return atDelimiter
		}
	}
}

// message reads an attached message in place: its own header block and
// body follow, ended by the enclosing boundary.
func (p *parser) message(pt *part, depth int) (*part, status) {
	start := p.pos
	p.bare = true
	child, st := p.entity(false, depth+1)
	if st != noBody {
		pt.children = []*part{child}
	}
	end := len(p.buf)
	if st == atDelimiter {
		end = p.lastEnd
	}
	pt.data = p.buf[start:end]
	if st == noBody {
		st = stopped
	}
	return pt, st
}

// leaf reads content up to the delimiter and decodes it. Content whose
// encoding is unreadable is marked broken; content cut short (its
// delimiter never comes) keeps what arrived, and text stays body text.
func (p *parser) leaf(pt *part) (*part, status) {
	end, after, hit, found := p.find(p.pos)
	raw := p.buf[p.pos:end]
	data, ok := decodeTransfer(pt.transferEncoding(), raw)
	pt.data = data
	if !ok {
		pt.data, pt.broken = raw, true
	}
	p.pos, p.lastEnd, p.hit = after, end, hit
	if !found {
		return pt, stopped
	}
	return pt, atDelimiter
}

// closing consumes what follows a delimiter: "--" closes the multipart,
// anything else up to the line end is ignored.
func (p *parser) closing() bool {
	if p.pos+1 < len(p.buf) && p.buf[p.pos] == '-' && p.buf[p.pos+1] == '-' {
		p.pos += 2
		return true
	}
	p.skipLineEnd()
	return false
}

// skipLineEnd skips blanks and one line break. Other text on the line is
// left in place: it then reads as a junk header line and is dropped.
func (p *parser) skipLineEnd() {
	p.pos = skipBlanks(p.buf, p.pos)
	if p.pos < len(p.buf) && p.buf[p.pos] == '\n' {
		p.pos++
	}
}

// skipEpilogue moves past a closed multipart's epilogue to the next
// delimiter of the enclosing multipart.
func (p *parser) skipEpilogue() status {
	end, after, hit, found := p.find(p.pos)
	if !found {
		p.pos = len(p.buf)
		return stopped
	}
	p.pos, p.lastEnd, p.hit = after, end, hit
	return atDelimiter
}
