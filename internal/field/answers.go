package field

import (
	"context"
	"slices"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
)

// FromAnswers keeps, of answers given in text by field name (a chatbot's),
// those a new ticket of pipelineID can hold: the field exists, applies to
// the pipeline and takes the answer as given. An answer that does not
// fit (the field changed since the script was saved, or a long answer
// for a one-line field) is left out rather than refusing the ticket; it
// is in the ticket's description all the same.
func (s *Service) FromAnswers(ctx context.Context, q db.Querier, pipelineID int64, answers map[string]string) (map[string]any, error) {
	out := map[string]any{}
	if len(answers) == 0 {
		return out, nil
	}
	defs, err := list(ctx, q, "")
	if err != nil {
		return nil, err
	}
	for _, d := range defs {
		a, named := answers[d.Name]
		if !named || !d.AppliesTo(pipelineID) {
			continue
		}
		if _, msg := d.Canon(a); msg == "" {
			out[d.Name] = a
		}
	}
	return out, nil
}

// HoldsText reports whether the field can hold any answer of the given
// kind: free text of one line (long false) or several, or (options not
// nil) one of these labels. The message says why not.
func (d Def) HoldsText(long bool, options []string) string {
	switch {
	case options != nil && d.Type.HasOptions():
		for _, o := range options {
			if !slices.Contains(d.Options, o) {
				return "the answer “" + o + "” is not an option of the field " + d.Label
			}
		}
		return ""
	case d.Type == LongText, d.Type == Text && !long:
		return ""
	case d.Type == Text:
		return "the field " + d.Label + " holds one line; a long text field holds several"
	}
	return "the field " + d.Label + " is a " + strings.ReplaceAll(string(d.Type), "_", " ") +
		" field, which cannot hold this step's answers"
}
