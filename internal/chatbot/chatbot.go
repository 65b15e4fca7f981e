// Package chatbot holds chatbot scripts (docs/chat.md, "Chatbots"): an
// ordered list of steps a bot walks a visitor through in a chat before,
// or instead of, an operator. It owns the scripts' SQL and the rules of
// a script; the run of a script inside a chat is in run.go.
package chatbot

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/field"
)

// StepType is what a step does.
type StepType string

// The step types (Odoo's, with create_ticket for the helpdesk).
const (
	Text           StepType = "text"             // a message; the next step follows
	Question       StepType = "question"         // the visitor picks one of the answers
	Email          StepType = "email"            // the visitor types an email address (checked)
	Phone          StepType = "phone"            // the visitor types a phone number
	FreeInput      StepType = "free_input"       // one line of text
	FreeInputMulti StepType = "free_input_multi" // several lines
	Forward        StepType = "forward"          // hand the chat to an operator; nobody there: go on
	CreateTicket   StepType = "create_ticket"    // a ticket on the channel's team with the transcript and answers
)

// TakesAnswer reports whether a step of the type waits for an answer.
func (t StepType) TakesAnswer() bool {
	switch t {
	case Question, Email, Phone, FreeInput, FreeInputMulti:
		return true
	}
	return false
}

