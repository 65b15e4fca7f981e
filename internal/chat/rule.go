package chat

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/frontdesk/frontdesk/internal/domain"
)

// Action is what a channel rule does with the chat button on a page.
type Action string

// The button's behaviours (Odoo's four).
const (
	ShowButton Action = "show"      // the button alone
	Notify     Action = "notify"    // the button with the notification text beside it
	AutoOpen   Action = "auto_open" // the chat opens by itself after DelayS seconds
	Hide       Action = "hide"      // no button
)

// MaxRules bounds a channel's rules; deciding reads them all.
const MaxRules = 100

// Rule is one of a channel's ordered rules (docs/chat.md, "Rules").
type Rule struct {
	Action           Action   `json:"action"`
	DelayS           int      `json:"delay_s"`
	URL              string   `json:"url"`
	Countries        []string `json:"countries"`
	ChatbotID        *int64   `json:"chatbot_id"`
	OnlyIfNoOperator bool     `json:"only_if_no_operator"`
}

// validate checks one rule; fields are named as in the API
// ("items.2.url"), so the settings page puts each message on its input.
func (r *Rule) validate(c *domain.Check, i int) {
	f := func(name string) string { return fmt.Sprintf("items.%d.%s", i, name) }
	r.URL = strings.TrimSpace(r.URL)
	switch r.Action {
	case ShowButton, Notify, Hide:
		r.DelayS = 0
	case AutoOpen:
		c.Require(r.DelayS >= 0 && r.DelayS <= 3600, f("delay_s"), "must be between 0 and 3600 seconds")
	default:
		c.Add(f("action"), "must be show, notify, auto_open or hide")
	}
	if r.URL == "" {
		r.URL = "/"
	}
	c.Require(len(r.URL) <= 500, f("url"), "must be at most 500 characters")
	if _, err := regexp.Compile(r.URL); err != nil {
		c.Add(f("url"), "is not a valid regular expression: "+strings.TrimPrefix(err.Error(), "error parsing regexp: "))
	}
	for j, code := range r.Countries {
		r.Countries[j] = strings.ToUpper(strings.TrimSpace(code))
		c.Require(IsCountry(r.Countries[j]), f("countries"), fmt.Sprintf("%q is not an ISO country code like DE or US", code))
	}
	if r.Countries == nil {
		r.Countries = []string{}
	}
	c.Require(r.ChatbotID != nil || !r.OnlyIfNoOperator, f("only_if_no_operator"), "needs a chatbot")
}

// CheckRules checks rules as SetRules will, without storing them (the
// settings form merges its own messages with these).
func CheckRules(rules []Rule) error {
	c := &domain.Check{}
	c.Require(len(rules) <= MaxRules, "items", fmt.Sprintf("must be at most %d rules", MaxRules))
	for i := range rules {
		rules[i].validate(c, i)
	}
	return c.Err()
}

// Visit is what the rules look at: the page's path and query from the
// site's root, and the visitor's country ("" when unknown: no GeoIP
// database, or an address it does not know).
type Visit struct {
	Path    string
	Country string
}

// RuleSet is a channel's rules with their patterns compiled, as Decide
// keeps them between page views.
type RuleSet []compiledRule

type compiledRule struct {
	Rule
	re *regexp.Regexp // nil: the pattern does not compile (checked on save, so never expected): no match
}

// Compile compiles the rules' patterns, once for every visit after.
func Compile(rules []Rule) RuleSet {
	out := make(RuleSet, len(rules))
	for i, r := range rules {
		re, _ := regexp.Compile(r.URL)
		out[i] = compiledRule{Rule: r, re: re}
	}
	return out
}

// Match picks the rule for a visit: rules naming the visitor's country
// first, then rules naming none, each group in its order; the first
// whose pattern matches wins (Odoo's order). ok is false when none does:
// the channel's default then holds.
func (rs RuleSet) Match(v Visit) (rule Rule, ok bool) {
	if v.Country != "" {
		for _, r := range rs {
			if len(r.Countries) > 0 && slices.Contains(r.Countries, v.Country) && r.matches(v.Path) {
				return r.Rule, true
			}
		}
	}
	for _, r := range rs {
		if len(r.Countries) == 0 && r.matches(v.Path) {
			return r.Rule, true
		}
	}
	return Rule{}, false
}

func (r compiledRule) matches(path string) bool { return r.re != nil && r.re.MatchString(path) }

// MatchRule is Match for rules used once.
func MatchRule(rules []Rule, v Visit) (rule Rule, ok bool) { return Compile(rules).Match(v) }
