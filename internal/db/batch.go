package db

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"
)

// SQLite has one writer, and a commit costs more than most of the work
// inside it (WAL frames for every touched page, the full-text segment
// flush). So write transactions that arrive while another is running are
// committed together, and every caller hears back only after the commit
// that made its work durable. When any of them fails, the shared
// transaction is rolled back and each runs again in a transaction of its
// own, so a caller sees exactly the semantics of its own transaction.
// (Savepoints per caller would do the same, but each savepoint makes FTS5
// flush its pending index segment, which costs more than the batch saves.)
type batcher struct {
	d      *DB
	synced bool // the writer runs with synchronous=FULL
	reqs   chan writeReq
	closed chan struct{}
	start  sync.Once
	stop   sync.Once
}

func newBatcher(d *DB) *batcher {
	return &batcher{d: d, reqs: make(chan writeReq), closed: make(chan struct{})}
}

type writeReq struct {
	ctx    context.Context
	fn     func(tx *Tx) error
	synced bool // the commit must reach the disk before the caller hears
	done   chan writeResult
}

type writeResult struct {
	err   error
	panic any
}

// maxBatch bounds how many transactions share one commit.
const maxBatch = 64

var errClosed = errors.New("database is closed")

func (b *batcher) submit(ctx context.Context, fn func(tx *Tx) error, synced bool) error {
	b.start.Do(func() { go b.loop() })
	req := writeReq{ctx: ctx, fn: fn, synced: synced, done: make(chan writeResult, 1)}
	select {
	case b.reqs <- req:
	case <-b.closed:
		return errClosed
	case <-ctx.Done():
		return ctx.Err()
	}
	res := <-req.done
	if res.panic != nil {
		panic(res.panic)
	}
	return res.err
}

// close makes later writes fail with errClosed; a batch under way finishes.
func (b *batcher) close() {
	b.stop.Do(func() { close(b.closed) })
}

func (b *batcher) loop() {
	for {
		var batch []writeReq
		select {
		case first := <-b.reqs:
			batch = append(batch, first)
		case <-b.closed:
			return
		}
		// Let callers that are about to submit reach the queue first, so
		// that this commit serves them too.
		runtime.Gosched()
	collect:
		for len(batch) < maxBatch {
			select {
			case r := <-b.reqs:
				batch = append(batch, r)
			default:
				break collect
			}
		}
		b.runSyncedFirst(batch)
	}
}

// runSyncedFirst commits the synced callers of batch before the others:
// they are mails whose sender waits for the 250, and their transactions
// are small, while the others may be mails being filed, each with its
// ticket and search words.
func (b *batcher) runSyncedFirst(batch []writeReq) {
	var synced, others []writeReq
	for _, r := range batch {
		if r.synced {
			synced = append(synced, r)
		} else {
			others = append(others, r)
		}
	}
	if len(synced) == 0 || len(others) == 0 {
		b.run(batch)
		return
	}
	b.run(synced)
	b.run(others)
}

func (b *batcher) run(batch []writeReq) {
	if err := b.sync(slices.ContainsFunc(batch, func(r writeReq) bool { return r.synced })); err != nil {
		for _, r := range batch {
			r.done <- writeResult{err: err}
		}
		return
	}
	if len(batch) > 1 && b.runTogether(batch) {
		return
	}
	for _, r := range batch {
		r.done <- b.runAlone(r)
	}
}

// sync makes the writer's commits wait for the disk (synchronous=FULL:
// the log is synced at each commit) while a batch holds a synced caller,
// and go back to syncing only at checkpoints after. One sync serves the
// whole batch. FULL is set before every synced batch, not only when the
// batcher last set NORMAL: should the writer's connection be replaced, the
// new one starts at NORMAL.
func (b *batcher) sync(on bool) error {
	if !on && !b.synced {
		return nil
	}
	mode := map[bool]string{true: "FULL", false: "NORMAL"}[on]
	if _, err := b.d.Write.Exec("PRAGMA synchronous = " + mode); err != nil {
		return fmt.Errorf("set synchronous %s: %w", mode, err)
	}
	b.synced = on
	return nil
}

// runTogether commits the whole batch at once; it reports false, having
// rolled everything back, when any caller's work failed.
func (b *batcher) runTogether(batch []writeReq) bool {
	err := b.d.runTx(context.Background(), func(tx *Tx) error {
		for _, r := range batch {
			if res := call(tx, r); res.err != nil || res.panic != nil {
				return errRetryAlone
			}
		}
		return nil // runTx runs every caller's deferred work before the commit
	})
	if err != nil {
		return false
	}
	for _, r := range batch {
		r.done <- writeResult{}
	}
	return true
}

var errRetryAlone = errors.New("a batched transaction failed")

func (b *batcher) runAlone(r writeReq) writeResult {
	var res writeResult
	err := b.d.runTx(r.ctx, func(tx *Tx) error {
		res = call(tx, r)
		if res.panic != nil {
			return fmt.Errorf("panic: %v", res.panic)
		}
		return res.err
	})
	if res.err == nil && res.panic == nil {
		res.err = err
	}
	return res
}

// call runs one caller's work, catching a panic so it can be re-raised in
// the caller's goroutine.
func call(tx *Tx, r writeReq) (res writeResult) {
	if err := r.ctx.Err(); err != nil {
		return writeResult{err: err}
	}
	defer func() {
		if p := recover(); p != nil {
			res.panic = p
		}
	}()
	return writeResult{err: r.fn(tx)}
}
