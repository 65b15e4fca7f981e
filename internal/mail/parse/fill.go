package parse

import (
	"bytes"
	"mime"
	"path"
	"regexp"
	"strings"
)

// renderer turns the selected parts into the Message's bodies and
// attachments. Uuencoded files found in a text body become attachments.
type renderer struct {
	texts map[*part]string // decoded text of each body part, computed once
	extra []Attachment     // files taken out of text bodies
}

func fillBody(m *Message, sel *selection) {
	r := &renderer{texts: map[*part]string{}}
	var text, source, htm []string
	for _, p := range sel.text {
		if s, ok := r.asText(p); ok {
			text = append(text, s)
		}
		if s, ok := r.asSource(p); ok {
			source = append(source, s)
		}
	}
	for _, p := range sel.html {
		if s, ok := r.asHTML(p); ok {
			htm = append(htm, s)
		}
	}
	m.TextBody = strings.Join(text, "\n")
	m.sourceText = strings.Join(source, "\n")
	m.HTMLBody = strings.Join(htm, "\n")
	// Each body stands in for the other when that one is missing or blank
	// (some mailers send an empty text alternative next to the HTML).
	if strings.TrimSpace(m.TextBody) == "" && m.HTMLBody != "" {
		m.TextBody = htmlToText(m.HTMLBody)
	}
	if strings.TrimSpace(m.HTMLBody) == "" && strings.TrimSpace(m.TextBody) != "" {
		m.HTMLBody = textToHTML(m.TextBody)
	}
	for _, p := range sel.attachments {
		if m.room() {
			m.Attachments = append(m.Attachments, attachmentOf(p))
		}
	}
	for _, a := range r.extra {
		if m.room() {
			m.Attachments = append(m.Attachments, a)
		}
	}
	nameAttachments(m.Attachments)
}

// room reports whether one more attachment may be taken in; when not, it
// counts that one as left out.
func (m *Message) room() bool {
	if len(m.Attachments) < MaxAttachments {
		return true
	}
	m.PartsLeftOut++
	return false
}

// MaxAttachments caps the parts of one mail taken in as attachments: a
// mail of thousands of tiny parts would otherwise fill a ticket (and its
// storage) with noise. The raw mail keeps the rest.
const MaxAttachments = 500

func (r *renderer) asText(p *part) (string, bool) {
	switch p.kind {
	case kindHTML:
		return htmlToText(r.content(p)), true
	case kindPlain, kindTextOther:
		return r.content(p), true
	}
	return "", false
}

// asSource is a text body part as sent: HTML stays HTML.
func (r *renderer) asSource(p *part) (string, bool) {
	switch p.kind {
	case kindHTML, kindPlain, kindTextOther:
		return r.content(p), true
	}
	return "", false
}

func (r *renderer) asHTML(p *part) (string, bool) {
	switch p.kind {
	case kindHTML:
		return r.content(p), true
	case kindPlain, kindTextOther:
		return textToHTML(r.content(p)), true
	}
	return "", false
}

// content decodes a text part once, taking out uuencoded files.
func (r *renderer) content(p *part) string {
	if s, ok := r.texts[p]; ok {
		return s
	}
	data := p.data
	if p.kind == kindPlain && !isEncoded(p.transferEncoding()) {
		var blocks []uuBlock
		if blocks, data = splitUU(data); len(blocks) > 0 {
			for _, b := range blocks {
				r.extra = append(r.extra, Attachment{
					Filename: b.name, ContentType: typeByName(b.name),
					Size: len(b.data), Data: b.data,
				})
			}
		}
	}
	s := textOf(p, data)
	r.texts[p] = s
	return s
}

var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)`)

// textOf decodes text content by its declared charset; HTML without one
// may declare it in a meta tag. Line ends become "\n".
func textOf(p *part, data []byte) string {
	charset := p.params["charset"]
	if charset == "" && p.kind == kindHTML {
		head := data[:min(len(data), 2048)]
		if m := metaCharset.FindSubmatch(head); m != nil {
			charset = string(m[1])
		}
	}
	s := decodeCharset(data, charset, p.hints)
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

func attachmentOf(p *part) Attachment {
	id := p.contentID()
	return Attachment{
		Filename:    p.filename(),
		ContentType: p.mediaType,
		Size:        len(p.data),
		ContentID:   id,
		Inline:      p.disp == "inline" || (p.disp == "" && id != ""),
		Data:        bytes.Clone(p.data),
	}
}

// typeByName guesses a media type from a file name, for uuencoded files
// that come without one.
func typeByName(name string) string {
	if t := mime.TypeByExtension(strings.ToLower(path.Ext(name))); t != "" {
		t, _, _ = strings.Cut(t, ";")
		return t
	}
	return "application/octet-stream"
}
