package db

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
)

// In a batch gathered from the queue, the synced callers (mails whose
// sender waits for the 250) commit first, on their own, with the log
// synced; the others follow in their own shared commit, unsynced.
func TestSyncedCallersCommitFirst(t *testing.T) {
	d, err := Open(context.Background(), filepath.Join(t.TempDir(), "o.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var order []string
	req := func(name string, synced bool) writeReq {
		return writeReq{ctx: context.Background(), synced: synced, done: make(chan writeResult, 1),
			fn: func(tx *Tx) error {
				var mode int
				if err := tx.QueryRow(`PRAGMA synchronous`).Scan(&mode); err != nil {
					return err
				}
				order = append(order, name+map[int]string{1: "/normal", 2: "/full"}[mode])
				return nil
			}}
	}
	batch := []writeReq{req("filing1", false), req("mail1", true), req("filing2", false), req("mail2", true)}
	d.batch.runSyncedFirst(batch)
	for _, r := range batch {
		if res := <-r.done; res.err != nil {
			t.Fatal(res.err)
		}
	}
	want := []string{"mail1/full", "mail2/full", "filing1/normal", "filing2/normal"}
	if !slices.Equal(order, want) {
		t.Errorf("ran %v, want %v", order, want)
	}
}
