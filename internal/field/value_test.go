package field

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func decode(t *testing.T, s string) any {
	t.Helper()
	v, err := DecodeJSON(json.RawMessage(s))
	if err != nil {
		t.Fatalf("decode %s: %v", s, err)
	}
	return v
}

func TestCanon(t *testing.T) {
	defs := map[Type]Def{}
	for _, ty := range Types {
		defs[ty] = Def{Name: "f", Type: ty, Options: []string{"Refund", "Exchange", "Repair"}}
	}
	cases := []struct {
		ty   Type
		json string
		rows []string
		msg  string // substring of the problem, "" for none
	}{
		{Text, `"  hello  "`, []string{"hello"}, ""},
		{Text, `""`, nil, ""},
		{Text, `"a\nb"`, nil, "control character"},
		{Text, `12`, nil, "must be a string"},
		{LongText, `"a\nb"`, []string{"a\nb"}, ""},
		{Number, `12.50`, []string{"12.5"}, ""},
		{Number, `1e3`, []string{"1000"}, ""},
		{Number, `-0.0`, []string{"0"}, ""},
		{Number, `0.1`, []string{"0.1"}, ""},
		{Number, `"12"`, nil, "must be a number"},
		{Number, `1e999999999`, nil, "between"},
		{Number, `true`, nil, "must be a number"},
		{Date, `"2026-03-31"`, []string{"2026-03-31"}, ""},
		{Date, `"2026-02-30"`, nil, "YYYY-MM-DD"},
		{Date, `"31/03/2026"`, nil, "YYYY-MM-DD"},
		{Choice, `"Refund"`, []string{"Refund"}, ""},
		{Choice, `"refund"`, nil, "one of the options: Refund, Exchange, Repair"},
		{Choice, `["Refund"]`, nil, "one of the options"},
		{MultiChoice, `["Repair","Refund","Repair"]`, []string{"Refund", "Repair"}, ""},
		{MultiChoice, `[]`, nil, ""},
		{MultiChoice, `["Nope"]`, nil, "list of options"},
		{MultiChoice, `"Refund"`, []string{"Refund"}, ""},
		{Checkbox, `true`, []string{"true"}, ""},
		{Checkbox, `false`, nil, ""},
		{Checkbox, `"yes"`, nil, "true or false"},
		{Text, `null`, nil, ""},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s %s", c.ty, c.json), func(t *testing.T) {
			rows, msg := defs[c.ty].Canon(decode(t, c.json))
			if c.msg == "" && msg != "" || c.msg != "" && !strings.Contains(msg, c.msg) {
				t.Fatalf("message %q, want one with %q", msg, c.msg)
			}
			if !slices.Equal(rows, c.rows) {
				t.Fatalf("rows %q, want %q", rows, c.rows)
			}
		})
	}
}

func TestTypedJSON(t *testing.T) {
	opts := []string{"Refund", "Exchange", "Repair"}
	cases := []struct {
		def  Def
		rows []string
		want string
	}{
		{Def{Type: Number}, []string{"12.5"}, `12.5`},
		{Def{Type: Number}, nil, `null`},
		{Def{Type: MultiChoice, Options: opts}, []string{"Repair", "Exchange"}, `["Exchange","Repair"]`},
		{Def{Type: Checkbox}, []string{"true"}, `true`},
		{Def{Type: Checkbox}, nil, `false`},
		{Def{Type: Date}, []string{"2026-03-31"}, `"2026-03-31"`},
	}
	for _, c := range cases {
		got, err := json.Marshal(c.def.Typed(c.rows))
		if err != nil || string(got) != c.want {
			t.Errorf("%s %q: %s (%v), want %s", c.def.Type, c.rows, got, err, c.want)
		}
	}
}

func TestInputCheck(t *testing.T) {
	good := Input{Name: "reason", Label: "Reason", Type: Choice, Options: []string{"A", "B"}}
	cases := []struct {
		name  string
		edit  func(*Input)
		field string
	}{
		{"good", func(*Input) {}, ""},
		{"no name", func(in *Input) { in.Name = "" }, "name"},
		{"capital", func(in *Input) { in.Name = "Reason" }, "name"},
		{"digit first", func(in *Input) { in.Name = "1reason" }, "name"},
		{"too long", func(in *Input) { in.Name = "a" + strings.Repeat("b", 40) }, "name"},
		{"reserved", func(in *Input) { in.Name = "assignee" }, "name"},
		{"no label", func(in *Input) { in.Label = " " }, "label"},
		{"bad type", func(in *Input) { in.Type = "colour" }, "type"},
		{"no options", func(in *Input) { in.Options = nil }, "options"},
		{"twice", func(in *Input) { in.Options = []string{"A", " A"} }, "options[1]"},
		{"empty option", func(in *Input) { in.Options = []string{"A", ""} }, "options[1]"},
		{"options on text", func(in *Input) { in.Type = Text }, "options"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := good
			in.Options = slices.Clone(good.Options)
			c.edit(&in)
			_, err := in.check()
			if c.field == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.field+":") {
				t.Fatalf("error %v, want one on %s", err, c.field)
			}
		})
	}
}
