package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/frontdesk/frontdesk/internal/bench"
)

func runBench(e *env, args []string) error {
	var tickets, perTicket, samples, clients int
	var duration time.Duration
	var profile string
	cfg, fs, err := loadConfig("bench", e, args, func(fs *flag.FlagSet) {
		fs.IntVar(&tickets, "tickets", 1_000_000, "tickets in the benchmark database")
		fs.IntVar(&perTicket, "messages", 5, "messages per ticket")
		fs.IntVar(&samples, "samples", 1000, "timed runs per read operation")
		fs.IntVar(&clients, "clients", 8, "concurrent API clients for ticket creation")
		fs.DurationVar(&duration, "duration", 15*time.Second, "how long to create tickets through the API")
		fs.StringVar(&profile, "cpuprofile", "", "write a CPU profile of the measurements to this file")
	})
	if err != nil {
		return err
	}
	if !flagSet(fs, "db") && os.Getenv("FRONTDESK_DB") == "" {
		cfg.DB = "./bench-data/bench.db"
	}
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
	if profile != "" {
		stopProfile, err := startProfile(profile)
		if err != nil {
			return err
		}
		defer stopProfile()
	}
	var results []bench.Result
	steps := []func() (bench.Result, error){
		func() (bench.Result, error) { return bench.InboxPage(ctx, s, g, samples) },
		func() (bench.Result, error) { return bench.Search(ctx, s, g, samples) },
		func() (bench.Result, error) { return bench.ContactByEmail(ctx, s, g, samples) },
		func() (bench.Result, error) { return bench.CreateThroughput(ctx, s, g, clients, duration) },
	}
	for _, step := range steps {
		r, err := step()
		if err != nil {
			return err
		}
		results = append(results, r)
	}
	pages, err := bench.RenderPages(ctx, s, g, samples)
	if err != nil {
		return err
	}
	results = append(results, pages...)
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
