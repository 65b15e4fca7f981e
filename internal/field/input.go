package field

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/frontdesk/frontdesk/internal/domain"
)

// Input is a field as the API and the settings page send it.
type Input struct {
	Name      string   `json:"name"`
	Label     string   `json:"label"`
	Help      string   `json:"help"`
	Type      Type     `json:"type"`
	Options   []string `json:"options"`
	OnCard    bool     `json:"on_card"`
	Position  int      `json:"position"`
	Pipelines []int64  `json:"pipelines"`
}

// InputOf is the Input that gives back d: what an edit starts from.
func InputOf(d Def) Input {
	return Input{Name: d.Name, Label: d.Label, Help: d.Help, Type: d.Type, Options: slices.Clone(d.Options),
		OnCard: d.OnCard, Position: d.Position, Pipelines: slices.Clone(d.Pipelines)}
}

var namePattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`)

// check validates in on its own (the store checks pipelines and values)
// and returns it trimmed, options kept only for the choice types.
func (in Input) check() (Input, error) {
	var c domain.Check
	in.Name, in.Label, in.Help = strings.TrimSpace(in.Name), strings.TrimSpace(in.Label), strings.TrimSpace(in.Help)
	switch {
	case in.Name == "":
		c.Add("name", "is required: a lowercase key such as refund_amount")
	case !namePattern.MatchString(in.Name):
		c.Add("name", "must start with a letter and hold only a-z, 0-9 and _, at most 40 characters")
	case reserved[in.Name]:
		c.Add("name", fmt.Sprintf("%s is a ticket property of its own; choose another name", in.Name))
	}
	c.Line("label", in.Label)
	c.Require(in.Label != "", "label", "is required")
	c.Require(!domain.TooLong(in.Label, MaxLabel), "label", fmt.Sprintf("must be at most %d characters", MaxLabel))
	c.Line("help", in.Help)
	c.Require(!domain.TooLong(in.Help, MaxHelp), "help", fmt.Sprintf("must be at most %d characters", MaxHelp))
	c.Require(slices.Contains(Types, in.Type), "type",
		"must be one of text, long_text, number, date, choice, multi_choice, checkbox")
	if in.Type.HasOptions() {
		in.Options = checkOptions(&c, in.Options)
	} else {
		c.Require(len(in.Options) == 0, "options", "only choice and multi_choice fields have options")
		in.Options = []string{}
	}
	c.Require(in.Position >= 0 && in.Position <= 10_000, "position", "must be between 0 and 10000")
	in.Pipelines = uniqueIDs(in.Pipelines)
	return in, c.Err()
}

func checkOptions(c *domain.Check, options []string) []string {
	out := make([]string, 0, len(options))
	for i, o := range options {
		o = strings.TrimSpace(o)
		field := fmt.Sprintf("options[%d]", i)
		c.Line(field, o)
		switch {
		case o == "":
			c.Add(field, "must not be empty")
		case domain.TooLong(o, MaxOption):
			c.Add(field, fmt.Sprintf("must be at most %d characters", MaxOption))
		case slices.Contains(out, o):
			c.Add(field, fmt.Sprintf("%q is listed twice", o))
		}
		out = append(out, o)
	}
	c.Require(len(out) > 0, "options", "list at least one option")
	c.Require(len(out) <= MaxOptions, "options", fmt.Sprintf("at most %d options", MaxOptions))
	return out
}

func uniqueIDs(ids []int64) []int64 {
	out := []int64{}
	for _, id := range ids {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}
