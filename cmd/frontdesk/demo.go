package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/demo"
)

func runDemo(e *env, args []string) error {
	var opts demo.Options
	var force bool
	cfg, _, err := loadConfig("demo", e, args, func(fs *flag.FlagSet) {
		fs.BoolVar(&force, "force", false, "add demo data even though the database already holds tickets")
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
	if err := refuseRealTickets(ctx, s.DB, force); err != nil {
		return err
	}
	sum, err := demo.Fill(ctx, s, opts)
	if err != nil {
		return err
	}
	printDemo(e, sum, cfg.BaseURL, time.Since(start))
	return nil
}

// refuseRealTickets stops demo data from mixing into a database that
// already holds tickets (someone's real ones, most likely) unless forced.
func refuseRealTickets(ctx context.Context, d *db.DB, force bool) error {
	var any bool
	if err := d.Read.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM tickets)`).Scan(&any); err != nil || !any || force {
		return err
	}
	return errors.New("the database already holds tickets; demo data would mix with them " +
		"(use an empty database, or add --force to add it anyway)")
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
