package parse

import (
	"reflect"
	"testing"
)

func TestParseAddressList(t *testing.T) {
	tests := []struct {
		in   string
		want []Address
	}{
		{`"Lund, Maja" <maja@example.org>`, []Address{{"Lund, Maja", "maja@example.org"}}},
		{`a@example.org, b@example.org`, []Address{{"", "a@example.org"}, {"", "b@example.org"}}},
		{`Team: a@example.org, B <b@example.org>;, c@example.org`,
			[]Address{{"", "a@example.org"}, {"B", "b@example.org"}, {"", "c@example.org"}}},
		{`undisclosed-recipients:;`, nil},
		{`maja@example.org (Maja Lund)`, []Address{{"Maja Lund", "maja@example.org"}}},
		{`Maja Lund maja@example.org`, []Address{{"Maja Lund", "maja@example.org"}}},
		{`<maja@example.org>`, []Address{{"", "maja@example.org"}}},
		{`Maja <maja@example.org`, []Address{{"Maja", "maja@example.org"}}},
		{`"Maja <maja@example.org>`, []Address{{"Maja", "maja@example.org"}}},
		{`=?utf-8?Q?Ma=C3=AFa?= <maia@example.org>`, []Address{{"Maïa", "maia@example.org"}}},
		{`"=?utf-8?Q?Ma=C3=AFa?=" <maia@example.org>`, []Address{{"Maïa", "maia@example.org"}}},
		{`Doe, John <john@example.org>, x@example.org`,
			[]Address{{"Doe, John", "john@example.org"}, {"", "x@example.org"}}},
		{`Whomever`, []Address{{"Whomever", ""}}},
		{`<@relay.example.net,@other.example.net:maja@example.org>`, []Address{{"", "maja@example.org"}}},
		{`<mailto:maja@example.org>`, []Address{{"", "maja@example.org"}}},
		{`"a \"quoted\" name" <q@example.org>`, []Address{{`a "quoted" name`, "q@example.org"}}},
		{"J\xfcrgen <j@example.de>", []Address{{"Jürgen", "j@example.de"}}},
		{``, nil},
		{`"John Doe"@example.com`, []Address{{"", `"John Doe"@example.com`}}},
		{`"John Doe"@example.com (John)`, []Address{{"John", `"John Doe"@example.com`}}},
		{`Jane <"jane.doe"@example.com>`, []Address{{"Jane", "jane.doe@example.com"}}},
		{`"a \"b\" c"@example.com, d@example.com`, []Address{{"", `"a \"b\" c"@example.com`}, {"", "d@example.com"}}},
		{`(john@example.com)`, []Address{{"", "john@example.com"}}},
		{`Support (support@example.com)`, []Address{{"Support", "support@example.com"}}},
		{`john (John Doe <john@example.com>)`, []Address{{"John Doe", "john@example.com"}}},
		{`Maja (maja at example.org)`, []Address{{"Maja", ""}}},
	}
	for _, tt := range tests {
		if got := parseAddressList(tt.in, nil); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseAddressList(%q)\n got %+v\nwant %+v", tt.in, got, tt.want)
		}
	}
}

func TestMessageIDs(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"<a@x> <b@y>", []string{"a@x", "b@y"}},
		{"<a@x> (from Joe)\n <b@y>", []string{"a@x", "b@y"}},
		{"a@x b@y", []string{"a@x", "b@y"}},
		{"<a@x", []string{"a@x"}},
		{"not an id", nil},
	}
	for _, tt := range tests {
		if got := messageIDs(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("messageIDs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// checkAddresses pins the To and Cc of testdata/address-damage.eml:
// addresses in comments and quoted local parts.
func checkAddresses(t *testing.T, m *Message) {
	t.Helper()
	wantTo := []Address{{"Frontdesk Support", "desk@example.org"}}
	wantCc := []Address{{"", "ops@example.org"}, {"", "sam.park@example.kr"}}
	if !reflect.DeepEqual(m.To, wantTo) || !reflect.DeepEqual(m.Cc, wantCc) {
		t.Errorf("to %+v cc %+v, want %+v and %+v", m.To, m.Cc, wantTo, wantCc)
	}
}
