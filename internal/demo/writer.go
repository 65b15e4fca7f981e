package demo

import (
	"math/rand/v2"
	"strings"

	"github.com/frontdesk/frontdesk/internal/ticket"
)

// writer composes the texts of one ticket: a body from the topic, framed
// by a greeting and a sign-off that suit the channel and the speaker.
type writer struct {
	rng        *rand.Rand
	p          *plan
	vals       []string
	used       map[string]bool
	lastAsk    int // index of the topic's question asked last; -1 for none
	lastReopen int // the same for the customer's reopening
}

func newWriter(rng *rand.Rand, p *plan) *writer {
	return &writer{rng: rng, p: p, vals: values(rng, p), used: map[string]bool{}, lastAsk: -1, lastReopen: -1}
}

// fill replaces the placeholders; agent and colleague are operators' first names.
func (w *writer) fill(text, agent, colleague string) string {
	pairs := append(w.vals[:len(w.vals):len(w.vals)], "{agent}", agent, "{colleague}", colleague)
	return strings.NewReplacer(pairs...).Replace(text)
}

// body picks a text for pt that this ticket has not used yet: the
// topic's own, then a generic one, and only then a repeat.
func (w *writer) body(pt part) string {
	own := w.p.topic.pool(pt)
	switch pt {
	case partInfo:
		own = answers(w.p.topic.asks, w.lastAsk, w.p.topic.infos)
	case partRefix:
		own = answers(w.p.topic.reopens, w.lastReopen, w.p.topic.refixes)
	}
	i, ok := w.fresh(own)
	switch pt {
	case partAsk:
		w.lastAsk = index(i, ok) // a generic question gets a generic answer
	case partReopen:
		w.lastReopen = index(i, ok)
	}
	if ok {
		return own[i]
	}
	generic := genericPools[pt]
	if i, ok := w.fresh(generic); ok {
		return generic[i]
	}
	if len(own) > 0 {
		return pick(w.rng, own)
	}
	return pick(w.rng, generic)
}

// answers returns the texts that answer questions[last]: replies[j]
// answers questions[j % len(questions)]. None when last is -1, a
// generic question.
func answers(questions []string, last int, replies []string) []string {
	var out []string
	for j, s := range replies {
		if last >= 0 && j%len(questions) == last {
			out = append(out, s)
		}
	}
	return out
}

func index(i int, ok bool) int {
	if ok {
		return i
	}
	return -1
}

// fresh returns the index of an unused text of list.
func (w *writer) fresh(list []string) (int, bool) {
	if len(list) == 0 {
		return 0, false
	}
	start := w.rng.IntN(len(list))
	for i := range list {
		j := (start + i) % len(list)
		if !w.used[list[j]] {
			w.used[list[j]] = true
			return j, true
		}
	}
	return 0, false
}

func (w *writer) subject() string {
	return w.fill(pick(w.rng, w.p.topic.subjects), "", "")
}

// live reports whether the channel is a chat-like one, where nobody
// writes greetings and signatures.
func (w *writer) live() bool {
	return w.p.channel == ticket.Chat || w.p.channel == ticket.Widget
}

// customer writes what the customer says; agent is the operator they
// talk to, "" when nobody has answered.
func (w *writer) customer(pt part, agent string) string {
	body := w.body(pt)
	if w.live() {
		return w.fill(body, agent, "")
	}
	if pt == partOpening {
		text := frame(pick(w.rng, customerGreetings), body, pick(w.rng, customerSignoffs))
		if w.p.channel == ticket.API {
			text = body + "\n\n--\nSent from the Brightloop app {version} on {device} ({os})"
		}
		return w.fill(text, agent, "")
	}
	greetings := followGreetings
	if agent == "" {
		greetings = followGreetings[2:] // the ones without a name
	}
	return w.fill(frame(pick(w.rng, greetings), body, pick(w.rng, followSignoffs)), agent, "")
}

// reply writes a public answer by the operator called agent.
func (w *writer) reply(pt part, agent string) string {
	body := w.body(pt)
	if w.live() {
		return w.fill(frame(pick(w.rng, []string{"Hi {first}!", ""}), body, ""), agent, "")
	}
	return w.fill(frame(pick(w.rng, replyGreetings), body, pick(w.rng, replySignoffs)), agent, "")
}

// note writes an internal note by agent, who may address colleague.
func (w *writer) note(agent, colleague string) string {
	return w.fill(w.body(partNote), agent, colleague)
}

// frame joins the non-empty blocks of a message with blank lines.
func frame(blocks ...string) string {
	var out []string
	for _, b := range blocks {
		if b != "" {
			out = append(out, b)
		}
	}
	return strings.Join(out, "\n\n")
}
