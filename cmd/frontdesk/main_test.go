package main

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"
	"testing"
)

// run invokes the CLI in-process, as a user would from a shell.
func run(t *testing.T, stdin string, args ...string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := &env{stdout: &out, stderr: &errOut, stdin: strings.NewReader(stdin)}
	err := dispatch(e, args)
	return out.String() + errOut.String(), err
}

func TestUserAndTokenCommands(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "fd.db")
	t.Setenv("FRONTDESK_DB", dbPath)
	out, err := run(t, "", "migrate")
	if err != nil || !strings.Contains(out, "schema is current") {
		t.Fatalf("migrate: %v %q", err, out)
	}
	out, err = run(t, "s3cret-passw0rd\n", "user", "create", "--email", "Sam@Example.com", "--name", "Sam", "--role", "admin", "--password-stdin")
	if err != nil || !strings.Contains(out, "created admin sam@example.com") || strings.Contains(out, "s3cret") {
		t.Fatalf("user create: %v %q", err, out)
	}
	out, err = run(t, "", "user", "create", "--email", "sam@example.com", "--name", "Sam again")
	if err == nil || !strings.Contains(describe(err), "email: an operator with this email already exists") {
		t.Errorf("duplicate user: %v %q", err, out)
	}
	_, err = run(t, "", "user", "create", "--email", "not-an-email", "--name", "")
	if err == nil || !strings.Contains(describe(err), "email: must be a valid email address") ||
		!strings.Contains(describe(err), "name: must be 1 to 200 characters") {
		t.Errorf("bad user: %v", err)
	}
	out, err = run(t, "", "user", "create", "--email", "gen@example.com", "--name", "Gen")
	if err != nil || !strings.Contains(out, "password: ") {
		t.Errorf("generated password not printed: %v %q", err, out)
	}
	out, err = run(t, "", "token", "create", "--email", "sam@example.com", "--name", "ci")
	if err != nil || !strings.HasPrefix(out, "fdk_") || len(strings.TrimSpace(out)) < 40 {
		t.Errorf("token create: %v %q", err, out)
	}
	if _, err = run(t, "", "token", "create", "--email", "nobody@example.com"); err == nil ||
		!strings.Contains(err.Error(), "no operator with email nobody@example.com") {
		t.Errorf("token for unknown operator: %v", err)
	}
}

func TestReadableErrors(t *testing.T) {
	t.Setenv("FRONTDESK_DB", filepath.Join(t.TempDir(), "fd.db"))
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"migrate", "--base-url", "ftp://x"}, "--base-url (FRONTDESK_BASE_URL)"},
		{[]string{"serve", "--smtp-relay", "mail.example.com"}, "--smtp-relay (FRONTDESK_SMTP_RELAY) must look like"},
		{[]string{"token", "create"}, "--email is required"},
		{[]string{"user", "create", "--email", "a@example.com", "--name", "A", "--password-stdin"}, "no password on standard input"},
	}
	for _, c := range cases {
		_, err := run(t, "", c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: error %v, want it to say %q", c.args, err, c.want)
		}
	}
}

func TestHelp(t *testing.T) {
	out, err := run(t, "", "help")
	if err != nil || !strings.Contains(out, "frontdesk token create --email E") {
		t.Errorf("help: %v %q", err, out)
	}
}

// TestSubcommandHelp: every subcommand answers --help with its usage and
// exits 0, as a person trying the tool expects.
func TestSubcommandHelp(t *testing.T) {
	for _, c := range commands {
		for _, flagName := range []string{"--help", "-h"} {
			args := append(append([]string{}, c.words...), flagName)
			out, err := run(t, "", args...)
			if code := exitCode(err, io.Discard); code != 0 || !strings.Contains(out, "Usage") {
				t.Errorf("frontdesk %s: exit %d, output %q", strings.Join(args, " "), code, out)
			}
		}
	}
	out, err := run(t, "", "mail", "parse", "--help")
	if !strings.Contains(out, "Usage: frontdesk mail parse FILE") || exitCode(err, io.Discard) != 0 {
		t.Errorf("mail parse --help: %v %q", err, out)
	}
	if out, err := run(t, "", "mail", "--help"); err != nil || !strings.Contains(out, "frontdesk mail parse FILE") {
		t.Errorf("mail --help: %v %q", err, out)
	}
}

func TestMailParsePrintsJSON(t *testing.T) {
	mail := "From: Ada <ada@example.com>\r\nTo: support@example.com\r\nSubject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r\n" +
		"Message-ID: <m1@example.com>\r\n\r\nHello there.\r\n"
	out, err := run(t, mail, "mail", "parse", "-")
	for _, want := range []string{`"subject": "Grüße"`, `"address": "ada@example.com"`, `"message_id": "m1@example.com"`, "Hello there."} {
		if err != nil || !strings.Contains(out, want) {
			t.Errorf("mail parse output lacks %s (%v):\n%s", want, err, out)
		}
	}
	if _, err := run(t, "", "mail", "parse"); err == nil {
		t.Error("mail parse without a file should fail with usage")
	}
}

// demo refuses a database that already holds tickets, in one line that
// says how to go on, unless --force.
func TestDemoRefusesADatabaseWithTickets(t *testing.T) {
	t.Setenv("FRONTDESK_DB", filepath.Join(t.TempDir(), "fd.db"))
	if out, err := run(t, "", "demo", "--tickets", "1"); err != nil {
		t.Fatalf("demo on an empty database: %v\n%s", err, out)
	}
	_, err := run(t, "", "demo", "--tickets", "1")
	if err == nil || !strings.Contains(err.Error(), "already holds tickets") || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("second demo: %v, want a refusal naming --force", err)
	}
	var w bytes.Buffer
	if exitCode(err, &w); strings.Count(w.String(), "\n") != 1 {
		t.Errorf("the refusal is not one line: %q", w.String())
	}
	if out, err := run(t, "", "demo", "--tickets", "1", "--force"); err != nil || !strings.Contains(out, "Added demo data") {
		t.Errorf("demo --force: %v\n%s", err, out)
	}
}
