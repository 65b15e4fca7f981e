package parse

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the current output")

// fixture is what a testdata mail must give, field by field; the golden
// JSON beside each mail then pins the whole output.
type fixture struct {
	file    string
	subject string
	from    string   // address of the first sender
	date    string   // RFC 3339
	text    []string // substrings of text_body
	html    []string // substrings of html_body
	notText []string // must not be in text_body
	files   []string // "filename|content_type" of each attachment, in order
	auto    bool
}

var fixtures = []fixture{
	{file: "addresses.eml", subject: "Printer on floor 3 keeps jamming", from: "maja.lund@example.org",
		date: "2025-03-04T09:15:00+01:00", text: []string{"jams on every second page"}, html: []string{"<br>"}},
	{file: "encoded-words.eml", subject: "Grüße aus Köln – 東京", from: "elise@example.org",
		date: "2025-03-04T10:00:00Z", text: []string{"encoded words"}},
	{file: "rfc2231.eml", subject: "Scanned invoices", from: "ana@example.com.br",
		files: []string{"Fatura de março – final.pdf|application/pdf", "Relatório.csv|text/csv", "reciboção.tif|application/octet-stream"}},
	{file: "charsets.eml", subject: "Many charsets", text: []string{"“Smart quotes” and the € sign",
		"Zażółć gęślą jaźń", "Привет из Москвы", "日本語のテキスト", "简体中文测试", "繁體中文測試", "Grüße per UTF-7"}},
	{file: "undeclared-8bit.eml", subject: "Réunion de l'équipe", from: "bjorn@example.dk",
		date: "2025-03-07T16:45:00+01:00", text: []string{"Le café est prêt."}},
	{file: "quoted-printable.eml", subject: "Soft line breaks",
		text: []string{"ends with a soft break. \n", "10 €, discount = 5%.\n", "=ZZ stays", "lone = sign"}},
	{file: "base64-junk.eml", text: []string{"lost its padding. Ünïcödé too."}, notText: []string{"footer", "\uFFFD"},
		files: []string{"notes.bin|application/octet-stream"}},
	{file: "uuencode.eml", text: []string{"the old way.", "Regards"}, notText: []string{"begin 644", "end"},
		files: []string{"logo.gif|image/gif"}},
	{file: "inline-image.eml", text: []string{"The dialog shows this:\n\nAny idea?"}, notText: []string{"color", "<"},
		html: []string{`src="cid:shot-1@example.org"`}, files: []string{"shot.png|image/png"}},
	{file: "forwarded.eml", text: []string{"See the customer's mail below."}, notText: []string{"cancel monthly"},
		files: []string{"original.eml|message/rfc822"}},
	{file: "bounce.eml", auto: true, text: []string{"could not be delivered"},
		files: []string{"delivery-status.txt|message/delivery-status", "headers.txt|text/rfc822-headers"}},
	{file: "nested.eml", text: []string{"Please find the quote attached."}, html: []string{"<b>quote</b>"},
		notText: []string{"preamble", "epilogue"}, files: []string{"attachment.png|image/png", "quote.pdf|application/pdf"}},
	{file: "missing-boundary.eml", text: []string{"announced a multipart but wrote plain text."}},
	{file: "broken-nested.eml", subject: "Photos of the damaged parcel", from: "hanne@example.no",
		text: []string{"The parcel arrived crushed, photos attached.", "I will send it la"}, html: []string{"<i>crushed</i>"},
		files: []string{"parcel.jpg|image/jpeg"}},
	{file: "bounce-damaged.eml", auto: true, text: []string{"failed permanently:"},
		files: []string{"delivery-status.txt|message/delivery-status", "headers.txt|text/rfc822-headers"}},
	{file: "no-from.eml", subject: "Invoice copy, please", from: "tomas@example.es", text: []string{"invoice 2025-0311"}},
	{file: "unnamed-parts.eml", text: []string{"See the error:"}, files: []string{"image001.png|image/png",
		"attachment.pdf|application/pdf", "attachment-2.pdf|application/pdf", "message.eml|message/rfc822",
		"attachment.bin|application/x-frontdesk-unknown"}},
	{file: "undeclared-chinese.eml", subject: "关于发票的问题", from: "wang.fang@example.cn",
		text: []string{"附件是三月的发票"}, files: []string{"发票2025年3月.pdf|application/pdf"}},
	{file: "undeclared-japanese.eml", subject: "ログインできません", from: "taro@example.jp",
		text: []string{"Login fails since Monday."}, files: []string{"エラー画面.png|image/png"}},
	{file: "address-damage.eml", from: `"Kim Lee"@example.kr`, text: []string{"quotes and all."}},
	{file: "boundary-mismatch.eml", from: "lars@example.se", text: []string{"the invoice for March is attached."},
		notText: []string{"--sent-by"}, files: []string{"invoice-2025-03.pdf|application/pdf"}},
	{file: "truncated.eml", text: []string{"was cut off."}, files: []string{"logs.zip|application/zip"}},
	{file: "crlf-auto-reply.eml", subject: "Abwesenheitsnotiz: Re: [#1042] Printer", auto: true,
		text: []string{"nicht im Büro.\n"}, html: []string{"Büro.<br>"}, notText: []string{"\r"}},
	{file: "headerless-message.eml", text: []string{"the order list after it."}, notText: []string{"order,amount"},
		files: []string{"complaint.eml|message/rfc822", "orders.csv|text/csv"}},
	{file: "blank-text-alternative.eml", subject: "Newsletter login broken", from: "kasia@example.pl",
		text: []string{"error – \"page not found\"."}, html: []string{"error \u2013 \"page not found"}, notText: []string{"<"}},
}

