package chatbot

import (
	"fmt"
	"net/mail"
	"strings"
	"unicode"
)

// TalkToPerson is the choice every question adds: the visitor can always
// ask for an operator instead of answering.
const TalkToPerson = "Talk to a person"

// Run is a script's progress in one chat: the steps as they were when
// the chat started (editing the script changes no run under way), the
// step waiting for the visitor, and the answers given, by step index.
type Run struct {
	Steps   []Step         `json:"steps"`
	At      int            `json:"at"` // the step waiting for input, or the step whose action the caller does
	Answers map[int]string `json:"answers"`
	Done    bool           `json:"done"`
}

// Say is one message of the bot, with the answers it offers as buttons
// (a question's, then "Talk to a person").
type Say struct {
	Body    string
	Choices []Answer
}

// Action is what the caller must do for the run to go on.
type Action string

// The actions a run asks of the chat it runs in.
const (
	Wait         Action = ""              // wait for the visitor's next message
	DoForward    Action = "forward"       // hand the chat to routing; nobody there: call Next
	DoTicket     Action = "create_ticket" // open a ticket with the transcript and answers, then call Next
	Finished     Action = "finished"      // the script is over
	FollowedLink Action = "link"          // the visitor chose an answer with a link; the script is over
)

// Out is what a turn of the run produced.
type Out struct {
	Say    []Say
	Action Action
}

// NewRun starts a run of the script's steps.
func NewRun(steps []Step) *Run {
	return &Run{Steps: steps, At: -1, Answers: map[int]string{}}
}

// Start plays the first steps, up to one that waits or acts.
func (r *Run) Start() Out { return r.advance(Out{}) }

// Next goes on after the caller did the step's action (forward found
// nobody, the ticket is open).
func (r *Run) Next() Out { return r.advance(Out{}) }

// advance moves to the next step whose conditions hold and plays it,
// through text steps, until a step waits for the visitor or acts.
func (r *Run) advance(out Out) Out {
	for r.At++; r.At < len(r.Steps); r.At++ {
		s := r.Steps[r.At]
		if !r.applies(s) {
			continue
		}
		if s.Message != "" {
			out.Say = append(out.Say, r.prompt(s))
		}
		switch s.Type {
		case Text:
			continue
		case Forward:
			out.Action = DoForward
		case CreateTicket:
			out.Action = DoTicket
		}
		return out
	}
	r.Done = true
	out.Action = Finished
	return out
}

// applies: every "only if" answer was given.
func (r *Run) applies(s Step) bool {
	for _, c := range s.OnlyIf {
		if !strings.EqualFold(r.Answers[c.Step], c.Answer) {
			return false
		}
	}
	return true
}

func (r *Run) prompt(s Step) Say {
	say := Say{Body: s.Message}
	if s.Type == Question {
		say.Choices = append(append(say.Choices, s.Answers...), Answer{Label: TalkToPerson})
	}
	return say
}

// Input takes the visitor's message at the waiting step: an answer goes
// on to the next step; anything the step cannot take is asked again,
// with the question's choices and "Talk to a person", never a dead end.
func (r *Run) Input(text string) Out {
	if r.Done || r.At < 0 || r.At >= len(r.Steps) {
		return Out{Action: Finished}
	}
	text = strings.TrimSpace(text)
	s := r.Steps[r.At]
	if WantsPerson(text) {
		return Out{Action: DoForward}
	}
	switch s.Type {
	case Question:
		a, ok := s.choose(text)
		if !ok {
			again := r.prompt(s)
			again.Body = "Please choose one of the answers. " + again.Body
			return Out{Say: []Say{again}}
		}
		r.Answers[r.At] = a.Label
		if a.Link != "" {
			r.Done = true
			return Out{Say: []Say{{Body: a.Link}}, Action: FollowedLink}
		}
	case Email:
		if a, err := mail.ParseAddress(text); err != nil || a.Address != text {
			return Out{Say: []Say{{Body: "That does not look like an email address. Please type it again, like name@example.com."}}}
		}
		r.Answers[r.At] = text
	case Phone:
		if !strings.ContainsFunc(text, unicode.IsDigit) {
			return Out{Say: []Say{{Body: "Please type a phone number, with its digits."}}}
		}
		r.Answers[r.At] = text
	case FreeInput, FreeInputMulti:
		if text == "" {
			return Out{}
		}
		r.Answers[r.At] = text
	default:
		return Out{} // a step that takes no input: the visitor waits for it
	}
	return r.advance(Out{})
}

// choose finds the answer the visitor gave by its label, as its button
// sends it or as typed (in any case, without the final punctuation).
func (s Step) choose(text string) (Answer, bool) {
	text = strings.TrimRight(text, ".!?")
	for _, a := range s.Answers {
		if strings.EqualFold(text, a.Label) {
			return a, true
		}
	}
	return Answer{}, false
}

// Summary lists the answers, question by question, for a ticket's
// description and for the operator who takes the chat over.
func (r *Run) Summary() string {
	var b strings.Builder
	for i, s := range r.Steps {
		a, ok := r.Answers[i]
		if !ok {
			continue
		}
		fmt.Fprintf(&b, "%s: %s\n", or(s.Message, string(s.Type)), a)
	}
	return b.String()
}

// FieldAnswers are the answers of the steps that name a ticket field, by
// the field's name.
func (r *Run) FieldAnswers() map[string]string {
	out := map[string]string{}
	for i, s := range r.Steps {
		if a, ok := r.Answers[i]; ok && s.Field != "" {
			out[s.Field] = a
		}
	}
	return out
}

// Answer is the answer given at the first step of a type ("" when none):
// the email the visitor typed, say.
func (r *Run) Answer(t StepType) string {
	for i, s := range r.Steps {
		if a, ok := r.Answers[i]; ok && s.Type == t {
			return a
		}
	}
	return ""
}

func or(s, d string) string {
	if s == "" {
		return d
	}
	return s
}
