package form

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/frontdesk/frontdesk/internal/domain"
)

// Limits of a form.
const (
	MaxFields   = 40
	MaxLabel    = 200
	MaxText     = 1000 // description and default value
	MaxOptions  = 100
	MaxOptionSz = 200
)

// Honeypot is the name of the public form's trap for bots, a field
// people never see; no real field may take it.
const Honeypot = "website"

var namePattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,31}$`)

// types says which input types each target accepts; the first is the
// one a new field of that target gets.
var types = map[Target][]Type{
	FirstName:   {Text},
	LastName:    {Text},
	Email:       {EmailIn},
	Phone:       {PhoneIn, Text},
	Subject:     {Text},
	Description: {Textarea, Text},
	Priority:    {Select},
	Extra:       {Text, EmailIn, PhoneIn, URL, Textarea, Select, Checkbox, File},
}

// Normalize trims what was typed and fills what the target decides: a
// priority field always offers the four levels, only a choice list keeps
// options.
func Normalize(fields []Field) []Field {
	out := make([]Field, len(fields))
	for i, f := range fields {
		f.Name = strings.TrimSpace(f.Name)
		f.Label = strings.TrimSpace(f.Label)
		f.Description = strings.TrimSpace(f.Description)
		f.Placeholder = strings.TrimSpace(f.Placeholder)
		f.Default = strings.TrimSpace(f.Default)
		f.ShowIf = strings.TrimSpace(f.ShowIf)
		if ts := types[f.Target]; len(ts) == 1 {
			f.Type = ts[0] // the only input that can fill it
		}
		switch {
		case f.Target == Priority:
			f.Options = slices.Clone(PriorityOptions)
		case f.Type != Select:
			f.Options = nil
		}
		out[i] = f
	}
	return out
}

// Validate checks fields as a whole form, keying each message by the
// field's place: "fields[2].label". Rules that concern the whole form are
// under "fields".
func Validate(fields []Field) error {
	c := &domain.Check{}
	c.Require(len(fields) <= MaxFields, "fields", fmt.Sprintf("a form has at most %d fields", MaxFields))
	seenTarget := map[Target]int{}
	seenName := map[string]bool{}
	for i, f := range fields {
		p := fmt.Sprintf("fields[%d].", i)
		checkField(c, p, f)
		if _, custom := f.Target.CustomName(); custom || f.Target != Extra && types[f.Target] != nil {
			if _, dup := seenTarget[f.Target]; dup {
				c.Add(p+"target", "another field already fills this")
			}
			seenTarget[f.Target] = i
		}
		c.Require(!seenName[f.Name], p+"name", "another field has this name")
		checkShowIf(c, p, f, fields[:i])
		seenName[f.Name] = true
	}
	i, ok := seenTarget[Email]
	c.Require(ok, "fields", "the form needs a contact email field, so the team can answer")
	if ok {
		e := fields[i]
		c.Require(e.Required && e.ShowIf == "", fmt.Sprintf("fields[%d].required", i),
			"the contact email must be required and always shown, so the team can answer")
	}
	return c.Err()
}

func checkField(c *domain.Check, p string, f Field) {
	c.Require(namePattern.MatchString(f.Name), p+"name", "must be a lower-case letter then letters, digits or _ (at most 32)")
	c.Require(f.Name != Honeypot, p+"name", "is reserved")
	allowed, ok := types[f.Target]
	_, custom := f.Target.CustomName()
	c.Require(ok || custom, p+"target", "is not something a field can fill")
	if ok {
		c.Require(slices.Contains(allowed, f.Type), p+"type", "this input type cannot fill "+targetLabel(f.Target))
	}
	c.Line(p+"label", f.Label)
	c.Text(p+"description", f.Description)
	c.Line(p+"placeholder", f.Placeholder)
	c.Text(p+"default", f.Default)
	c.Require(f.Label != "", p+"label", "is required")
	c.Require(!domain.TooLong(f.Label, MaxLabel), p+"label", fmt.Sprintf("must be at most %d characters", MaxLabel))
	c.Require(!domain.TooLong(f.Description, MaxText), p+"description", fmt.Sprintf("must be at most %d characters", MaxText))
	c.Require(!domain.TooLong(f.Placeholder, MaxLabel), p+"placeholder", fmt.Sprintf("must be at most %d characters", MaxLabel))
	c.Require(!domain.TooLong(f.Default, MaxText), p+"default", fmt.Sprintf("must be at most %d characters", MaxText))
	if f.Type == Select {
		c.Require(len(f.Options) > 0, p+"options", "a choice list needs at least one option")
		c.Require(len(f.Options) <= MaxOptions, p+"options", fmt.Sprintf("at most %d options", MaxOptions))
		for _, o := range f.Options {
			c.Line(p+"options", o)
			c.Require(!domain.TooLong(o, MaxOptionSz), p+"options", fmt.Sprintf("each option at most %d characters", MaxOptionSz))
		}
		c.Require(f.Default == "" || slices.Contains(f.Options, f.Default), p+"default", "must be one of the options")
	}
	if f.Type == File || f.Type == Checkbox {
		c.Require(f.Default == "" || f.Type == Checkbox, p+"default", "a file field has no default")
	}
}

// checkShowIf lets a field depend only on a field above it, so the rules
// cannot loop and the customer sees the cause before the effect.
func checkShowIf(c *domain.Check, p string, f Field, before []Field) {
	if f.ShowIf == "" {
		return
	}
	i := slices.IndexFunc(before, func(b Field) bool { return b.Name == f.ShowIf })
	if i < 0 {
		c.Add(p+"show_if", "must name a field above this one")
		return
	}
	c.Require(before[i].Type != File, p+"show_if", "cannot depend on a file field")
}

func targetLabel(t Target) string {
	for _, c := range Targets {
		if c.Value == string(t) {
			return strings.ToLower(c.Label)
		}
	}
	return string(t)
}

// TypeFor is the input type a new field of target t gets.
func TypeFor(t Target) Type {
	if ts := types[t]; len(ts) > 0 {
		return ts[0]
	}
	return Text
}
