package report

import (
	"context"
	"fmt"
	"sync"

	"github.com/frontdesk/frontdesk/internal/db"
)

// A chat's wait and duration go to the chat slices (dim 'chat', val ”),
// a row per team and day, and one under team 0 for every team (a chat of
// no team is under team 0 alone): the chats report reads a row a day.
var chatSliceSQL sync.Map

// chatSlice adds s seconds to metric's histogram of the chat slices of
// team (and every team) on day, in place.
func (s *txSink) chatSlice(ctx context.Context, team int64, day, metric string, secs int64) error {
	id := fmt.Sprintf("%s/%v/%s", s.tx.Dialect, team != 0, metric)
	text, ok := chatSliceSQL.Load(id)
	if !ok {
		text = buildChatSlice(s.tx.Dialect, team != 0, metric)
		chatSliceSQL.Store(id, text)
	}
	args := []any{day, fmt.Sprint(bucketOf(secs)), secs}
	if team != 0 {
		args = append(args, team)
	}
	_, err := s.tx.ExecContext(ctx, text.(string), args...)
	return err
}

func buildChatSlice(d db.Dialect, withTeam bool, metric string) string {
	row := func(team string) string { return fmt.Sprintf("(%s, 'chat', '', $1, %s)", team, newBucket(d, 2, 3)) }
	values := row("0")
	if withTeam {
		values += ", " + row("$4")
	}
	return "INSERT INTO report_slices (team_id, dim, val, day, " + metric + ") VALUES " + values +
		" ON CONFLICT (team_id, dim, val, day) DO UPDATE SET " + metric + " = " + addToBucket(d, metric, 2, 3)
}

// chatSlice sums a chat duration into the chunk's chat slices.
func (s *sumSink) chatSlice(_ context.Context, team int64, day, metric string, secs int64) error {
	if s.slices == nil {
		s.slices = map[sliceKey]*sliceSum{}
	}
	teams := []int64{0}
	if team != 0 {
		teams = append(teams, team)
	}
	for _, t := range teams {
		k := sliceKey{team: t, dim: "chat", day: day}
		r := s.slices[k]
		if r == nil {
			r = &sliceSum{}
			s.slices[k] = r
		}
		r.addDuration(metricIndex(metric), secs)
	}
	return nil
}

// The chat histograms of team (0: every team) by day, for a report of
// every operator.
const chatSlices = `SELECT day, chat_wait, chat_duration FROM report_slices
	WHERE team_id = $3 AND dim = 'chat' AND val = '' AND day >= $1 AND day <= $2`

func (s *Service) chatSliceHistograms(ctx context.Context, from, to string, team int64, h histograms) error {
	rows, err := s.DB.Read.QueryContext(ctx, chatSlices, from, to, team)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var day string
		var wait, long []byte
		if err := rows.Scan(&day, &wait, &long); err != nil {
			return err
		}
		if err := h.addJSON(day, chatWait, wait); err != nil {
			return err
		}
		if err := h.addJSON(day, chatDuration, long); err != nil {
			return err
		}
	}
	return rows.Err()
}
