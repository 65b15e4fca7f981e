package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/frontdesk/frontdesk/internal/mail/inbound"
)

// runMailImport takes one raw mail in as if received (a pipe from a mail
// server, a saved .eml) and processes it at once. A mail that cannot be
// filed is still stored and waits in the failed-mail list, so the command
// succeeds: the mail is not lost and the sender need not retry.
func runMailImport(e *env, args []string) error {
	var teamRef string
	cfg, fs, err := loadConfig("mail import", e, args, func(fs *flag.FlagSet) {
		fs.StringVar(&teamRef, "team", "", "team id or slug (default: from the recipient alias)")
	})
	if err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("usage: frontdesk mail import [--team SLUG] FILE (or - for standard input)")
	}
	raw, err := readMail(e, fs.Arg(0))
	if err != nil {
		return err
	}
	ctx := context.Background()
	s, err := open(ctx, cfg)
	if err != nil {
		return err
	}
	defer s.DB.Close()
	a, err := s.Mail.Accept(ctx, raw, inbound.Source{Kind: inbound.SourceImport, Team: teamRef})
	if err != nil {
		return err
	}
	res, err := s.Mail.Process(ctx, a.ID)
	if err != nil {
		return fmt.Errorf("raw mail %d is stored; processing will be retried by frontdesk serve: %w", a.ID, err)
	}
	fmt.Fprintln(e.stdout, describeResult(res))
	return nil
}

func readMail(e *env, name string) ([]byte, error) {
	var raw []byte
	var err error
	if name == "-" {
		raw, err = io.ReadAll(e.stdin)
	} else {
		raw, err = os.ReadFile(name)
	}
	if err != nil {
		return nil, fmt.Errorf("read mail: %w", err)
	}
	return raw, nil
}

// describeResult is the one line the import prints.
func describeResult(r inbound.Result) string {
	switch {
	case r.Status == inbound.StatusProcessed && r.New:
		return fmt.Sprintf("ticket #%d: new", r.Number)
	case r.Status == inbound.StatusProcessed:
		return fmt.Sprintf("ticket #%d: threaded", r.Number)
	default:
		return fmt.Sprintf("%s (raw mail %d): %s", r.Status, r.RawID, r.Reason)
	}
}
