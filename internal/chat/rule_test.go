package chat_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/geoip"
	"github.com/frontdesk/frontdesk/internal/geoip/geoiptest"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func TestMatchRuleOrder(t *testing.T) {
	rules := []chat.Rule{
		{Action: chat.Hide, URL: `^/checkout`},
		{Action: chat.Notify, URL: `/pricing`},
		{Action: chat.AutoOpen, DelayS: 5, URL: `^/pricing`, Countries: []string{"DE", "FR"}},
		{Action: chat.ShowButton, URL: `^/docs/.+\?lang=de`, Countries: []string{"AT"}},
		{Action: chat.ShowButton, URL: `/`},
	}
	cases := []struct {
		name, path, country string
		want                int // index of the rule, -1 none
	}{
		{"a rule naming the country goes before earlier rules without", "/pricing", "DE", 2},
		{"the same page from another country takes the first plain rule", "/pricing", "US", 1},
		{"no database: country rules never match", "/pricing", "", 1},
		{"a country rule whose pattern misses falls through to the plain ones", "/checkout/pay", "FR", 0},
		{"patterns see the query", "/docs/setup?lang=de", "AT", 3},
		{"and miss without it", "/docs/setup", "AT", 4},
		{"the catch-all", "/about", "", 4},
	}
	for _, c := range cases {
		got, ok := chat.MatchRule(rules, chat.Visit{Path: c.path, Country: c.country})
		if !ok || fmt.Sprint(got) != fmt.Sprint(rules[c.want]) {
			t.Errorf("%s: %s from %q matched %+v (%v), want rule %d", c.name, c.path, c.country, got, ok, c.want)
		}
	}
	if _, ok := chat.MatchRule(rules[:3], chat.Visit{Path: "/about"}); ok {
		t.Error("a page no rule names must match none (the channel's default holds)")
	}
}

func TestSetRulesChecksEachField(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		ctx := context.Background()
		bad := []chat.Rule{
			{Action: "blink", URL: "/"},
			{Action: chat.Notify, URL: `/(pricing`},
			{Action: chat.Notify, Countries: []string{"DE", "XX"}},
			{Action: chat.AutoOpen, DelayS: -1},
			{Action: chat.ShowButton, OnlyIfNoOperator: true},
			{Action: chat.ShowButton, ChatbotID: ptr(int64(999))},
		}
		_, err := f.c.SetRules(ctx, f.ch.ID, bad)
		var ve *domain.ValidationError
		if !errors.As(err, &ve) {
			t.Fatalf("bad rules: %v, want a validation error", err)
		}
		for _, k := range []string{"items.0.action", "items.1.url", "items.2.countries", "items.3.delay_s",
			"items.4.only_if_no_operator"} {
			if ve.Fields[k] == "" {
				t.Errorf("no message on %s: %v", k, ve.Fields)
			}
		}
		_, err = f.c.SetRules(ctx, f.ch.ID, bad[5:])
		if !errors.As(err, &ve) || ve.Fields["items.0.chatbot_id"] == "" {
			t.Errorf("a rule naming a missing chatbot: %v", err)
		}
		if got, _ := f.c.Rules(ctx, f.ch.ID); len(got) != 0 {
			t.Fatalf("refused rules were stored: %+v", got)
		}
		if _, err := f.c.SetRules(ctx, 9999, nil); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("rules of a missing channel: %v", err)
		}
	})
}

func TestRulesKeepTheirOrderAndDecide(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		ctx := context.Background()
		var bot int64
		if err := d.Write.QueryRowContext(ctx, `INSERT INTO chatbots (name, steps, created_at, updated_at)
			VALUES ('Sorter', '[]', $1, $1) RETURNING id`, db.Now()).Scan(&bot); err != nil {
			t.Fatal(err)
		}
		in := []chat.Rule{
			{Action: chat.Hide, URL: `^/checkout`},
			{Action: chat.AutoOpen, DelayS: 3, URL: `^/pricing`, Countries: []string{"de", " fr"}},
			{Action: chat.ShowButton, URL: "", ChatbotID: &bot, OnlyIfNoOperator: true},
		}
		// Of two rules' chatbots, only the one that is gone is refused.
		gone := bot + 100
		_, err := f.c.SetRules(ctx, f.ch.ID, append(append([]chat.Rule{}, in...), chat.Rule{Action: chat.ShowButton, ChatbotID: &gone}))
		var ve *domain.ValidationError
		if !errors.As(err, &ve) || ve.Fields["items.3.chatbot_id"] == "" || ve.Fields["items.2.chatbot_id"] != "" {
			t.Errorf("rules naming an existing and a missing chatbot: %v", err)
		}
		got, err := f.c.SetRules(ctx, f.ch.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 3 || got[0].Action != chat.Hide || fmt.Sprint(got[1].Countries) != "[DE FR]" || got[2].URL != "/" ||
			got[1].DelayS != 3 || got[0].DelayS != 0 {
			t.Fatalf("stored rules: %+v", got)
		}
		decide := func(path, country string) chat.Decision {
			pr, _ := f.c.ChannelPresence(ctx, f.ch.ID)
			dec, err := f.c.Decide(ctx, f.ch.ID, chat.Visit{Path: path, Country: country}, pr)
			if err != nil {
				t.Fatal(err)
			}
			return dec
		}
		if dec := decide("/pricing", "FR"); dec.Action != chat.AutoOpen || dec.DelayS != 3 || dec.Chatbot {
			t.Errorf("pricing from France: %+v", dec)
		}
		if dec := decide("/checkout", ""); dec.Action != chat.Hide {
			t.Errorf("checkout: %+v", dec)
		}
		if dec := decide("/about", ""); !dec.Chatbot || dec.ChatbotID == nil || *dec.ChatbotID != bot {
			t.Errorf("nobody online: the bot of the only-if-no-operator rule must answer: %+v", dec)
		}
		f.operator(t, "Ada")
		if dec := decide("/about", ""); dec.Chatbot || dec.Action != chat.ShowButton {
			t.Errorf("an operator with a free seat: no bot, %+v", dec)
		}
		if _, err := f.c.SetRules(ctx, f.ch.ID, nil); err != nil {
			t.Fatal(err)
		}
		if dec := decide("/checkout", ""); dec.Action != chat.Notify {
			t.Errorf("no rules: the default (button with notification) holds: %+v", dec)
		}
	})
}

func ptr[T any](v T) *T { return &v }

// BenchmarkDecide is the cost of choosing the rule for one page view of
// a channel with 50 rules, with the visitor's country looked up in an
// MMDB database: the part of the widget's request the rules add. The
// rules are compiled once, as Decide keeps them between page views.
func BenchmarkDecide(b *testing.B) {
	g, err := geoip.Open(geoiptest.File(b, map[string]string{"203.0.113.0/24": "DE", "198.51.100.0/24": "FR"}))
	if err != nil {
		b.Fatal(err)
	}
	defer g.Close()
	rules := make([]chat.Rule, 50)
	for i := range rules {
		rules[i] = chat.Rule{Action: chat.ShowButton, URL: fmt.Sprintf(`^/section-%d/(page|post)/[0-9]+`, i)}
		if i%2 == 0 {
			rules[i].Countries = []string{"FR", "IT"}
		}
	}
	set := chat.Compile(rules)
	b.ReportAllocs()
	for b.Loop() {
		v := chat.Visit{Path: "/section-49/page/12?utm=x", Country: g.Country("203.0.113.9")}
		if _, ok := set.Match(v); !ok {
			b.Fatal("the last rule must match")
		}
	}
}
