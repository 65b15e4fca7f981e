package parse

// selection is the outcome of choosing body parts, in the spirit of RFC
// 8621 section 4.1.4: which parts make the text body, which the HTML body
// and which are attachments.
type selection struct {
	text, html  []*part
	attachments []*part
}

// walkState is what the selection carries down a multipart: its subtype,
// whether an ancestor is multipart/alternative, and whether text and HTML
// bodies are still being collected (an alternative branch that chose HTML
// stops collecting plain text, and the other way round).
type walkState struct {
	subtype            string
	inAlternative      bool
	needText, needHTML bool
}

func selectBody(root *part) *selection {
	sel := &selection{}
	sel.walk([]*part{root}, walkState{needText: true, needHTML: true})
	return sel
}

func (sel *selection) walk(parts []*part, st walkState) {
	for i, p := range parts {
		if p.kind == kindMultipart {
			sel.walkMultipart(p, st)
			continue
		}
		if p.kind == kindMessage {
			sel.attachments = append(sel.attachments, p)
			continue
		}
		toHTML, toText := sel.targets(p, i == 0, &st)
		sel.place(p, toHTML, toText)
	}
}

// walkMultipart descends, then for a complete alternative that offered
// only one of the two forms, lets that form serve as the other too.
func (sel *selection) walkMultipart(p *part, st walkState) {
	nText, nHTML := len(sel.text), len(sel.html)
	sub := p.subtype()
	sel.walk(p.children, walkState{
		subtype:       sub,
		inAlternative: st.inAlternative || sub == "alternative",
		needText:      st.needText,
		needHTML:      st.needHTML,
	})
	if sub != "alternative" || !p.closed || !st.needText || !st.needHTML {
		return
	}
	if len(sel.text) == nText && len(sel.html) > nHTML {
		sel.text = append(sel.text, sel.html[nHTML:]...)
	}
	if len(sel.html) == nHTML && len(sel.text) > nText {
		sel.html = append(sel.html, sel.text[nText:]...)
	}
}

// targets decides whether a leaf goes to the HTML body, the text body,
// both or neither (then it is an attachment).
func (sel *selection) targets(p *part, first bool, st *walkState) (toHTML, toText bool) {
	if p.broken {
		return false, false
	}
	if st.subtype == "alternative" {
		return p.kind == kindHTML, p.kind == kindPlain
	}
	if !isInline(p, first, st.subtype) {
		return false, false
	}
	if st.inAlternative {
		switch p.kind {
		case kindHTML:
			st.needText = false
		case kindPlain:
			st.needHTML = false
		}
	}
	return st.needHTML, st.needText
}

// isInline: a part can be shown in the body when it is text or media, not
// marked as an attachment, and either first in its multipart or, outside
// multipart/related, unnamed text or any media.
func isInline(p *part, first bool, parentSubtype string) bool {
	if p.broken || p.disp == "attachment" {
		return false
	}
	if p.kind != kindPlain && p.kind != kindHTML && p.kind != kindMedia {
		return false
	}
	if first {
		return true
	}
	return parentSubtype != "related" && (p.kind == kindMedia || p.params["name"] == "")
}

// place records the part. Text that reaches neither body is an attachment;
// media is always listed as an attachment, even when shown inline.
func (sel *selection) place(p *part, toHTML, toText bool) {
	if toHTML {
		sel.html = append(sel.html, p)
	}
	if toText {
		sel.text = append(sel.text, p)
	}
	if p.kind == kindMedia || p.kind == kindOther || p.broken || (!toHTML && !toText) {
		sel.attachments = append(sel.attachments, p)
	}
}