// Script is a named chatbot script.
type Script struct {
	ID        int64     `json:"id"`
	Name      string    `json:"name"`
	Steps     []Step    `json:"steps"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Step is one step of a script. OnlyIf lists answers of earlier
// questions that must all have been given for the step to run. Field
// names a custom ticket field the step's answer is stored in when the
// chat becomes a ticket ("" for none).
type Step struct {
	Type    StepType    `json:"type"`
	Message string      `json:"message"`
	Answers []Answer    `json:"answers"`
	OnlyIf  []Condition `json:"only_if"`
	Field   string      `json:"field"`
}

// Answer is one choice of a question; a link opens instead of going on.
type Answer struct {
	Label string `json:"label"`
	Link  string `json:"link,omitempty"`
}

// Condition names an answer (by its label) of an earlier step (by its
// index in the script).
type Condition struct {
	Step   int    `json:"step"`
	Answer string `json:"answer"`
}

// Limits of a script: what one settings page and one chat window hold.
const (
	MaxSteps   = 50
	MaxAnswers = 12
	MaxName    = 80   // characters of a script's name
	MaxLabel   = 80   // characters of an answer's label: it is a button
	MaxMessage = 2000 // characters of a step's message
	MaxLink    = 2000
)

// Input is a script to create or replace.
type Input struct {
	Name  string `json:"name"`
	Steps []Step `json:"steps"`
}

// validate checks a script field by field, with the API's field names
// ("steps.2.only_if.0.step"), so each message lands on its input. defs
// are the custom ticket fields, for the steps that name one.
func (in *Input) validate(defs []field.Def) error {
	c := &domain.Check{}
	in.Name = strings.TrimSpace(in.Name)
	c.Require(in.Name != "", "name", "is required")
	c.Require(len([]rune(in.Name)) <= MaxName, "name", fmt.Sprintf("must be at most %d characters", MaxName))
	c.Require(len(in.Steps) > 0, "steps", "a script needs at least one step")
	c.Require(len(in.Steps) <= MaxSteps, "steps", fmt.Sprintf("must be at most %d steps", MaxSteps))
	for i := range in.Steps {
		in.Steps[i].validate(c, i, in.Steps)
		in.Steps[i].validateField(c, fmt.Sprintf("steps.%d.field", i), defs)
	}
	return c.Err()
}

// validateField checks that the field the step names exists and can
// hold every answer the step takes.
func (s *Step) validateField(c *domain.Check, name string, defs []field.Def) {
	s.Field = strings.TrimSpace(s.Field)
	if s.Field == "" {
		return
	}
	i := slices.IndexFunc(defs, func(d field.Def) bool { return d.Name == s.Field })
	if i < 0 {
		c.Add(name, fmt.Sprintf("there is no ticket field %q", s.Field))
		return
	}
	if !s.Type.TakesAnswer() {
		c.Add(name, "this step takes no answer to store")
		return
	}
	var labels []string // nil: typed answers
	if s.Type == Question {
		labels = []string{}
		for _, a := range s.Answers {
			labels = append(labels, a.Label)
		}
	}
	if msg := defs[i].HoldsText(s.Type == FreeInputMulti, labels); msg != "" {
		c.Add(name, msg)
	}
}

func (s *Step) validate(c *domain.Check, i int, all []Step) {
	f := func(name string) string { return fmt.Sprintf("steps.%d.%s", i, name) }
	s.Message = strings.TrimSpace(s.Message)
	switch s.Type {
	case Text, Question, Email, Phone, FreeInput, FreeInputMulti, Forward, CreateTicket:
	default:
		c.Add(f("type"), "must be text, question, email, phone, free_input, free_input_multi, forward or create_ticket")
	}
	c.Require(s.Message != "" || s.Type == Forward || s.Type == CreateTicket, f("message"), "is required")
	c.Require(len([]rune(s.Message)) <= MaxMessage, f("message"), "must be at most 2,000 characters")
	s.validateAnswers(c, f)
	if s.OnlyIf == nil {
		s.OnlyIf = []Condition{}
	}
	for j, cond := range s.OnlyIf {
		field := f(fmt.Sprintf("only_if.%d", j))
		switch {
		case cond.Step == i:
			c.Add(field+".step", "a step cannot depend on itself")
		case cond.Step > i:
			c.Add(field+".step", "must name an earlier step: a step may depend only on answers given before it")
		case cond.Step < 0:
			c.Add(field+".step", "must name a step of this script")
		case all[cond.Step].Type != Question:
			c.Add(field+".step", fmt.Sprintf("step %d is not a question", cond.Step+1))
		case !all[cond.Step].hasAnswer(cond.Answer):
			c.Add(field+".answer", fmt.Sprintf("is not an answer of step %d", cond.Step+1))
		}
	}
}

func (s *Step) validateAnswers(c *domain.Check, f func(string) string) {
	if s.Type != Question {
		s.Answers = []Answer{}
		return
	}
	c.Require(len(s.Answers) > 0, f("answers"), "a question needs at least one answer")
	c.Require(len(s.Answers) <= MaxAnswers, f("answers"), fmt.Sprintf("must be at most %d answers", MaxAnswers))
	seen := map[string]bool{}
	for j := range s.Answers {
		a := &s.Answers[j]
		a.Label, a.Link = strings.TrimSpace(a.Label), strings.TrimSpace(a.Link)
		field := f(fmt.Sprintf("answers.%d", j))
		c.Require(a.Label != "", field+".label", "is required")
		c.Require(len([]rune(a.Label)) <= MaxLabel, field+".label", fmt.Sprintf("must be at most %d characters", MaxLabel))
		c.Require(!seen[strings.ToLower(a.Label)], field+".label", "is already an answer of this question")
		// Typed, such a label would be read as asking for a person; every
		// question offers "Talk to a person" already.
		c.Require(!WantsPerson(a.Label), field+".label",
			fmt.Sprintf("“%s” reads as a request for a person, which every question offers already as “%s”", a.Label, TalkToPerson))
		c.Require(len(a.Link) <= MaxLink, field+".link", "must be at most 2,000 characters")
		seen[strings.ToLower(a.Label)] = true
		c.Require(a.Link == "" || strings.HasPrefix(a.Link, "https://") || strings.HasPrefix(a.Link, "http://"),
			field+".link", "must be an http:// or https:// address")
	}
}

func (s Step) hasAnswer(label string) bool {
	for _, a := range s.Answers {
		if strings.EqualFold(a.Label, label) {
			return true
		}
	}
	return false
}
