package ui

import (
	"context"
	"encoding/json"
	"slices"
	"strings"

	"github.com/frontdesk/frontdesk/internal/field"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// Cell is one custom field's value as a list row or a board card shows it.
type Cell struct{ Label, Text string }

// maxColumns bounds the custom field columns of the inbox: a row has
// room for a few values, not for a spreadsheet.
const maxColumns = 3

// withCells adds the values of defs to rows (made from items, in order).
func withCells(rows []TicketRow, items []ticket.Ticket, defs []field.Def) {
	if len(defs) == 0 {
		return
	}
	for i, t := range items {
		for _, d := range defs {
			rows[i].Cells = append(rows[i].Cells, Cell{Label: d.Label, Text: typedText(t.Custom[d.Name])})
		}
	}
}

// typedText words a typed value (field.Def.Typed): lists joined, a
// ticked box "Yes", nothing for unset or unticked.
func typedText(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case json.Number:
		return v.String()
	case []string:
		return strings.Join(v, ", ")
	case bool:
		if v {
			return "Yes"
		}
	}
	return ""
}

// columnDefs are the fields the inbox URL names as columns (col=name),
// in the order named, at most maxColumns.
func columnDefs(defs []field.Def, names []string) []field.Def {
	var out []field.Def
	for _, n := range names {
		i := slices.IndexFunc(defs, func(d field.Def) bool { return d.Name == n })
		if i >= 0 && len(out) < maxColumns {
			out = append(out, defs[i])
		}
	}
	return out
}

// onCard are the fields marked to show on board cards.
func onCard(defs []field.Def) []field.Def {
	var out []field.Def
	for _, d := range defs {
		if d.OnCard {
			out = append(out, d)
		}
	}
	return out
}

// customMatches reads the field=name:value filters of the inbox URL; the
// first unusable one is the error the page shows.
func (u *UI) customMatches(ctx context.Context, filters []string) ([]field.Match, error) {
	var out []field.Match
	for _, f := range filters {
		m, err := u.s.Fields.ParseMatch(ctx, "field", f)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

// FieldFilters are the filter bar's custom field controls.
type FieldFilters struct {
	Choices []OptGroup // "Return reason: Refund", "VIP: yes" as name:value
	Texts   []Option   // text, number and date fields for "equals"
	Text    string     // the value typed for the chosen text field
	Columns []Option   // every field, ticked when shown as a column
	Hidden  []string   // other field filters of the URL, kept as they are
}

// OptGroup is a labelled group of options in a select.
type OptGroup struct {
	Label   string
	Options []Option
}

// fieldFilters fills the controls for q: one select of every choice and
// checkbox value, one "field equals text" pair, and the column boxes.
func fieldFilters(defs []field.Def, q inboxQuery) FieldFilters {
	var f FieldFilters
	used := map[string]bool{}
	for _, d := range defs {
		f.Columns = append(f.Columns, Option{Value: d.Name, Label: d.Label, Selected: slices.Contains(q.Cols, d.Name)})
		switch d.Type {
		case field.Choice, field.MultiChoice, field.Checkbox:
			g := OptGroup{Label: d.Label}
			values := d.Options
			if d.Type == field.Checkbox {
				values = []string{"true", "false"}
			}
			for _, o := range values {
				v := d.Name + ":" + o
				sel := !used["choice"] && slices.Contains(q.Fields, v)
				used["choice"], used[v] = used["choice"] || sel, used[v] || sel
				g.Options = append(g.Options, Option{Value: v, Label: d.Label + ": " + checkWord(d, o), Selected: sel})
			}
			f.Choices = append(f.Choices, g)
		default:
			f.Texts = append(f.Texts, Option{Value: d.Name, Label: d.Label})
		}
	}
	f.markText(q.Fields, used)
	for _, v := range q.Fields {
		if !used[v] {
			f.Hidden = append(f.Hidden, v)
		}
	}
	return f
}

// markText selects the first text filter of the URL in the "equals" pair.
func (f *FieldFilters) markText(filters []string, used map[string]bool) {
	for _, v := range filters {
		name, text, _ := strings.Cut(v, ":")
		for i := range f.Texts {
			if f.Texts[i].Value == name && f.Text == "" && !used[v] {
				f.Texts[i].Selected, f.Text, used[v] = true, text, true
			}
		}
	}
}

func checkWord(d field.Def, o string) string {
	if d.Type != field.Checkbox {
		return o
	}
	if o == "true" {
		return "ticked"
	}
	return "not ticked"
}

// appliesTo keeps the fields of pipeline id.
func appliesTo(defs []field.Def, id int64) []field.Def {
	var out []field.Def
	for _, d := range defs {
		if d.AppliesTo(id) {
			out = append(out, d)
		}
	}
	return out
}
