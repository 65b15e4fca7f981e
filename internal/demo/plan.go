package demo

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// role is what a status means for the shape of a thread.
type role int

const (
	roleNew      role = iota // nobody has answered yet
	roleWorking              // an operator is on it
	roleWaiting              // the ball is with the customer
	roleResolved             // done
	roleDeclined             // closed without a fix: won't fix, lost
)

// roleOf reads a status's role from its kind, place and name.
func roleOf(p pipeline.Pipeline, st pipeline.Status) role {
	name := strings.ToLower(st.Name)
	has := func(words ...string) bool {
		return slices.ContainsFunc(words, func(w string) bool { return strings.Contains(name, w) })
	}
	switch {
	case st.Kind == pipeline.Closed && has("won't", "wont", "lost", "not ", "declin", "reject", "spam"):
		return roleDeclined
	case st.Kind == pipeline.Closed:
		return roleResolved
	case st.ID == p.FirstOpen().ID:
		return roleNew
	case has("wait", "pending", "hold", "sent"):
		return roleWaiting
	}
	return roleWorking
}

// plan is one ticket to create, decided before anything is written.
type plan struct {
	team          *demoTeam
	topic         *topic
	created       time.Time
	status        pipeline.Status
	role          role
	priority      int
	startPriority int // priority at creation; the final update raises it
	channel       ticket.Channel
	customer      *person
	assignee      *operator.Operator
	assignLate    bool // created unassigned, taken in the final update
	reopened      bool
	tags          []string
}

// roleWeights weigh each role by the ticket's age: recent tickets are
// mostly open, old ones mostly closed.
var roleWeights = [3][5]float64{
	{3, 3, 2, 2, 0.3},   // the newest tenth of the span
	{0.4, 2, 2, 5, 0.7}, // up to a third
	{0.1, 0.5, 0.6, 8, 1},
}

var allChannels = []ticket.Channel{ticket.Email, ticket.WebForm, ticket.Widget, ticket.Chat, ticket.Manual, ticket.API}

// channelShare weighs the channels in the order of allChannels.
var channelShare = []float64{35, 15, 15, 12, 8, 15}

// plans decides every ticket of the run, oldest first, so that each
// status, priority and channel occurs at least once.
func (f *filler) plans() []*plan {
	n := f.opts.Tickets
	var floor int
	for _, t := range f.teams {
		floor += len(t.pipeline.Statuses) + 1
	}
	n = max(n, floor)
	times := f.times(n)
	teams := f.teamDeck(n)
	out := make([]*plan, n)
	for i := range out {
		out[i] = f.newPlan(teams[i], times[i])
	}
	f.cover(out)
	for _, p := range out {
		f.finish(p)
	}
	showcase(out)
	return out
}

// showcase makes sure the rare cases appear at least once: a ticket that a
// customer reopened, and an unassigned one.
func showcase(plans []*plan) {
	has := func(cond func(p *plan) bool) bool { return slices.ContainsFunc(plans, cond) }
	first := func(r role) int { return slices.IndexFunc(plans, func(p *plan) bool { return p.role == r }) }
	if i := first(roleWorking); !has(func(p *plan) bool { return p.reopened }) && i >= 0 {
		plans[i].reopened = true
	}
	if i := first(roleNew); !has(func(p *plan) bool { return p.assignee == nil }) && i >= 0 {
		plans[i].assignee, plans[i].assignLate = nil, false
	}
}

// times spreads n creation times over the span, oldest first.
func (f *filler) times(n int) []time.Time {
	span := time.Duration(f.opts.Days)*24*time.Hour - 15*time.Minute
	start := f.opts.Now.Add(-span)
	out := make([]time.Time, n)
	for i := range out {
		out[i] = start.Add(time.Duration(f.rng.Int64N(int64(span))))
	}
	slices.SortFunc(out, func(a, b time.Time) int { return a.Compare(b) })
	return out
}

// teamDeck gives each team enough tickets for all its statuses, and shares
// the rest by the teams' weights.
func (f *filler) teamDeck(n int) []*demoTeam {
	var deck []*demoTeam
	weights := make([]float64, len(f.teams))
	for i, t := range f.teams {
		for range len(t.pipeline.Statuses) + 1 {
			deck = append(deck, t)
		}
		weights[i] = float64(t.spec.weight)
	}
	for len(deck) < n {
		deck = append(deck, f.teams[weighted(f.rng, weights)])
	}
	f.rng.Shuffle(len(deck), func(i, j int) { deck[i], deck[j] = deck[j], deck[i] })
	return deck
}

func (f *filler) newPlan(t *demoTeam, created time.Time) *plan {
	p := &plan{team: t, created: created, topic: pick(f.rng, topicsFor(t.spec.slug))}
	span := float64(time.Duration(f.opts.Days) * 24 * time.Hour)
	p.status = f.pickStatus(t.pipeline, float64(f.opts.Now.Sub(created))/span)
	p.priority = f.pickPriority(p.topic.priority)
	p.channel = allChannels[weighted(f.rng, channelWeights(t))]
	p.customer = f.pickCustomer()
	return p
}

func (f *filler) pickStatus(p pipeline.Pipeline, age float64) pipeline.Status {
	band := 0
	if age > 0.1 {
		band = 1
	}
	if age > 0.35 {
		band = 2
	}
	weights := make([]float64, len(p.Statuses))
	for i, st := range p.Statuses {
		weights[i] = roleWeights[band][roleOf(p, st)]
	}
	return p.Statuses[weighted(f.rng, weights)]
}

// pickPriority stays near the topic's usual priority.
func (f *filler) pickPriority(base int) int {
	r := f.rng.Float64()
	switch {
	case r < 0.5:
	case r < 0.7:
		base++
	case r < 0.85:
		base--
	default:
		base = f.rng.IntN(ticket.MaxPriority + 1)
	}
	return min(max(base, 0), ticket.MaxPriority)
}

// pickCustomer favours some regulars; a few tickets come from new people,
// whom intake turns into contacts.
func (f *filler) pickCustomer() *person {
	if f.chance(0.12) || len(f.people) == 0 {
		return f.newPerson()
	}
	i := int(float64(len(f.people)) * math.Pow(f.rng.Float64(), 1.7))
	return f.people[i]
}

// channelWeights weighs the channels team t has switched on.
func channelWeights(t *demoTeam) []float64 {
	w := make([]float64, len(allChannels))
	for i, c := range allChannels {
		if takes(t, c) {
			w[i] = channelShare[i]
		}
	}
	return w
}

// takes reports whether customers can reach team t on channel c; operators
// and the API can open tickets for any team.
func takes(t *demoTeam, c ticket.Channel) bool {
	switch c {
	case ticket.Email:
		return t.Channels.Email
	case ticket.WebForm:
		return t.Channels.Form
	case ticket.Widget:
		return t.Channels.Widget
	case ticket.Chat:
		return t.Channels.LiveChat
	}
	return true
}

// weighted returns an index drawn in proportion to weights.
func weighted(rng *rand.Rand, weights []float64) int {
	var total float64
	for _, w := range weights {
		total += w
	}
	r := rng.Float64() * total
	for i, w := range weights {
		if r < w {
			return i
		}
		r -= w
	}
	return len(weights) - 1
}
