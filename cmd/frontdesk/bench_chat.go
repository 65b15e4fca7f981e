package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/frontdesk/frontdesk/internal/bench"
)

// runBenchChat measures live chat on nodes it starts from this binary
// (docs/benchmarks.md): idle sockets' memory, and delivery times.
func runBenchChat(e *env, args []string) error {
	c := bench.Chat{Out: e.stdout}
	cfg, fs, err := loadConfig("bench chat", e, args, func(fs *flag.FlagSet) {
		fs.IntVar(&c.Idle, "idle", 10_000, "idle visitor sockets on the first node")
		fs.IntVar(&c.Active, "active", 1_000, "active chats for the delivery times")
		fs.IntVar(&c.Nodes, "nodes", 1, "nodes to start (2 needs PostgreSQL): visitors on the first, operators on the last")
		fs.DurationVar(&c.Every, "every", 5*time.Second, "how often each active visitor sends")
		fs.DurationVar(&c.Duration, "duration", 30*time.Second, "how long the active visitors send")
	})
	if err != nil {
		return err
	}
	if !flagSet(fs, "db") && os.Getenv("FRONTDESK_DB") == "" {
		cfg.DB = "./bench-data/chat.db"
		os.MkdirAll("./bench-data", 0o755)
	}
	if c.Exe, err = os.Executable(); err != nil {
		return err
	}
	c.DB, c.DataDir = cfg.DB, filepath.Join(filepath.Dir(cfg.DB), "chat-data")
	ctx := context.Background()
	s, err := open(ctx, cfg)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "frontdesk bench chat on %s, %d CPUs, %s: preparing %d chats\n", s.DB.Dialect, runtime.NumCPU(),
		runtime.Version(), c.Idle+c.Active)
	active, idle, cookies, err := c.Prepare(ctx, s)
	s.DB.Close() // the nodes own the database now
	if err != nil {
		return err
	}
	_, err = c.Run(ctx, active, idle, cookies)
	return err
}
