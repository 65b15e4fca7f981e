package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/frontdesk/frontdesk/internal/mail/parse"
)

// runMailParse prints a raw mail as the JSON of the contract; it needs no
// database, so it can check what Frontdesk will make of any mail.
func runMailParse(e *env, args []string) error {
	if len(args) != 1 {
		return errors.New("usage: frontdesk mail parse FILE (or - for standard input)")
	}
	var raw []byte
	var err error
	if args[0] == "-" {
		raw, err = io.ReadAll(e.stdin)
	} else {
		raw, err = os.ReadFile(args[0])
	}
	if err != nil {
		return fmt.Errorf("read mail: %w", err)
	}
	return parse.WriteJSON(e.stdout, parse.Parse(raw))
}
