package parse

import (
	"strings"
	"testing"
)

// TestBrokenStructure pins how damaged MIME structure is read: what can be
// placed becomes body, what cannot stays an attachment, nothing is lost.
func TestBrokenStructure(t *testing.T) {
	long := strings.Repeat("x", 70)
	tests := []struct {
		name  string
		raw   string
		text  string   // exact text_body
		files []string // content types of the attachments
	}{
		{"mail cut short: the text it has stays the body",
			"Content-Type: multipart/mixed; boundary=b\n\n--b\n\nfirst\n--b\n\nsecond, cut of",
			"first\nsecond, cut of", nil},
		{"delimiter glued to the last line",
			"Content-Type: multipart/mixed; boundary=b\n\n--b\n\nfirst\n--b\n\nsecond--b--\n",
			"first\nsecond", nil},
		{"inner multipart never closed: it ends at the outer delimiter",
			"Content-Type: multipart/mixed; boundary=out\n\n--out\nContent-Type: multipart/alternative; boundary=in\n\n--in\n\none\n--out\nContent-Type: application/pdf\n\n%PDF\n--out--\n",
			"one", []string{"application/pdf"}},
		{"outer delimiter only counts as a whole line",
			"Content-Type: multipart/mixed; boundary=out\n\n--out\nContent-Type: multipart/mixed; boundary=in\n\n--in\n\nsee --out there\n--in--\n--out--\n",
			"see --out there", nil},
		{"boundary matched as a prefix",
			"Content-Type: multipart/mixed; boundary=b\n\n--b\n\none\n--bx\n\ntwo\n--b--\n",
			"one\ntwo", nil},
		{"headers run into the delimiter: an empty part, the next one intact",
			"Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n--b\n\nbody\n--b--\n",
			"\nbody", nil},
		{"multipart without boundary parameter: the parts' own delimiter is used",
			"Content-Type: multipart/mixed\n\n--x\n\ntext\n--x--\n",
			"text", nil},
		{"declared boundary never appears: the one the parts use",
			"Content-Type: multipart/mixed; boundary=declared\n\n--used\nContent-Type: text/plain\n\nhello\n--used\nContent-Type: image/png\n\nPNG\n--used--\n",
			"hello", []string{"image/png"}},
		{"declared boundary never appears and no delimiter at all: the text is the body",
			"Content-Type: multipart/mixed; boundary=declared\n\nJust text.\n-- \nSignature\n",
			"Just text.\n-- \nSignature\n", nil},
		{"overlong boundaries count to 70 characters",
			"Content-Type: multipart/mixed; boundary=" + long + "ab\n\n--" + long + "ab\n" +
				"Content-Type: multipart/mixed; boundary=" + long + "a\n\n--" + long + "a\n\none\n" +
				"--" + long + "ab\n\ntwo\n--" + long + "a\n\nthree\n--" + long + "ab--\n",
			"one\ntwo\nthree", nil},
		{"boundary on a continuation line that lost its indent",
			"Content-Type: multipart/mixed;\nboundary=\"b:1\"\nSubject: x\n\n--b:1\n\nhello\n--b:1\nContent-Type: image/png\n\nPNG\n--b:1--\n",
			"hello", []string{"image/png"}},
		{"undecodable base64 text kept raw as an attachment",
			"Content-Type: multipart/mixed; boundary=b\n\n--b\n\nok\n--b\nContent-Transfer-Encoding: base64\n\n!!! not base64 !!!\n--b--\n",
			"ok", []string{"text/plain"}},
		{"named text after the first part is an attachment",
			"Content-Type: multipart/mixed; boundary=b\n\n--b\n\nbody\n--b\nContent-Type: text/plain; name=notes.txt\n\nnotes\n--b--\n",
			"body", []string{"text/plain"}},
		{"alternative with only HTML gives text from it",
			"Content-Type: multipart/alternative; boundary=b\n\n--b\nContent-Type: text/html\n\n<p>Hi <b>there</b></p>\n--b--\n",
			"Hi there", nil},
		{"digest parts default to messages",
			"Content-Type: multipart/digest; boundary=b\n\n--b\n\nSubject: one\n\nx\n--b--\n",
			"", []string{"message/rfc822"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Parse([]byte(tt.raw))
			if m.TextBody != tt.text {
				t.Errorf("text_body = %q, want %q", m.TextBody, tt.text)
			}
			var files []string
			for _, a := range m.Attachments {
				files = append(files, a.ContentType)
			}
			if strings.Join(files, ",") != strings.Join(tt.files, ",") {
				t.Errorf("attachments = %q, want %q", files, tt.files)
			}
		})
	}
}

func TestBlankTextAlternative(t *testing.T) {
	raw := "Content-Type: multipart/alternative; boundary=b\n\n--b\nContent-Type: text/plain\n\n \n--b\nContent-Type: text/html\n\n<p>Real content</p>\n--b--\n"
	if m := Parse([]byte(raw)); m.TextBody != "Real content" {
		t.Errorf("text_body = %q, want the HTML as text", m.TextBody)
	}
}

// TestSniffedBoundaryStaysInside: a multipart whose boundary never appears
// does not take its parent's delimiter for its own, so the parts after it
// stay the parent's.
func TestSniffedBoundaryStaysInside(t *testing.T) {
	raw := "Content-Type: multipart/mixed; boundary=out\n\n--out\n\nSee the three mails.\n" +
		"--out\nContent-Type: message/rfc822\n\nSubject: one\nContent-Type: multipart/alternative; boundary=never\n\nfirst\n" +
		"--out\nContent-Type: message/rfc822\n\nSubject: two\n\nsecond\n" +
		"--out\nContent-Type: message/rfc822\n\nSubject: three\n\nthird\n--out--\n"
	m := Parse([]byte(raw))
	if len(m.Attachments) != 3 {
		t.Errorf("attachments = %+v, want the three mails", m.Attachments)
	}
}

// TestAttachmentCap: past MaxAttachments parts are counted, not taken in.
func TestAttachmentCap(t *testing.T) {
	var b strings.Builder
	b.WriteString("Content-Type: multipart/mixed; boundary=p\n\n--p\n\nbody\n")
	for i := 0; i < MaxAttachments+5; i++ {
		b.WriteString("--p\nContent-Type: application/pdf\n\n%PDF\n")
	}
	b.WriteString("--p--\n")
	m := Parse([]byte(b.String()))
	if len(m.Attachments) != MaxAttachments || m.PartsLeftOut != 5 || m.TextBody != "body" {
		t.Errorf("%d attachments, %d left out, text %q; want %d, 5, body", len(m.Attachments), m.PartsLeftOut, m.TextBody, MaxAttachments)
	}
	if last := m.Attachments[MaxAttachments-1].Filename; last != "attachment-500.pdf" {
		t.Errorf("last name %q", last)
	}
}
