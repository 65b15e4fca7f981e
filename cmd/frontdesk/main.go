// Command frontdesk runs the Frontdesk helpdesk and its tools.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/frontdesk/frontdesk/internal/config"
	"github.com/frontdesk/frontdesk/internal/domain"
)

const usage = `Frontdesk: a helpdesk in one binary.

Usage:
  frontdesk [serve]            run everything (HTTP, mail, workers)
  frontdesk migrate            apply database migrations and exit
  frontdesk user create --email E --name N [--role admin|agent] [--password-stdin]
  frontdesk token create --email E [--name LABEL]
  frontdesk demo [--force]     fill an empty database with realistic demo data
  frontdesk reports rebuild [--chats]
                               rebuild the report record from every ticket's history
                               and every chat (--chats: the chats alone)
  frontdesk bench [flags]      build a large database and measure it
  frontdesk bench chat [flags] start chat nodes and measure sockets and delivery
  frontdesk mail parse FILE    print a raw mail as JSON (FILE may be -)
  frontdesk mail import [--team SLUG] FILE
                               take in one raw mail as if received (FILE may be -)

Every command takes the settings flags (frontdesk serve -h lists them);
FRONTDESK_* environment variables set the same values.
`

// command is one subcommand: its words and what it runs.
type command struct {
	words []string
	run   func(env *env, args []string) error
}

var commands = []command{
	{[]string{"serve"}, runServe},
	{[]string{"migrate"}, runMigrate},
	{[]string{"user", "create"}, runUserCreate},
	{[]string{"token", "create"}, runTokenCreate},
	{[]string{"demo"}, runDemo},
	{[]string{"reports", "rebuild"}, runReportsRebuild},
	{[]string{"bench", "chat"}, runBenchChat},
	{[]string{"bench"}, runBench},
	{[]string{"mail", "parse"}, runMailParse},
	{[]string{"mail", "import"}, runMailImport},
}

// env is what every command gets: where to write, and the standard input.
type env struct {
	stdout, stderr io.Writer
	stdin          io.Reader
	arg0           string // how the program was run (os.Args[0])
}

func main() {
	e := &env{stdout: os.Stdout, stderr: os.Stderr, stdin: os.Stdin, arg0: os.Args[0]}
	os.Exit(exitCode(dispatch(e, os.Args[1:]), os.Stderr))
}

// exitCode is 0 on success and when help was asked for (-h, --help: the
// usage is printed, nothing failed), else 1 with the error on w.
func exitCode(err error, w io.Writer) int {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return 0
	}
	fmt.Fprintln(w, "frontdesk: "+describe(err))
	return 1
}

func dispatch(e *env, args []string) error {
	if len(args) > 0 && (args[0] == "help" || args[0] == "-h" || args[0] == "--help") {
		fmt.Fprint(e.stdout, usage) // the subcommands; "serve -h" lists the settings
		return nil
	}
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return runServe(e, args)
	}
	for _, c := range commands {
		if len(args) >= len(c.words) && slicesEqual(args[:len(c.words)], c.words) {
			return c.run(e, args[len(c.words):])
		}
	}
	if last := args[len(args)-1]; last == "-h" || last == "--help" || last == "help" {
		fmt.Fprint(e.stdout, usage) // "frontdesk mail --help"
		return nil
	}
	fmt.Fprint(e.stderr, usage)
	return fmt.Errorf("unknown command %q", strings.Join(args, " "))
}

func slicesEqual(a, b []string) bool {
	return strings.Join(a, "\x00") == strings.Join(b, "\x00")
}

// describe turns an error into one readable line.
func describe(err error) string {
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		return "invalid input: " + ve.Error()
	}
	return err.Error()
}

// loadConfig parses settings flags plus the command's own flags.
func loadConfig(name string, e *env, args []string, own func(fs *flag.FlagSet)) (config.Config, *flag.FlagSet, error) {
	fs := flag.NewFlagSet("frontdesk "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	if own != nil {
		own(fs)
	}
	cfg, err := config.Load(fs, args)
	return cfg, fs, err
}

func newLogger(cfg config.Config, w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: slog.LevelInfo}
	if os.Getenv("FRONTDESK_DEBUG") != "" {
		opts.Level = slog.LevelDebug
	}
	if cfg.LogJSON {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
