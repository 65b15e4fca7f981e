package demo

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/team"
)

// Every text the demo can write must come out with its placeholders
// filled: a stray {order} in a demo thread looks broken.
func TestEveryTextFillsItsPlaceholders(t *testing.T) {
	left := regexp.MustCompile(`\{[a-z0-9]+\}`)
	p := &plan{team: &demoTeam{Team: team.Team{Name: "Support"}}, created: time.Now(),
		customer: &person{first: "Ada", last: "O'Connor", email: "ada@example.com", company: "Kestrel Logistics"}}
	w := newWriter(rand.New(rand.NewPCG(1, 2)), p)
	texts := slices.Concat(customerGreetings, customerSignoffs, followGreetings, followSignoffs, replyGreetings,
		replySignoffs, genericNotes)
	for _, pool := range genericPools {
		texts = append(texts, pool...)
	}
	for _, tp := range allTopics {
		texts = slices.Concat(texts, tp.subjects, tp.openings, tp.asks, tp.infos, tp.updates, tp.notes,
			tp.resolves, tp.declines, tp.reopens, tp.refixes)
	}
	for _, text := range texts {
		if out := w.fill(text, "Maya", "Jonas"); left.MatchString(out) {
			t.Errorf("placeholder left in %q", out)
		}
	}
}

// Each topic belongs to a demo team, can start a thread and end it well,
// with a refusal of its own where the team's pipeline can refuse (Won't
// fix, Lost); when it asks questions, every question has an answer
// (infos[j] answers asks[j % len(asks)]).
func TestTopicsAreComplete(t *testing.T) {
	teams, refuses := map[string]bool{}, map[string]bool{}
	for _, spec := range teamSpecs {
		teams[spec.slug] = true
		refuses[spec.slug] = spec.pipeline != ""
		if len(topicsFor(spec.slug)) == 0 {
			t.Errorf("team %s has no topics", spec.slug)
		}
	}
	for _, tp := range allTopics {
		name := tp.subjects[0]
		if !teams[tp.team] || len(tp.openings) == 0 || len(tp.tags) == 0 || tp.priority > 3 {
			t.Errorf("topic %q: team %q, %d openings, tags %v", name, tp.team, len(tp.openings), tp.tags)
		}
		if len(tp.resolves) == 0 || refuses[tp.team] && len(tp.declines) == 0 {
			t.Errorf("topic %q: %d solutions, %d refusals", name, len(tp.resolves), len(tp.declines))
		}
		if len(tp.asks) > 0 && len(tp.infos) < len(tp.asks) || len(tp.reopens) != len(tp.refixes) {
			t.Errorf("topic %q: %d questions for %d answers, %d reopenings for %d fixes", name,
				len(tp.asks), len(tp.infos), len(tp.reopens), len(tp.refixes))
		}
	}
}
