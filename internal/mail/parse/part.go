package parse

import "strings"

// kind is how a part takes part in the body: what the body selection
// (RFC 8621 section 4.1.4) needs to know about it.
type kind int

const (
	kindPlain     kind = iota // text/plain, or no Content-Type at all
	kindHTML                  // text/html
	kindTextOther             // any other text/*, and parts we could not decode
	kindMedia                 // image, audio, video: may be shown inline
	kindMessage               // message/rfc822 and message/global
	kindMultipart             // multipart/* with a boundary
	kindOther                 // everything else: an attachment
)

// part is one MIME entity of the parsed tree.
type part struct {
	header    header
	mediaType string // lower case "type/subtype", defaulted when missing
	params    map[string]string
	disp      string // lower case disposition type, "" when absent
	dispParam map[string]string
	kind      kind
	children  []*part
	data      []byte // decoded content; the raw message for kindMessage
	broken    bool   // undecodable: never part of the body
	closed    bool   // a multipart that reached its closing delimiter
	own       hints  // charsets its own header names
	hints     hints  // own, then those named before it in the mail
}

// newPart reads the MIME headers of an entity. inDigest matters because a
// part of multipart/digest without Content-Type is a message, not text.
// seen are the charsets the mail named before this part (see hints).
func newPart(fields []field, inDigest bool, seen hints) *part {
	p := &part{header: newHeader(fields)}
	ctype := p.header.get("Content-Type")
	own := hints(nil).add(wordCharsets(fields)...)
	p.mediaType, p.params = parseParams(ctype, own.add(seen...))
	p.own = hints{}.add(p.params["charset"]).add(own...)
	p.hints = p.own.add(seen...)
	if has8bit(ctype) && p.params["charset"] != "" {
		p.mediaType, p.params = parseParams(ctype, p.hints) // its own charset first
	}
	p.disp, p.dispParam = parseParams(p.header.get("Content-Disposition"), p.hints)
	if !strings.Contains(p.mediaType, "/") {
		p.mediaType = ""
	}
	p.kind = kindOf(p.mediaType, inDigest)
	if p.mediaType == "" {
		p.mediaType = "text/plain"
		if inDigest {
			p.mediaType = "message/rfc822"
		}
	}
	return p
}

func kindOf(mediaType string, inDigest bool) kind {
	if mediaType == "" {
		if inDigest {
			return kindMessage
		}
		return kindPlain
	}
	top, sub, _ := strings.Cut(mediaType, "/")
	switch {
	case top == "multipart":
		return kindMultipart
	case mediaType == "text/plain":
		return kindPlain
	case mediaType == "text/html":
		return kindHTML
	case top == "text":
		return kindTextOther
	case top == "image" || top == "audio" || top == "video":
		return kindMedia
	case top == "message" && (sub == "rfc822" || sub == "global"):
		return kindMessage
	}
	return kindOther
}

func (p *part) subtype() string {
	_, sub, _ := strings.Cut(p.mediaType, "/")
	return sub
}

// filename is the attachment's name from Content-Disposition, else from the
// older Content-Type name parameter.
func (p *part) filename() string {
	if name := p.dispParam["filename"]; name != "" {
		return name
	}
	return p.params["name"]
}

// contentID is the Content-ID without its angle brackets.
func (p *part) contentID() string {
	return firstID(p.header.text("Content-Id"))
}

// transferEncoding is the lower case Content-Transfer-Encoding token.
func (p *part) transferEncoding() string {
	v := strings.ToLower(strings.TrimSpace(p.header.get("Content-Transfer-Encoding")))
	if i := strings.IndexAny(v, " \t;("); i >= 0 {
		v = v[:i]
	}
	return v
}
