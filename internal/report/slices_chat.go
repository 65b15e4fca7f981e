package report

import (
	"context"
)

// A chat's wait and duration go to the chat slices (dim 'chat', val ''),
// a row per team and day, and one under team 0 for every team (a chat of
// no team is under team 0 alone): the chats report reads a row a day.

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
