package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/frontdesk/frontdesk/internal/mail/parse"
)

const mailParseUsage = `Usage: frontdesk mail parse FILE

Print what Frontdesk makes of a raw mail (RFC 5322 with MIME) as JSON:
senders and recipients, subject, date, ids, text and HTML body, and the
attachments. FILE may be - for standard input. Needs no database, so it
can check any mail before it is sent to Frontdesk.
`

// runMailParse prints a raw mail as the JSON of the contract; it needs no
// database, so it can check what Frontdesk will make of any mail.
func runMailParse(e *env, args []string) error {
	fs := flag.NewFlagSet("frontdesk mail parse", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(e.stdout, mailParseUsage)
		return err
	} else if err != nil || fs.NArg() != 1 {
		fmt.Fprint(e.stderr, mailParseUsage)
		return errors.Join(err, errors.New("usage: frontdesk mail parse FILE (or - for standard input)"))
	}
	var raw []byte
	var err error
	if name := fs.Arg(0); name == "-" {
		raw, err = io.ReadAll(e.stdin)
	} else {
		raw, err = os.ReadFile(name)
	}
	if err != nil {
		return fmt.Errorf("read mail: %w", err)
	}
	return parse.WriteJSON(e.stdout, parse.Parse(raw))
}
