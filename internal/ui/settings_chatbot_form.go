package ui

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/chatbot"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// StepRow is one chatbot step as its inputs hold it. Answers are one per
// line ("Label" or "Label | https://link"); OnlyIf is "1: Sales, 2: Yes"
// with steps numbered from 1 as the page shows them.
type StepRow struct {
	Type, Message, Answers, OnlyIf string
	Field                          string // the ticket field the answer fills
	N                              int
	Last                           bool
}

// StepTypes are the step types in the order the select lists them.
var StepTypes = []struct{ Value, Label string }{
	{"text", "Text"}, {"question", "Question with answers"}, {"email", "Email address"}, {"phone", "Phone number"},
	{"free_input", "Free input (one line)"}, {"free_input_multi", "Free input (several lines)"},
	{"forward", "Forward to an operator"}, {"create_ticket", "Create a ticket"},
}

// ChatbotForm is the script editor's form.
type ChatbotForm struct {
	Name  string
	Steps []StepRow
}

func chatbotForm(sc chatbot.Script) ChatbotForm {
	f := ChatbotForm{Name: sc.Name}
	for _, s := range sc.Steps {
		row := StepRow{Type: string(s.Type), Message: s.Message, Field: s.Field}
		var answers, conds []string
		for _, a := range s.Answers {
			if a.Link != "" {
				a.Label += " | " + a.Link
			}
			answers = append(answers, a.Label)
		}
		for _, c := range s.OnlyIf {
			conds = append(conds, fmt.Sprintf("%d: %s", c.Step+1, c.Answer))
		}
		row.Answers = strings.Join(answers, "\n")
		row.OnlyIf = strings.Join(conds, ", ")
		f.Steps = append(f.Steps, row)
	}
	f.Steps = numberedSteps(f.Steps)
	return f
}

func chatbotFormFrom(v url.Values) ChatbotForm {
	f := ChatbotForm{Name: strings.TrimSpace(v.Get("name"))}
	n, _ := strconv.Atoi(v.Get("n"))
	for i := 0; i < n && i <= chatbot.MaxSteps; i++ {
		k := func(name string) string { return v.Get(name + "_" + strconv.Itoa(i)) }
		f.Steps = append(f.Steps, StepRow{Type: k("type"), Message: strings.TrimSpace(k("message")),
			Answers: strings.TrimSpace(k("answers")), OnlyIf: strings.TrimSpace(k("onlyif")), Field: k("field")})
	}
	f.Steps = numberedSteps(f.Steps)
	return f
}

func numberedSteps(rows []StepRow) []StepRow {
	for i := range rows {
		rows[i].N, rows[i].Last = i+1, i == len(rows)-1
	}
	return rows
}

// edit applies an add, move or remove button; false means Save.
func (f *ChatbotForm) edit(op string) bool {
	verb, arg, _ := strings.Cut(op, "-")
	i, err := strconv.Atoi(arg)
	ok := err == nil && i >= 0 && i < len(f.Steps)
	switch {
	case verb == "add":
		f.Steps = append(f.Steps, StepRow{Type: string(chatbot.Text)})
	case verb == "up" && ok && i > 0:
		f.Steps[i-1], f.Steps[i] = f.Steps[i], f.Steps[i-1]
	case verb == "down" && ok && i < len(f.Steps)-1:
		f.Steps[i+1], f.Steps[i] = f.Steps[i], f.Steps[i+1]
	case verb == "remove" && ok:
		f.Steps = append(f.Steps[:i], f.Steps[i+1:]...)
	case verb == "up" || verb == "down" || verb == "remove":
	default:
		return false
	}
	f.Steps = numberedSteps(f.Steps)
	return true
}

// input turns the form into a script; an "only if" the page cannot read
// is refused here, on its field.
func (f ChatbotForm) input() (chatbot.Input, error) {
	c := &domain.Check{}
	in := chatbot.Input{Name: f.Name, Steps: []chatbot.Step{}}
	for i, row := range f.Steps {
		s := chatbot.Step{Type: chatbot.StepType(row.Type), Message: row.Message, Field: row.Field}
		for _, line := range strings.Split(row.Answers, "\n") {
			if label, link, _ := strings.Cut(line, "|"); strings.TrimSpace(line) != "" {
				s.Answers = append(s.Answers, chatbot.Answer{Label: strings.TrimSpace(label), Link: strings.TrimSpace(link)})
			}
		}
		for _, part := range strings.Split(row.OnlyIf, ",") {
			if strings.TrimSpace(part) == "" {
				continue
			}
			num, answer, found := strings.Cut(part, ":")
			n, err := strconv.Atoi(strings.TrimSpace(num))
			if !found || err != nil {
				c.Add(fmt.Sprintf("steps.%d.only_if", i), "write each condition as step number: answer, like 1: Sales")
				continue
			}
			s.OnlyIf = append(s.OnlyIf, chatbot.Condition{Step: n - 1, Answer: strings.TrimSpace(answer)})
		}
		in.Steps = append(in.Steps, s)
	}
	return in, c.Err()
}

// stepErrors puts the script's field errors on the editor's inputs: an
// answer's or a condition's message goes on its step's box.
func stepErrors(fields map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range fields {
		parts := strings.SplitN(k, ".", 4)
		if len(parts) >= 3 && parts[0] == "steps" {
			if n, err := strconv.Atoi(parts[1]); err == nil && len(parts) == 4 {
				v = fmt.Sprintf("%s %s: %s", strings.ReplaceAll(parts[2], "_", " "), itemNumber(parts[3]), v)
				if parts[2] == "only_if" {
					v = "condition " + itemNumber(parts[3]) + ": " + fields[k]
				}
				k = fmt.Sprintf("steps.%d.%s", n, parts[2])
			}
		}
		if _, taken := out[k]; !taken {
			out[k] = sentenceCase(v)
		}
	}
	return out
}

// itemNumber turns "0.label" into "1".
func itemNumber(s string) string {
	i, _, _ := strings.Cut(s, ".")
	n, err := strconv.Atoi(i)
	if err != nil {
		return s
	}
	return strconv.Itoa(n + 1)
}
