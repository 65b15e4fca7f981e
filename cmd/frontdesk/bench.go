package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/bench"
)

func runBench(e *env, args []string) error {
	var tickets, perTicket, samples, clients, due, rounds int
	var duration time.Duration
	var profile, only string
	cfg, fs, err := loadConfig("bench", e, args, func(fs *flag.FlagSet) {
		fs.IntVar(&tickets, "tickets", 1_000_000, "tickets in the benchmark database")
		fs.IntVar(&perTicket, "messages", 5, "messages per ticket")
		fs.IntVar(&samples, "samples", 1000, "timed runs per read operation")
		fs.IntVar(&clients, "clients", 8, "concurrent API clients for ticket creation")
		fs.DurationVar(&duration, "duration", 15*time.Second, "how long to create tickets through the API")
		fs.IntVar(&rounds, "rounds", 3, "create-sla, create-rules: runs of each mode, made in turns")
		fs.StringVar(&profile, "cpuprofile", "", "write a CPU profile of the measurements to this file")
		fs.IntVar(&due, "due", 100_000, "time-rules: timers due at once (every ticket gets one)")
		fs.StringVar(&only, "only", "", "comma-separated measurements to run (inbox, search, find, contact, create, create-sla, create-rules, time-rules, render, sla, reports); all when empty")
	})
	if err != nil {
		return err
	}
	if !flagSet(fs, "db") && os.Getenv("FRONTDESK_DB") == "" {
		cfg.DB = "./bench-data/bench.db"
	}
	app.TuneGC() // as serve runs
	ctx := context.Background()
	s, err := open(ctx, cfg)
	if err != nil {
		return err
	}
	defer s.DB.Close()
	fmt.Fprintf(e.stdout, "frontdesk bench on %s (%s), %d CPUs, %s\n", s.DB.Dialect, cfg.DB, runtime.NumCPU(), runtime.Version())
	g, err := bench.Seed(ctx, s, tickets, perTicket, e.stdout)
	if err != nil {
		return err
	}
	// The report roller runs as in serve: what a change queues is rolled
	// beside the measured work, whose cost then includes it.
	defer startReportRoller(ctx, s, newLogger(cfg, e.stderr))()
	if profile != "" {
		stopProfile, err := startProfile(profile)
		if err != nil {
			return err
		}
		defer stopProfile()
	}
	one := func(f func() (bench.Result, error)) func() ([]bench.Result, error) {
		return func() ([]bench.Result, error) { r, err := f(); return []bench.Result{r}, err }
	}
	steps := []struct {
		name string
		run  func() ([]bench.Result, error)
	}{
		{"inbox", one(func() (bench.Result, error) { return bench.InboxPage(ctx, s, g, samples) })},
		{"search", one(func() (bench.Result, error) { return bench.Search(ctx, s, g, samples) })},
		{"find", func() ([]bench.Result, error) { return bench.GlobalSearch(ctx, s, g, samples) }},
		{"contact", one(func() (bench.Result, error) { return bench.ContactByEmail(ctx, s, g, samples) })},
		{"create", one(func() (bench.Result, error) { return bench.CreateThroughput(ctx, s, g, clients, duration) })},
		{"create-sla", func() ([]bench.Result, error) {
			return bench.CreateSLAOverhead(ctx, s, g, clients, rounds, duration)
		}},
		{"create-rules", func() ([]bench.Result, error) {
			return bench.CreateRulesOverhead(ctx, s, g, clients, rounds, duration)
		}},
		{"time-rules", one(func() (bench.Result, error) { return bench.TimeRules(ctx, s, due) })},
		{"render", func() ([]bench.Result, error) { return bench.RenderPages(ctx, s, g, samples) }},
		{"sla", func() ([]bench.Result, error) { return bench.SLA(ctx, s, g, samples) }},
		{"reports", func() ([]bench.Result, error) { return bench.Reports(ctx, s, g, min(samples, 200)) }},
	}
	var results []bench.Result
	for _, step := range steps {
		if only != "" && !slices.Contains(strings.Split(only, ","), step.name) {
			continue
		}
		r, err := step.run()
		if err != nil {
			return err
		}
		results = append(results, r...)
	}
	bench.Print(e.stdout, results)
	return nil
}

func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

func startProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
