package main

import (
	"context"
	"flag"
	"fmt"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/frontdesk/frontdesk/internal/demo"
)

func runDemo(e *env, args []string) error {
	var opts demo.Options
	cfg, _, err := loadConfig("demo", e, args, func(fs *flag.FlagSet) {
		fs.StringVar(&opts.Password, "password", demo.DefaultPassword, "password of the demo operators (at least 10 characters)")
		fs.IntVar(&opts.Tickets, "tickets", demo.DefaultTickets, "how many tickets to add")
		fs.Uint64Var(&opts.Seed, "seed", 1, "random seed: the same seed gives the same data")
	})
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	start := time.Now()
	s, err := open(ctx, cfg)
	if err != nil {
		return err
	}
	defer s.DB.Close()
	sum, err := demo.Fill(ctx, s, opts)
	if err != nil {
		return err
	}
	printDemo(e, sum, cfg.BaseURL, time.Since(start))
	return nil
}

func printDemo(e *env, sum demo.Summary, baseURL string, took time.Duration) {
	names := make([]string, len(sum.Teams))
	for i, t := range sum.Teams {
		names[i] = t.Name
	}
	w := e.stdout
	fmt.Fprintf(w, "Added demo data in %.1fs:\n", took.Seconds())
	fmt.Fprintf(w, "  %d teams (%s), %d operators, %d companies, %d contacts\n",
		len(sum.Teams), strings.Join(names, ", "), len(sum.Operators), sum.Companies, sum.Contacts)
	fmt.Fprintf(w, "  %d tickets with %d messages (%d reopened by a customer reply)\n\n",
		sum.Tickets, sum.Messages, sum.Reopened)
	fmt.Fprintf(w, "Sign in at %s with password %q as any of:\n", baseURL, sum.Password)
	for _, op := range sum.Operators {
		fmt.Fprintf(w, "  %-28s %-6s %s\n", op.Email, op.Role, op.Name)
	}
	if len(sum.Operators) > 0 {
		fmt.Fprintf(w, "\nAPI token: %s token create --email %s\n", invokedAs(e.arg0), sum.Operators[0].Email)
	}
}
