package outbound

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"strings"
	"time"
)

// Build renders m as an RFC 5322 message. It is deterministic: the date
// is the row's creation time and the boundaries derive from the
// Message-ID, so a re-send after a crash is the same bytes. open returns
// an attachment's content by its SHA-256.
func Build(m Mail, open func(sha string) ([]byte, error)) ([]byte, error) {
	var b bytes.Buffer
	writeHeaders(&b, m)
	if len(m.Attachments) == 0 {
		// Write first: b.Bytes() taken in the same return statement would
		// hold only the headers.
		err := writeAlternative(&b, m, true)
		return b.Bytes(), err
	}
	w := multipart.NewWriter(&b)
	_ = w.SetBoundary(boundary(m, "mixed"))
	fmt.Fprintf(&b, "Content-Type: multipart/mixed; boundary=%q\r\n\r\n", w.Boundary())
	alt, err := w.CreatePart(textproto.MIMEHeader{"Content-Type": {altType(m)}})
	if err != nil {
		return nil, err
	}
	if err := writeAlternative(alt, m, false); err != nil {
		return nil, err
	}
	for _, f := range m.Attachments {
		if err := writeFile(w, f, open); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func writeHeaders(b *bytes.Buffer, m Mail) {
	h := func(name, value string) {
		if value != "" {
			b.WriteString(name + ": " + oneLine(value) + "\r\n")
		}
	}
	h("From", address(m.From))
	h("Reply-To", m.ReplyTo)
	h("To", address(m.To))
	cc := make([]string, len(m.Cc))
	for i, r := range m.Cc {
		cc[i] = address(r)
	}
	h("Cc", strings.Join(cc, ", "))
	h("Subject", mime.QEncoding.Encode("utf-8", m.Subject))
	h("Date", m.CreatedAt.UTC().Format(time.RFC1123Z))
	h("Message-ID", "<"+m.MailMessageID+">")
	if m.InReplyTo != "" {
		h("In-Reply-To", "<"+m.InReplyTo+">")
		// One id per folded line keeps long threads under the line limit.
		b.WriteString("References: <" + oneLine(strings.Join(m.References, ">\r\n <")) + ">\r\n")
	}
	h("MIME-Version", "1.0")
	h("X-Frontdesk-Mail", "yes")
	if m.Automatic {
		h("Auto-Submitted", "auto-replied")
		h("X-Auto-Response-Suppress", "All") // Exchange: no out-of-office back
	}
}

// oneLine keeps header injection out: no value may start a new header
// (folding, a line break followed by a space, is kept).
func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\r\n ", "\x00")
	s = strings.NewReplacer("\r", " ", "\n", " ").Replace(s)
	return strings.ReplaceAll(s, "\x00", "\r\n ")
}

func altType(m Mail) string {
	return fmt.Sprintf("multipart/alternative; boundary=%q", boundary(m, "alt"))
}

func address(r Recipient) string {
	return (&mail.Address{Name: r.Name, Address: r.Email}).String()
}

func boundary(m Mail, part string) string {
	sum := sha256.Sum256([]byte(m.MailMessageID + "/" + part))
	return "fd-" + part + "-" + hex.EncodeToString(sum[:12])
}

// writeAlternative writes the text and HTML parts; top says whether its
// Content-Type goes into the message header (no attachments) or a part.
func writeAlternative(w io.Writer, m Mail, top bool) error {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	_ = mw.SetBoundary(boundary(m, "alt"))
	for _, p := range []struct{ ctype, text string }{{"text/plain", m.Text}, {"text/html", m.HTML}} {
		pw, err := mw.CreatePart(textproto.MIMEHeader{"Content-Type": {p.ctype + "; charset=utf-8"},
			"Content-Transfer-Encoding": {"quoted-printable"}})
		if err != nil {
			return err
		}
		qp := quotedprintable.NewWriter(pw)
		if _, err := io.WriteString(qp, p.text); err != nil {
			return err
		}
		if err := qp.Close(); err != nil {
			return err
		}
	}
	if err := mw.Close(); err != nil {
		return err
	}
	if top {
		if _, err := io.WriteString(w, "Content-Type: "+altType(m)+"\r\n\r\n"); err != nil {
			return err
		}
	}
	_, err := w.Write(body.Bytes())
	return err
}
