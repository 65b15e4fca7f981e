package parse

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

// parser walks the raw message once, front to back. Each multipart looks
// only for its own boundary, so a broken inner part cannot end its parent
// early: what cannot be placed stays in that part, kept as an attachment.
type parser struct {
	buf     []byte
	pos     int
	lastEnd int  // where the content before the last delimiter found ended
	bare    bool // the next entity is an attached message: see readHeader
	parts   int
}

// entity reads one entity at p.pos whose content ends at the delimiter of
// bound (nil for the top level, which runs to the end).
func (p *parser) entity(bound []byte, inDigest bool, depth int) (*part, status) {
	fields, body, ok := readHeader(p.buf, p.pos, bound, p.bare)
	p.bare = false
	pt := newPart(fields, inDigest)
	p.pos = body
	if !ok {
		return pt, noBody
	}
	p.parts++
	tooDeep := depth >= maxDepth || p.parts > maxParts
	switch {
	case pt.kind == kindMultipart && !tooDeep:
		return p.multipart(pt, bound, depth)
	case pt.kind == kindMessage && !isEncoded(pt.transferEncoding()) && !tooDeep:
		return p.message(pt, bound, depth)
	}
	return p.leaf(pt, bound)
}

// multipart reads the preamble, the children and the epilogue. Without
// its first delimiter the whole entity is kept as one text attachment.
func (p *parser) multipart(pt *part, bound []byte, depth int) (*part, status) {
	own := []byte(pt.params["boundary"])
	_, after, found := findDelimiter(p.buf, p.pos, own)
	if !found {
		pt.kind = kindTextOther
		return p.leaf(pt, bound)
	}
	p.pos = after
	p.skipLineEnd()
	for {
		child, st := p.entity(own, pt.subtype() == "digest", depth+1)
		if st == noBody {
			return pt, stopped
		}
		pt.children = append(pt.children, child)
		if st == stopped {
			return pt, stopped
		}
		if p.closing() {
			break
		}
	}
	pt.closed = true
	return pt, p.skipEpilogue(bound)
}

// message reads an attached message in place: its own header block and
// body follow, ended by the enclosing boundary.
func (p *parser) message(pt *part, bound []byte, depth int) (*part, status) {
	start := p.pos
	p.bare = true
	child, st := p.entity(bound, false, depth+1)
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
// delimiter never comes, or whose encoding is unreadable, is marked broken.
func (p *parser) leaf(pt *part, bound []byte) (*part, status) {
	end, after, found := findDelimiter(p.buf, p.pos, bound)
	raw := p.buf[p.pos:end]
	data, ok := decodeTransfer(pt.transferEncoding(), raw)
	pt.data = data
	if !ok {
		pt.data, pt.broken = raw, true
	}
	if bound != nil && !found {
		pt.broken = true
	}
	p.pos, p.lastEnd = after, end
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
func (p *parser) skipEpilogue(bound []byte) status {
	end, after, found := findDelimiter(p.buf, p.pos, bound)
	if !found {
		p.pos = len(p.buf)
		return stopped
	}
	p.pos, p.lastEnd = after, end
	return atDelimiter
}
