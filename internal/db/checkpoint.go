package db

import (
	"context"
	"database/sql"
	"sync"
	"time"
)

// SQLite copies the write-ahead log back into the database file at a
// checkpoint. Left to itself, the connection whose commit crosses the
// threshold does all that work inside its commit, and every write queued
// behind the one writer waits for tens of milliseconds of copying and
// syncing. So a connection of its own copies in the background (a passive
// checkpoint blocks neither the writer nor readers), and the writer's own
// checkpoint finds little left to do. The writer's is still needed: only a
// checkpoint that catches up with the last commit lets the log start over
// instead of growing, and only the writer can be sure to catch up.
type checkpointer struct {
	conn *sql.DB
	stop chan struct{}
	done sync.WaitGroup
	once sync.Once
}

// checkpointEvery is the pause between background checkpoints. Short, so
// that the writer's own checkpoint finds little left to copy: at 500 ms,
// mail intake wrote some 20 MB of log in between, and the writer's copy of
// it held up every sender (p99 to 250: 47-50 ms, against 36 at 100 ms).
// On an idle database a checkpoint finds nothing to do.
const checkpointEvery = 100 * time.Millisecond

func startCheckpointer(path string) (*checkpointer, error) {
	conn, err := sql.Open(sqliteDriver(), sqliteDSN(path, modeCheckpoint))
	if err != nil {
		return nil, err
	}
	conn.SetMaxOpenConns(1)
	c := &checkpointer{conn: conn, stop: make(chan struct{})}
	c.done.Add(1)
	go c.loop()
	return c, nil
}

func (c *checkpointer) loop() {
	defer c.done.Done()
	for {
		c.checkpoint()
		select {
		case <-c.stop:
			return
		case <-time.After(checkpointEvery):
		}
	}
}

// checkpoint runs one passive checkpoint; an error only means the next
// one copies more (SQLITE_BUSY is normal here).
func (c *checkpointer) checkpoint() {
	_, _ = c.conn.ExecContext(context.Background(), `PRAGMA wal_checkpoint(PASSIVE)`)
}

func (c *checkpointer) close() {
	c.once.Do(func() {
		close(c.stop)
		c.done.Wait()
		_ = c.conn.Close()
	})
}
