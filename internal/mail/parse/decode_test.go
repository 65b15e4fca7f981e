package parse

import (
	"reflect"
	"testing"
)

func TestDecodeWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"=?utf-8?Q?a_b?= =?utf-8?Q?c?=", "a bc"}, // space between words dropped
		{"=?utf-8?Q?a?=  and =?utf-8?Q?b?=", "a  and b"},
		{"=?utf-8?B?w6k=?=", "é"},
		{"=?utf-8?B?ww==?= =?utf-8?B?qQ==?=", "é"},      // a character split across words
		{"=?utf-8?B?R3LDvMOf?=e", "Grüße"},              // glued to text
		{"=?iso-8859-1?Q?Fr=F6sche?=", "Frösche"},       // declared charset
		{"=?ISO-8859-1*de?Q?=FC?=", "ü"},                // RFC 2231 language tag
		{"=?utf-7?Q?Fr+APY-sche?=", "Frösche"},          // UTF-7
		{"=?koi8-r?B?8NLJ18XU?=", "Привет"},             // KOI8-R
		{"=?x-unknown?Q?caf=E9?=", "café"},              // unknown charset: guessed
		{"=?utf-8?Q?broken", "=?utf-8?Q?broken"},        // never closed: kept
		{"=?utf-8?X?abc?=", "=?utf-8?X?abc?="},          // unknown encoding: kept
		{"caf\xe9 =?utf-8?Q?ol=C3=A9?=", "café olé"},    // raw 8-bit beside a word
		{"=?windows-1252?Q?=93quoted=94?=", "“quoted”"}, // windows-1252 punctuation
	}
	for _, tt := range tests {
		if got := decodeWords(tt.in, nil); got != tt.want {
			t.Errorf("decodeWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseParams(t *testing.T) {
	tests := []struct {
		in     string
		value  string
		params map[string]string
	}{
		{`text/plain; charset="UTF-8"`, "text/plain", map[string]string{"charset": "UTF-8"}},
		{"Multipart/Mixed;\tBoundary=abc", "multipart/mixed", map[string]string{"boundary": "abc"}},
		{`multipart/mixed boundary="x y"`, "multipart/mixed", map[string]string{"boundary": "x y"}},     // no semicolon
		{`attachment; filename="a \"b\".txt`, "attachment", map[string]string{"filename": `a "b".txt`}}, // unclosed
		{`attachment; filename=report 2024.pdf`, "attachment", map[string]string{"filename": "report 2024.pdf"}},
		{`inline; filename="=?utf-8?Q?r=C3=A9sum=C3=A9.pdf?="`, "inline", map[string]string{"filename": "résumé.pdf"}},
		{`attachment; filename*=UTF-8''na%C3%AFve%20file.txt`, "attachment", map[string]string{"filename": "naïve file.txt"}},
		{`attachment; filename*1="b.txt"; filename*0="a-"`, "attachment", map[string]string{"filename": "a-b.txt"}},
		{`attachment; filename="old.txt"; filename*=utf-8''new.txt`, "attachment", map[string]string{"filename": "new.txt"}},
		{`; filename="nameless.png"`, "", map[string]string{"filename": "nameless.png"}},
		{"", "", nil},
	}
	for _, tt := range tests {
		value, params := parseParams(tt.in, nil)
		if value != tt.value || !reflect.DeepEqual(params, tt.params) {
			t.Errorf("parseParams(%q) = %q, %q; want %q, %q", tt.in, value, params, tt.value, tt.params)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Tue, 4 Mar 2025 09:15:00 +0100", "2025-03-04T09:15:00+01:00"},
		{"4 Mar 2025 09:15 GMT", "2025-03-04T09:15:00Z"},
		{"Wed, 17 May 2000 19:18:39 -0400 (EDT)", "2000-05-17T19:18:39-04:00"},
		{"Thu, 13 Mar 25 18:20:00 EST", "2025-03-13T18:20:00-05:00"},
		{"Fri,  7 Mar 2025 16:45:00 +01:00", "2025-03-07T16:45:00+01:00"},
		{"Mon Mar 10 07:30:00 2025", "2025-03-10T07:30:00Z"},
		{"2025-03-10T07:30:00Z", "2025-03-10T07:30:00Z"},
		{"Whenever", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := formatDate(parseDate(tt.in)); got != tt.want {
			t.Errorf("parseDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDecodeTransfer(t *testing.T) {
	tests := []struct {
		cte, in, want string
		ok            bool
	}{
		{"base64", "aGVsbG8gd29ybGQ=", "hello world", true},
		{"base64", "aGVsbG8gd29ybGQ", "hello world", true},        // no padding
		{"base64", "aGVs\r\n bG8=\n", "hello", true},              // white space
		{"base64", "aGVsbG8=\n-- \nfooter line\n", "hello", true}, // junk lines skipped
		{"base64", "aGk=aGk=", "hihi", true},
		{"base64", "aGk=\naGk=\n", "hihi", true},             // padding mid-stream
		{"base64", "?garbage\n", "", false},                  // not base64 at all
		{"base64", "aGk= more words\nsee you\n", "hi", true}, // trailer after padding
		{"base64", "", "", true},
		{"quoted-printable", "a=3Db=\r\nc  \r\nd", "a=bc\nd", true},
		{"quoted-printable", "=E2=82=AC =zz =", "€ =zz ", true},
		{"7bit", "as is", "as is", true},
		{"x-uuencode", "begin 644 f\n#86)C\n`\nend\n", "abc", true},
	}
	for _, tt := range tests {
		got, ok := decodeTransfer(tt.cte, []byte(tt.in))
		if string(got) != tt.want || ok != tt.ok {
			t.Errorf("decodeTransfer(%s, %q) = %q, %v; want %q, %v", tt.cte, tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDecodeCharset(t *testing.T) {
	tests := []struct{ in, charset, want string }{
		{"caf\xe9", "", "café"},           // undeclared 8-bit: windows-1252
		{"café", "", "café"},              // undeclared but valid UTF-8
		{"caf\xe9", "us-ascii", "café"},   // declared ASCII, 8-bit anyway
		{"ok \xff", "utf-8", "ok \uFFFD"}, // declared UTF-8 is trusted
		{"\x80", "windows-1252", "€"},
		{"\xe9", "ISO_8859-1", "é"}, // odd spelling
		{"\xb1", "iso8859-2", "ą"},  // missing dash
		{"\x93\xfa\x96{", "shift_jis", "日本"},
		{"\xc4\xe3\xba\xc3", "gb2312", "你好"},
		{"\xa7A\xa6n", "big5", "你好"},
		{"Hi +AKM-1 +- 2", "utf-7", "Hi £1 + 2"},
		{"\xe9", "x-nonsense", "é"}, // unknown: guessed
	}
	for _, tt := range tests {
		if got := decodeCharset([]byte(tt.in), tt.charset, nil); got != tt.want {
			t.Errorf("decodeCharset(%q, %q) = %q, want %q", tt.in, tt.charset, got, tt.want)
		}
	}
}

func TestHTMLToText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<p>Hello</p><p>World</p>", "Hello\n\nWorld"},
		{"a<br>b<br/>c", "a\nb\nc"},
		{"<style>x{}</style><script>y()</script><!-- c -->Text", "Text"},
		{"<ul><li>one</li><li>two</li></ul>", "- one\n- two"},
		{"Fish &amp; chips&nbsp;&euro;5", "Fish & chips €5"},
		{"<b>bold</b>   and\n  wrapped", "bold and wrapped"},
		{`<a href="x>y">link</a>`, "link"},
	}
	for _, tt := range tests {
		if got := htmlToText(tt.in); got != tt.want {
			t.Errorf("htmlToText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
