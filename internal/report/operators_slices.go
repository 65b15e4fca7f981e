package report

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
)

// The operators' counts and first responses of a period from their
// slices (dim 'operator'): a row per operator and day, for a filter
// without channel or priority. The operators are listed, so the read is
// one range of the key per operator (the day follows the operator in the
// key: without them it would read every day of every operator).
var operatorSlices = map[bool][2]string{
	false: operatorSlicesSQL(firstResponseWall), true: operatorSlicesSQL(firstResponseBusiness)}

func operatorSlicesSQL(frt string) [2]string {
	q := fmt.Sprintf(`SELECT val, assigned, answers, closed, %s FROM report_slices
		WHERE team_id = $1 AND dim = 'operator' AND day >= $2 AND day <= $3`, frt)
	return [2]string{q + " AND val IN (SELECT CAST(id AS TEXT) FROM operators)", q + " AND val = $4"}
}

// operatorsFromSlices adds team's operators' counts and first response
// histograms over the period to rows and hist.
func (s *Service) operatorsFromSlices(ctx context.Context, f Filter, team int64, rows map[int64]*OperatorRow,
	hist map[int64]map[int]*bin) error {
	from, to := f.dates()
	q, args := operatorSlices[f.Business][0], []any{team, from, to}
	if f.Operator != 0 {
		q, args = operatorSlices[f.Business][1], append(args, strconv.FormatInt(f.Operator, 10))
	}
	res, err := s.DB.Read.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer res.Close()
	for res.Next() {
		var val string
		var assigned, answers, closed int
		var frt sql.RawBytes
		if err := res.Scan(&val, &assigned, &answers, &closed, &frt); err != nil {
			return err
		}
		id, err := strconv.ParseInt(val, 10, 64)
		if err != nil {
			return fmt.Errorf("operator slice %q: %w", val, err)
		}
		r := rowOf(rows, id)
		r.Assigned += assigned
		r.Answers += answers
		r.Closed += closed
		if hist[id] == nil {
			hist[id] = map[int]*bin{}
		}
		if err := eachBucket(frt, func(bucket int, n, total int64) { addBin(hist[id], bucket, n, total) }); err != nil {
			return err
		}
	}
	return res.Err()
}
