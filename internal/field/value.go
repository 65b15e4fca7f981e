package field

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/domain"
)

// DecodeJSON reads one value as the API sends it, numbers kept as
// written (json.Number), so a decimal is never rounded through a float.
func DecodeJSON(raw json.RawMessage) (any, error) {
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var v any
	err := d.Decode(&v)
	return v, err
}

// Canon checks v for d and returns its canonical rows: none to clear.
// v is what JSON decoding gives (nil, string, json.Number, bool, []any);
// a problem comes back as a message for the field.
func (d Def) Canon(v any) ([]string, string) {
	if v == nil {
		return nil, ""
	}
	switch d.Type {
	case Text, LongText:
		return canonText(v, d.Type == LongText)
	case Number:
		return canonNumber(v)
	case Date:
		return canonDate(v)
	case Choice:
		s, ok := v.(string)
		if !ok || s == "" {
			return nil, notString(v, "must be one of the options: "+d.optionList())
		}
		if !slices.Contains(d.Options, s) {
			return nil, "must be one of the options: " + d.optionList()
		}
		return []string{s}, ""
	case MultiChoice:
		return d.canonMulti(v)
	case Checkbox:
		b, ok := v.(bool)
		if !ok {
			return nil, "must be true or false"
		}
		if !b {
			return nil, "" // an unticked box has no row
		}
		return []string{"true"}, ""
	}
	return nil, "has an unknown type"
}

// notString lets an empty string clear a value (what an emptied form
// input sends) and otherwise says msg.
func notString(v any, msg string) string {
	if s, ok := v.(string); ok && s == "" {
		return ""
	}
	return msg
}

func (d Def) optionList() string { return strings.Join(d.Options, ", ") }

func canonText(v any, long bool) ([]string, string) {
	s, ok := v.(string)
	if !ok {
		return nil, "must be a string"
	}
	s = strings.TrimSpace(s)
	max := MaxText
	if long {
		max = MaxLong
	}
	if msg := domain.TextProblem(s, long); msg != "" {
		return nil, msg
	}
	if domain.TooLong(s, max) {
		return nil, fmt.Sprintf("must be at most %d characters", max)
	}
	if s == "" {
		return nil, ""
	}
	return []string{s}, ""
}

var decimalPattern = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$`)

// canonNumber writes a number as its shortest exact decimal: 12.50 is
// "12.5", 1e3 is "1000", -0 is "0".
func canonNumber(v any) ([]string, string) {
	n, ok := v.(json.Number)
	if !ok {
		return nil, notString(v, "must be a number")
	}
	s := string(n)
	m := decimalPattern.FindStringSubmatch(s)
	if m == nil {
		return nil, "must be a number, such as 12 or 12.5"
	}
	if len(s) > MaxNumber {
		return nil, fmt.Sprintf("must be a number of at most %d characters", MaxNumber)
	}
	// A big exponent would make big.Rat build a huge integer.
	if exp, _ := strconv.Atoi(strings.TrimLeft(m[3], "eE+")); exp > MaxNumber || exp < -MaxNumber {
		return nil, "must be a number between -1e40 and 1e40 with at most 40 decimals"
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return nil, "must be a number"
	}
	out := r.FloatString(MaxNumber)
	if strings.Contains(out, ".") {
		out = strings.TrimRight(strings.TrimRight(out, "0"), ".")
	}
	if out == "-0" {
		out = "0"
	}
	if len(out) > MaxNumber {
		return nil, fmt.Sprintf("must be a decimal number of at most %d digits", MaxNumber)
	}
	return []string{out}, ""
}

func canonDate(v any) ([]string, string) {
	s, ok := v.(string)
	if !ok || s == "" {
		return nil, notString(v, "must be a date written YYYY-MM-DD")
	}
	s = strings.TrimSpace(s)
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return nil, "must be a date written YYYY-MM-DD, such as 2026-03-31"
	}
	return []string{s}, ""
}

// canonMulti takes a list of options and keeps them in the options' order.
func (d Def) canonMulti(v any) ([]string, string) {
	list, ok := v.([]any)
	if !ok {
		if s, isStr := v.(string); isStr && s != "" {
			list = []any{s} // a form with one box ticked
		} else {
			return nil, notString(v, "must be a list of options")
		}
	}
	chosen := map[string]bool{}
	for _, item := range list {
		s, ok := item.(string)
		if !ok || !slices.Contains(d.Options, s) {
			return nil, "must be a list of options from: " + d.optionList()
		}
		chosen[s] = true
	}
	var out []string
	for _, o := range d.Options {
		if chosen[o] {
			out = append(out, o)
		}
	}
	return out, ""
}

// Typed is the JSON value of canonical rows: a number as a number, a
// multiple choice as a list in the options' order, a checkbox as a bool;
// nil when unset (false for a checkbox, whose unset is unticked).
func (d Def) Typed(rows []string) any {
	if d.Type == Checkbox {
		return len(rows) > 0
	}
	if len(rows) == 0 {
		return nil
	}
	switch d.Type {
	case Number:
		return json.Number(rows[0])
	case MultiChoice:
		out := slices.Clone(rows)
		slices.SortStableFunc(out, func(a, b string) int { return d.rank(a) - d.rank(b) })
		return out
	}
	return rows[0]
}

// rank orders options as defined; a value no longer among them goes last.
func (d Def) rank(v string) int {
	if i := slices.Index(d.Options, v); i >= 0 {
		return i
	}
	return len(d.Options)
}

// Text is rows for people: "Refund, Exchange", "12.5", "yes".
func (d Def) Text(rows []string) string {
	if d.Type == Checkbox {
		if len(rows) > 0 {
			return "yes"
		}
		return ""
	}
	if t, ok := d.Typed(rows).([]string); ok {
		return strings.Join(t, ", ")
	}
	return strings.Join(rows, ", ")
}
