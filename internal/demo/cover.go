package demo

import (
	"math/rand/v2"
	"slices"

	"github.com/frontdesk/frontdesk/internal/ticket"
)

// cover makes every priority and channel occur among the plans, and every
// status of each team's pipeline among that team's plans.
func (f *filler) cover(plans []*plan) {
	all := make([]int, len(plans))
	for i := range all {
		all[i] = i
	}
	coverValues(f.rng, all, []int{0, 1, 2, 3},
		func(i int) int { return plans[i].priority }, func(i, v int) { plans[i].priority = v }, nil)
	coverValues(f.rng, all, allChannels,
		func(i int) ticket.Channel { return plans[i].channel }, func(i int, v ticket.Channel) { plans[i].channel = v },
		func(i int, v ticket.Channel) bool { return takes(plans[i].team, v) })
	for _, t := range f.teams {
		var idx []int
		for i, p := range plans {
			if p.team == t {
				idx = append(idx, i)
			}
		}
		// Statuses compare by id: they hold their required properties.
		ids := make([]int64, len(t.pipeline.Statuses))
		for i, st := range t.pipeline.Statuses {
			ids[i] = st.ID
		}
		coverValues(f.rng, idx, ids, func(i int) int64 { return plans[i].status.ID },
			func(i int, v int64) { plans[i].status, _ = t.pipeline.StatusByID(v) }, nil)
	}
}

// coverValues rewrites random entries among idx so each of values occurs,
// taking only entries whose value occurs more than once and, unless ok is
// nil, that may take the value.
func coverValues[T comparable](rng *rand.Rand, idx []int, values []T, get func(int) T, set func(int, T),
	ok func(int, T) bool) {
	count := map[T]int{}
	for _, i := range idx {
		count[get(i)]++
	}
	for _, v := range values {
		if count[v] > 0 {
			continue
		}
		for _, j := range rng.Perm(len(idx)) {
			if old := get(idx[j]); count[old] > 1 && (ok == nil || ok(idx[j], v)) {
				count[old]--
				set(idx[j], v)
				count[v]++
				break
			}
		}
	}
}

var extraTags = []string{"vip", "escalated", "known-issue", "docs", "churn-risk", "follow-up"}

// finish decides what depends on the final status: who works the ticket,
// whether it was reopened on the way, and its tags.
func (f *filler) finish(p *plan) {
	p.role = roleOf(p.team.pipeline, p.status)
	p.startPriority = p.priority
	if p.priority >= 2 && f.chance(0.15) {
		p.startPriority = p.priority - 1 // escalated later
	}
	assigned := f.chance(0.85)
	if p.role == roleNew {
		assigned = f.chance(0.35)
	}
	if assigned {
		op := pick(f.rng, p.team.members)
		p.assignee = &op
		p.assignLate = p.role != roleNew && f.chance(0.25)
	}
	reopenChance := map[role]float64{roleNew: 0.08, roleWorking: 0.12, roleWaiting: 0.12, roleResolved: 0.08}
	p.reopened = f.chance(reopenChance[p.role])
	p.tags = f.tags(p)
}

func (f *filler) tags(p *plan) []string {
	tags := []string{p.topic.tags[0]}
	for _, t := range p.topic.tags[1:] {
		if f.chance(0.6) {
			tags = append(tags, t)
		}
	}
	if p.customer.company != "" && f.chance(0.25) {
		tags = append(tags, "b2b")
	}
	if f.chance(0.12) {
		if t := pick(f.rng, extraTags); !slices.Contains(tags, t) {
			tags = append(tags, t)
		}
	}
	return tags
}
