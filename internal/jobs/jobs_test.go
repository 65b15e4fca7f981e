package jobs_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/jobs"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func enqueue(t *testing.T, d *db.DB, ref int64) {
	t.Helper()
	err := d.WithTx(context.Background(), func(tx *db.Tx) error {
		return jobs.Enqueue(context.Background(), tx, "test", ref, db.Now())
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestClaimLeaseRetry(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		enqueue(t, d, 7)
		enqueue(t, d, 7) // the same work twice is one job
		j, ok, err := jobs.Claim(ctx, d, "test", time.Hour)
		if err != nil || !ok || j.RefID != 7 || j.Attempts != 1 {
			t.Fatalf("claim = %+v %v %v", j, ok, err)
		}
		if _, ok, _ := jobs.Claim(ctx, d, "test", time.Hour); ok {
			t.Fatal("a leased job (or a duplicate) was claimed again")
		}
		if err := jobs.Retry(ctx, d, j.ID, -time.Second, errors.New("disk on fire")); err != nil {
			t.Fatal(err)
		}
		j, ok, _ = jobs.Claim(ctx, d, "test", time.Hour)
		if !ok || j.Attempts != 2 || j.LastError != "disk on fire" {
			t.Fatalf("retried job = %+v %v", j, ok)
		}
		// A worker that died: the lease ran out, the job comes back.
		if _, err := d.Write.ExecContext(ctx, `UPDATE jobs SET run_at = $1`, db.Now().Add(-time.Second)); err != nil {
			t.Fatal(err)
		}
		if j, ok, _ = jobs.Claim(ctx, d, "test", time.Hour); !ok || j.Attempts != 3 {
			t.Fatalf("expired lease: %+v %v", j, ok)
		}
	})
}

func TestWorkerRunsEachJobOnceAndGivesUp(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		for i := int64(1); i <= 50; i++ {
			enqueue(t, d, i)
		}
		var mu sync.Mutex
		seen := map[int64]int{}
		var gaveUp []int64
		w := &jobs.Worker{DB: d, Kind: "test", Concurrency: 4, Poll: 10 * time.Millisecond, MaxAttempts: 1,
			Handle: func(ctx context.Context, j jobs.Job) error {
				mu.Lock()
				defer mu.Unlock()
				seen[j.RefID]++
				if j.RefID == 13 {
					return errors.New("unlucky")
				}
				return nil
			},
			GiveUp: func(ctx context.Context, j jobs.Job, cause error) error {
				mu.Lock()
				defer mu.Unlock()
				gaveUp = append(gaveUp, j.RefID)
				return nil
			}}
		go w.Run(ctx)
		deadline := time.Now().Add(20 * time.Second)
		for {
			var n int
			if err := d.Read.QueryRowContext(ctx, `SELECT COUNT(*) FROM jobs`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n == 0 || time.Now().After(deadline) {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		cancel()
		mu.Lock()
		defer mu.Unlock()
		for i := int64(1); i <= 50; i++ {
			if seen[i] != 1 {
				t.Errorf("job %d ran %d times", i, seen[i])
			}
		}
		if len(gaveUp) != 1 || gaveUp[0] != 13 {
			t.Errorf("gave up on %v, want [13]", gaveUp)
		}
	})
}

func TestReleaseLeasesAfterCrash(t *testing.T) {
	d := testutil.NewSQLite(t)
	ctx := context.Background()
	enqueue(t, d, 1)
	enqueue(t, d, 2)
	if _, ok, _ := jobs.Claim(ctx, d, "test", time.Hour); !ok { // then the process dies
		t.Fatal("no job claimed")
	}
	j, _, _ := jobs.Claim(ctx, d, "test", time.Hour)
	if err := jobs.Retry(ctx, d, j.ID, time.Hour, errors.New("later")); err != nil {
		t.Fatal(err)
	}
	if err := jobs.ReleaseLeases(ctx, d); err != nil {
		t.Fatal(err)
	}
	got, ok, _ := jobs.Claim(ctx, d, "test", time.Hour)
	if !ok || got.RefID != 1 {
		t.Errorf("after release: %+v %v, want the leased job 1 back", got, ok)
	}
	if _, ok, _ := jobs.Claim(ctx, d, "test", time.Hour); ok {
		t.Error("a job waiting out its backoff was released too")
	}
}

// A job deleted by its work (DoneFor) while a new one is enqueued: ending
// the old job by id must not end the new one.
func TestDoneNeverEndsANewerJob(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		enqueue(t, d, 1)
		j, _, _ := jobs.Claim(ctx, d, "test", time.Hour)
		err := d.WithTx(ctx, func(tx *db.Tx) error { return jobs.DoneFor(ctx, tx, "test", 1) })
		if err != nil {
			t.Fatal(err)
		}
		enqueue(t, d, 2)
		if err := d.WithTx(ctx, func(tx *db.Tx) error { return jobs.Done(ctx, tx, j.ID) }); err != nil {
			t.Fatal(err)
		}
		if next, ok, _ := jobs.Claim(ctx, d, "test", time.Hour); !ok || next.RefID != 2 {
			t.Errorf("the new job is gone: %+v %v", next, ok)
		}
	})
}
