// Package parse turns a raw mail (RFC 5322 with MIME) into a Message. It
// is built for mail as it arrives, not as the RFCs describe it: any input,
// however broken, gives a Message, and what cannot be understood is kept
// as an attachment rather than lost.
package parse

import (
	"encoding/json"
	"io"
	"time"
)

// Message is a parsed mail. Its JSON is the layout printed by
// `frontdesk mail parse`; the fields marked "-" are for later stages.
type Message struct {
	From          []Address    `json:"from"`
	To            []Address    `json:"to"`
	Cc            []Address    `json:"cc"`
	ReplyTo       []Address    `json:"reply_to"`
	Subject       string       `json:"subject"`
	Date          string       `json:"date"` // RFC 3339, "" when absent or unreadable
	MessageID     string       `json:"message_id"`
	InReplyTo     string       `json:"in_reply_to"`
	References    []string     `json:"references"`
	TextBody      string       `json:"text_body"` // always readable text; see sourceText for the JSON
	HTMLBody      string       `json:"html_body"` // not sanitised: render only after cleaning
	Attachments   []Attachment `json:"attachments"`
	AutoSubmitted bool         `json:"auto_submitted"` // sent by a machine: never answer automatically
	// FromHeader names the header the sender was taken from when the mail
	// had no usable From: "Reply-To", "Sender" or "Return-Path".
	FromHeader string `json:"from_header,omitempty"`
	// PartsLeftOut counts the parts past MaxAttachments that were not
	// taken in; the raw mail still has them.
	PartsLeftOut int `json:"parts_left_out,omitempty"`

	// Sent is the Date field as a time; zero when absent or unreadable.
	Sent time.Time `json:"-"`
	// Header holds every top-level field by canonical name, decoded, in
	// order of appearance (Precedence, X-Autoreply, List-Id, Return-Path...).
	Header map[string][]string `json:"-"`
	// Delivery is set when the mail is a delivery status report (a bounce).
	Delivery *DeliveryReport `json:"-"`

	// sourceText is text_body as the JSON layout has it: the text body
	// parts as sent, an HTML part that stands in for a missing text
	// alternative given verbatim (the mirror of html_body filled from a
	// text part), and a blank text alternative left blank. TextBody
	// instead always holds readable text, derived from the HTML if need be.
	sourceText string
}

// Attachment is a part that is not the body: a file, an inline image, an
// attached message, or content that could not be decoded.
type Attachment struct {
	Filename    string `json:"filename"`
	ContentType string `json:"content_type"`
	Size        int    `json:"size"`
	ContentID   string `json:"content_id"` // without angle brackets
	Inline      bool   `json:"inline"`     // meant to be shown in the body (cid: images)
	Data        []byte `json:"-"`          // decoded content
}

// Parse never fails on content: any input, however broken, gives a Message.
func Parse(raw []byte) *Message {
	p := &parser{buf: raw}
	root, _ := p.entity(false, 0)
	m := &Message{}
	readEnvelope(m, root.header, p.charsets)
	fillBody(m, selectBody(root))
	m.Delivery = findDeliveryReport(root)
	m.AutoSubmitted = isAutomatic(m)
	return m
}

// WriteJSON prints m as indented JSON, lists never null.
func WriteJSON(w io.Writer, m *Message) error {
	out := *m
	out.TextBody = m.sourceText
	for _, l := range []*[]Address{&out.From, &out.To, &out.Cc, &out.ReplyTo} {
		if *l == nil {
			*l = []Address{}
		}
	}
	if out.References == nil {
		out.References = []string{}
	}
	if out.Attachments == nil {
		out.Attachments = []Attachment{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(&out)
}

// readEnvelope fills the fields that come from the top-level header.
func readEnvelope(m *Message, h header, hs hints) {
	m.From = parseAddressList(h.get("From"), hs)
	m.From, m.FromHeader = senderOf(m.From, h, hs)
	m.To = parseAddressList(h.get("To"), hs)
	m.Cc = parseAddressList(h.get("Cc"), hs)
	m.ReplyTo = parseAddressList(h.get("Reply-To"), hs)
	m.Subject = decodeWords(h.get("Subject"), hs)
	m.Sent = parseDate(h.text("Date"))
	m.Date = formatDate(m.Sent)
	m.MessageID = firstID(h.text("Message-Id"))
	if ids := messageIDs(h.text("In-Reply-To")); len(ids) > 0 {
		m.InReplyTo = ids[0]
	}
	m.References = messageIDs(h.text("References"))
	m.Header = h.fieldMap(hs)
}
