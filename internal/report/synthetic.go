package report

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
)

// Synthetic is a made-up history for benchmarks: Days days ending on
// End, PerDay tickets a day over Teams teams (ids 1 to Teams), the
// channels, four priorities and Operators operators (ids FirstOperator
// on), and ChatsPerDay chat sessions.
type Synthetic struct {
	Days, PerDay, Teams, Operators, ChatsPerDay int
	FirstOperator                               int64
	End                                         time.Time
}

// Synthesize writes syn into the record's roll-ups. Each ticket is
// created, answered twice (the first answer its first response, within
// two days), closed in four cases out of five (within a week), tagged
// one time in five, and has SLA targets; each fact goes through the
// record's own writer into a rebuild's summing sink, so the roll-ups are
// what the record would write (without report_events). Ten days go in
// one transaction. It answers the number of facts.
func (s *Service) Synthesize(ctx context.Context, syn Synthetic) (int, error) {
	rnd := rand.New(rand.NewPCG(1, 2))
	facts := 0
	start := syn.End.AddDate(0, 0, 1-syn.Days)
	for d := 0; d < syn.Days; d += 10 {
		err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
			if err := lockRoller(ctx, tx); err != nil {
				return err
			}
			sums := newSumSink()
			sums.skipEvents = true
			r := newRecorder(tx, sums)
			for team := range syn.Teams {
				r.zones[int64(team+1)] = time.UTC
			}
			for day := d; day < min(d+10, syn.Days); day++ {
				n, err := syn.day(ctx, r, rnd, start.AddDate(0, 0, day), int64(day*syn.PerDay))
				if err != nil {
					return err
				}
				facts += n
			}
			return sums.flush(ctx, tx, nil)
		})
		if err != nil {
			return facts, fmt.Errorf("synthesize day %d: %w", d, err)
		}
	}
	return facts, nil
}

var synthSLA = []string{`{"first_response":{"state":"met"},"resolution":{"state":"met"}}`,
	`{"first_response":{"state":"met"},"resolution":{"state":"breached"}}`,
	`{"first_response":{"state":"met_late"},"resolution":{"state":"met"}}`, ``}

// day writes one day's tickets and chats; first is the day's first
// ticket id less one.
func (syn Synthetic) day(ctx context.Context, r *recorder, rnd *rand.Rand, day time.Time, first int64) (int, error) {
	facts := 0
	for i := range int64(syn.PerDay) {
		id := first + i + 1
		k := key{team: rnd.Int64N(int64(syn.Teams)) + 1, channel: Channels[rnd.IntN(len(Channels))], priority: rnd.IntN(4)}
		if rnd.IntN(10) < 7 {
			k.operator = syn.FirstOperator + rnd.Int64N(int64(syn.Operators))
		}
		r.tags[id] = nil
		if rnd.IntN(5) == 0 {
			r.tags[id] = []string{fmt.Sprintf("tag%d", rnd.IntN(30))}
		}
		at := day.Add(time.Duration(rnd.Int64N(86400)) * time.Second)
		now := ticketNow{key: k, createdAt: at, isOpen: true, sla: synthSLA[rnd.IntN(len(synthSLA))],
			policyID: int64(rnd.IntN(3))}
		w := &writer{recorder: r, ctx: ctx, ticketID: id, at: at}
		if err := w.created(now); err != nil {
			return facts, err
		}
		st := state{key: k, isOpen: true, createdAt: at}
		var err error
		for range 2 {
			author := k.operator
			if author == 0 {
				author = syn.FirstOperator + rnd.Int64N(int64(syn.Operators))
			}
			w.at = w.at.Add(time.Duration(60+rnd.Int64N(86400)) * time.Second)
			if st, err = w.answered(st, now, author); err != nil {
				return facts, err
			}
		}
		facts += 3
		if rnd.IntN(5) < 4 {
			w.at = w.at.Add(time.Duration(60+rnd.Int64N(5*86400)) * time.Second)
			if err := w.closed(st, now); err != nil {
				return facts, err
			}
			facts++
		}
	}
	return facts + syn.ChatsPerDay, syn.chats(ctx, r, rnd, day)
}

var (
	synthChatDaysUpsert = newUpsert("report_chat_days", 3, "day", "team_id", "operator_id", "sessions", "answered",
		"missed", "messages", "duration_s", "rated", "satisfied")
	ratingDaysUpsert = newUpsert("report_rating_days", 5, "day", "team_id", "channel", "priority", "operator_id",
		"rated", "satisfied")
)

// chats writes a day's chat sessions (and as many ticket ratings).
func (syn Synthetic) chats(ctx context.Context, r *recorder, rnd *rand.Rand, day time.Time) error {
	date := day.Format(time.DateOnly)
	for range syn.ChatsPerDay {
		team, op := rnd.Int64N(int64(syn.Teams))+1, syn.FirstOperator+rnd.Int64N(int64(syn.Operators))
		wait, long := rnd.Int64N(300), 60+rnd.Int64N(3600)
		rated, satisfied := rnd.IntN(3)/2, rnd.IntN(2)
		if err := r.out.add(ctx, synthChatDaysUpsert, date, team, op, 1, 1, 0, 5+rnd.IntN(20), long, rated,
			rated*satisfied); err != nil {
			return err
		}
		for _, m := range []metricValue{{chatWait, wait}, {chatDuration, long}} {
			b := bucketOf(m.s)
			if err := r.out.add(ctx, durationsUpsert, date, team, "chat", 0, op, m.metric, b, 1, m.s); err != nil {
				return err
			}
			if err := r.out.chatSlice(ctx, team, date, m.metric, m.s); err != nil {
				return err
			}
		}
		if err := addOperatorDurations(ctx, r.out, team, op, date, []metricValue{{chatWait, wait}}); err != nil {
			return err
		}
		if err := r.out.add(ctx, ratingDaysUpsert, date, team, Channels[rnd.IntN(len(Channels))], rnd.IntN(4), op,
			rated, rated*satisfied); err != nil {
			return err
		}
	}
	return nil
}
