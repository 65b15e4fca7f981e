package parse

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func parseFile(t *testing.T, name string) *Message {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return Parse(raw)
}

func TestEnvelope(t *testing.T) {
	m := parseFile(t, "addresses.eml")
	wantTo := []Address{
		{"", "ops@example.org"}, {"Ravi K.", "ravi@example.org"},
		{"Doe, John", "john.doe@example.net"}, {"Bare Person", "bare@example.com"},
		{"Broken Quote", "broken@example.com"},
	}
	wantCc := []Address{
		{"Renée Dubois", "renee@example.fr"}, {"Jörg", "jorg@example.de"}, {"Nobody", "noangle@example.com"},
	}
	if !reflect.DeepEqual(m.To, wantTo) {
		t.Errorf("to = %+v\nwant %+v", m.To, wantTo)
	}
	if !reflect.DeepEqual(m.Cc, wantCc) {
		t.Errorf("cc = %+v\nwant %+v", m.Cc, wantCc)
	}
	if m.From[0].Name != "Lund, Maja (Support)" {
		t.Errorf("from name = %q", m.From[0].Name)
	}
	if m.ReplyTo[0].Address != "replies+7f3a@help.example.org" {
		t.Errorf("reply_to = %+v", m.ReplyTo)
	}
	if m.MessageID != "c3a1@mail.example.org" || m.InReplyTo != "prev-42@help.example.org" {
		t.Errorf("ids = %q, %q", m.MessageID, m.InReplyTo)
	}
	if want := []string{"root-1@help.example.org", "prev-42@help.example.org"}; !reflect.DeepEqual(m.References, want) {
		t.Errorf("references = %q", m.References)
	}
}

func TestHeaderKeptForLoopDetection(t *testing.T) {
	m := parseFile(t, "crlf-auto-reply.eml")
	for name, want := range map[string]string{
		"Auto-Submitted": "auto-replied", "X-Autoreply": "yes", "Precedence": "auto_reply",
		"List-Id": "<support.example.com>", "Return-Path": "<>",
	} {
		if got := m.Header[name]; len(got) != 1 || got[0] != want {
			t.Errorf("Header[%s] = %q, want %q", name, got, want)
		}
	}
	if got := parseFile(t, "encoded-words.eml").Header["X-Note"]; got[0] != "café au laitglued€uro" {
		t.Errorf("X-Note = %q", got)
	}
}

func TestAutomatic(t *testing.T) {
	tests := []struct {
		header string
		want   bool
	}{
		{"Auto-Submitted: auto-generated", true},
		{"Auto-Submitted: no", false},
		{"Precedence: bulk", true},
		{"Precedence: first-class", false},
		{"X-Autoreply: yes", true},
		{"X-Autorespond: vacation", true},
		{"Subject: hello", false},
	}
	for _, tt := range tests {
		m := Parse([]byte(tt.header + "\n\nbody\n"))
		if m.AutoSubmitted != tt.want {
			t.Errorf("%q: auto_submitted = %v, want %v", tt.header, m.AutoSubmitted, tt.want)
		}
	}
}

func TestDeliveryReport(t *testing.T) {
	d := parseFile(t, "bounce.eml").Delivery
	if d == nil {
		t.Fatal("no delivery report")
	}
	want := &DeliveryReport{
		ReportingMTA:      "mx.example.org",
		OriginalMessageID: "ticket-1042-reply-3@desk.example.org",
		Recipients: []RecipientStatus{
			{Address: "gone@example.com", Action: "failed", Status: "5.1.1",
				Diagnostic: "550 5.1.1 <gone@example.com>: user unknown"},
			{Address: "slow@example.com", Action: "delayed", Status: "4.4.1"},
		},
	}
	if !reflect.DeepEqual(d, want) {
		t.Errorf("report = %+v\nwant %+v", d, want)
	}
	if failed := d.Failed(); len(failed) != 1 || failed[0].Address != "gone@example.com" {
		t.Errorf("failed = %+v", failed)
	}
	if parseFile(t, "forwarded.eml").Delivery != nil {
		t.Error("a forwarded mail is not a delivery report")
	}
}

func TestAttachmentData(t *testing.T) {
	logo := parseFile(t, "uuencode.eml").Attachments[0]
	if logo.Size != 86 || logo.Data[1] != 3 || logo.Data[85] != 255 {
		t.Errorf("logo.gif decoded wrong: size %d, % x", logo.Size, logo.Data)
	}
	shot := parseFile(t, "inline-image.eml").Attachments[0]
	if !shot.Inline || shot.ContentID != "shot-1@example.org" || string(shot.Data[1:4]) != "PNG" {
		t.Errorf("inline image = %+v", shot)
	}
	fwd := parseFile(t, "forwarded.eml").Attachments[0]
	if nested := Parse(fwd.Data); nested.MessageID != "orig-9@example.com" || nested.TextBody != "Can I cancel monthly?" {
		t.Errorf("attached message reparsed as %+v", nested)
	}
	cut := parseFile(t, "truncated.eml").Attachments[0]
	if string(cut.Data[:4]) != "PK\x03\x04" {
		t.Errorf("truncated zip not decoded: % x", cut.Data[:4])
	}
}

func TestEmptyAndHeaderOnly(t *testing.T) {
	for _, raw := range []string{"", "\n", "Subject: only headers", "no colon at all", "\x00\xff\xfe"} {
		m := Parse([]byte(raw))
		if m == nil {
			t.Fatalf("Parse(%q) = nil", raw)
		}
	}
	if m := Parse([]byte("Subject: only headers")); m.Subject != "only headers" {
		t.Errorf("subject = %q", m.Subject)
	}
}

// TestTextBodyViews: TextBody is always readable text, while the JSON
// keeps the text parts as sent, like the corpus layout: an HTML-only mail
// gives its HTML as text_body, a blank text alternative stays blank.
func TestTextBodyViews(t *testing.T) {
	for _, tc := range []struct{ file, readable, source string }{
		{"inline-image.eml", "The dialog shows this:\n\nAny idea?", `<p>The dialog shows this:</p><img src="cid:shot-1@example.org"`},
		{"blank-text-alternative.eml", "gives an error – \"page not found\".\n\nPozdrawiam,\nKasia", ""},
	} {
		m := parseFile(t, tc.file)
		if !strings.Contains(m.TextBody, tc.readable) || strings.Contains(m.TextBody, "<") {
			t.Errorf("%s: TextBody = %q, want readable text with %q", tc.file, m.TextBody, tc.readable)
		}
		var out struct {
			Text string `json:"text_body"`
		}
		var buf bytes.Buffer
		if err := WriteJSON(&buf, m); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
			t.Fatal(err)
		}
		if tc.source == "" && strings.TrimSpace(out.Text) != "" || !strings.Contains(out.Text, tc.source) {
			t.Errorf("%s: JSON text_body = %q, want it to hold %q", tc.file, out.Text, tc.source)
		}
	}
}

// TestHeaderlessAttachedMessage: an attached "message" without any header
// ends at the next delimiter and keeps its text, instead of taking the
// header of the following part as its own.
func TestHeaderlessAttachedMessage(t *testing.T) {
	m := parseFile(t, "headerless-message.eml")
	if len(m.Attachments) != 2 {
		t.Fatalf("attachments = %+v, want the message and orders.csv", m.Attachments)
	}
	if got := string(m.Attachments[0].Data); got != "pasted text, not a mail, no header here at all" {
		t.Errorf("message content = %q", got)
	}
	if got := string(m.Attachments[1].Data); got != "order,amount\r\n1042,19.90" {
		t.Errorf("orders.csv = %q", got)
	}
}
