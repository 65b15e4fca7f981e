package main

import (
	"net"
	"strings"
	"testing"
)

// frontdesk --help and -h list the subcommands, not only serve's flags.
func TestHelpListsSubcommands(t *testing.T) {
	for _, arg := range []string{"--help", "-h", "help"} {
		out, err := run(t, "", arg)
		if err != nil || !strings.Contains(out, "frontdesk token create --email E") || !strings.Contains(out, "frontdesk demo") {
			t.Errorf("frontdesk %s: %v %q", arg, err, out)
		}
	}
}

// The banner names the command as it was run, and without a base URL the
// links use the address really listened on.
func TestBannerNamesTheRealCommandAndAddress(t *testing.T) {
	for arg0, want := range map[string]string{
		"/tmp/go-build2921/b001/exe/frontdesk": "go run ./cmd/frontdesk",
		"./frontdesk":                          "./frontdesk",
		"frontdesk":                            "frontdesk",
	} {
		if got := invokedAs(arg0); got != want {
			t.Errorf("invokedAs(%q) = %q, want %q", arg0, got, want)
		}
	}
	for addr, want := range map[string]string{
		"127.0.0.1:9000": "http://127.0.0.1:9000",
		"0.0.0.0:8080":   "http://localhost:8080",
		"[::1]:8081":     "http://[::1]:8081",
		"[::]:8082":      "http://localhost:8082",
	} {
		tcp, err := net.ResolveTCPAddr("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := listenURL(tcp); got != want {
			t.Errorf("listenURL(%s) = %q, want %q", addr, got, want)
		}
	}
}
