// Package demo fills a database with realistic demo data: the teams,
// operators, companies and customers of "Brightloop", a made-up maker of
// smart thermostats, and a few hundred tickets with conversations that read
// like real support work. Everything goes through the domain services, so
// contact linking, history and the search index behave as for real data.
//
// Every address is under a reserved domain (.example, example.com), so no
// demo mail can reach a real person.
package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/team"
)

// Defaults of Options.
const (
	DefaultPassword = "frontdesk-demo"
	DefaultTickets  = 300
	DefaultContacts = 100
	DefaultDays     = 60
	DefaultDomain   = "brightloop.example"
)

// Options shape the demo data; zero fields take the defaults.
type Options struct {
	Seed     uint64    // the same seed gives the same data
	Tickets  int       // tickets to create (raised to what covers every status)
	Contacts int       // customers created up front; intake adds a few more
	Days     int       // tickets are spread over this many past days
	Password string    // password of every demo operator
	Domain   string    // mail domain of the demo operators
	Now      time.Time // the end of the spread; time.Now by default
}

func (o Options) withDefaults() Options {
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Tickets <= 0 {
		o.Tickets = DefaultTickets
	}
	if o.Contacts <= 0 {
		o.Contacts = DefaultContacts
	}
	if o.Days <= 0 {
		o.Days = DefaultDays
	}
	if o.Password == "" {
		o.Password = DefaultPassword
	}
	if o.Domain == "" {
		o.Domain = DefaultDomain
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	return o
}

// Summary says what Fill made or reused.
type Summary struct {
	Teams     []team.Ref
	Operators []operator.Operator // the demo operators, who sign in with Password
	Password  string
	Companies int
	Contacts  int // customers behind the demo: made up front or by intake
	Tickets   int // tickets created by this run
	Messages  int // thread entries created by this run, descriptions included
	Reopened  int // tickets a customer reply reopened
}

// Fill adds demo data through the domain services, so every rule (contact
// linking, history, search index) applies. Operators, teams, pipelines,
// companies and contacts that exist already are reused; each run adds its
// tickets.
func Fill(ctx context.Context, s *app.Services, opts Options) (Summary, error) {
	opts = opts.withDefaults()
	f := &filler{s: s, opts: opts, rng: rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x5eed_f00d))}
	f.sum.Password = opts.Password
	steps := []struct {
		what string
		run  func(context.Context) error
	}{
		{"operators", f.ensureOperators},
		{"teams", f.ensureTeams},
		{"companies", f.ensureCompanies},
		{"contacts", f.ensureContacts},
		{"tickets", f.createTickets},
	}
	for _, st := range steps {
		if err := st.run(ctx); err != nil {
			return f.sum, fmt.Errorf("demo %s: %w", st.what, err)
		}
	}
	return f.sum, nil
}

// filler carries one run's state: what exists so far and the random source.
type filler struct {
	s        *app.Services
	opts     Options
	rng      *rand.Rand
	sum      Summary
	staff    map[string]operator.Operator // by staff key
	teams    []*demoTeam
	people   []*person // customers made up front
	taken    map[string]bool
	contacts map[int64]bool // every contact the demo's tickets use
}

// demoTeam is a team with what the tickets need from it.
type demoTeam struct {
	team.Team
	spec     teamSpec
	pipeline pipeline.Pipeline
	members  []operator.Operator
}

// chance reports true with probability p.
func (f *filler) chance(p float64) bool { return f.rng.Float64() < p }

// pick returns a random element of list.
func pick[T any](rng *rand.Rand, list []T) T { return list[rng.IntN(len(list))] }