func TestParseFixtures(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.file, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("testdata", fx.file))
			if err != nil {
				t.Fatal(err)
			}
			m := Parse(raw)
			checkFixture(t, fx, m)
			checkGolden(t, fx.file, m)
		})
	}
}

func checkFixture(t *testing.T, fx fixture, m *Message) {
	t.Helper()
	if fx.subject != "" && m.Subject != fx.subject {
		t.Errorf("subject = %q, want %q", m.Subject, fx.subject)
	}
	if fx.from != "" && (len(m.From) == 0 || m.From[0].Address != fx.from) {
		t.Errorf("from = %+v, want %s", m.From, fx.from)
	}
	if fx.file == "address-damage.eml" {
		checkAddresses(t, m)
	}
	if fx.date != "" && m.Date != fx.date {
		t.Errorf("date = %q, want %q", m.Date, fx.date)
	}
	for _, s := range fx.text {
		if !strings.Contains(m.TextBody, s) {
			t.Errorf("text_body lacks %q:\n%s", s, m.TextBody)
		}
	}
	for _, s := range fx.notText {
		if strings.Contains(m.TextBody, s) {
			t.Errorf("text_body has %q:\n%s", s, m.TextBody)
		}
	}
	for _, s := range fx.html {
		if !strings.Contains(m.HTMLBody, s) {
			t.Errorf("html_body lacks %q:\n%s", s, m.HTMLBody)
		}
	}
	var files []string
	for _, a := range m.Attachments {
		files = append(files, a.Filename+"|"+a.ContentType)
	}
	if strings.Join(files, ", ") != strings.Join(fx.files, ", ") {
		t.Errorf("attachments = %q, want %q", files, fx.files)
	}
	if m.AutoSubmitted != fx.auto {
		t.Errorf("auto_submitted = %v, want %v", m.AutoSubmitted, fx.auto)
	}
}

// checkGolden compares the JSON output with testdata/NAME.golden.json.
func checkGolden(t *testing.T, file string, m *Message) {
	t.Helper()
	var got bytes.Buffer
	if err := WriteJSON(&got, m); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", strings.TrimSuffix(file, ".eml")+".golden.json")
	if *update {
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("output differs from %s (go test -update rewrites it):\n%s", golden, got.String())
	}
}
