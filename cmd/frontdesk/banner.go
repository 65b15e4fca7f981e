package main

import (
	"flag"
	"fmt"
	"net"
	"os"
	"strings"

	"github.com/frontdesk/frontdesk/internal/config"
)

// invokedAs is how the user ran this program, for the commands the banner
// suggests: under `go run` the binary sits in a go-build temporary
// directory, and only "go run ./cmd/frontdesk" runs it again.
func invokedAs(arg0 string) string {
	switch {
	case strings.Contains(arg0, "go-build"):
		return "go run ./cmd/frontdesk"
	case strings.Contains(arg0, "/"):
		return arg0
	}
	return "frontdesk"
}

// baseURLSet says whether the base URL was given (flag or environment);
// when it was not, serve derives it from the address it listens on.
func baseURLSet(fs *flag.FlagSet) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == "base-url" })
	_, env := os.LookupEnv("FRONTDESK_BASE_URL")
	return set || env
}

// listenURL is the URL a browser on this machine reaches addr at: an
// address on every interface is reached at localhost.
func listenURL(addr net.Addr) string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return "http://" + addr.String()
	}
	host := tcp.IP.String()
	if tcp.IP == nil || tcp.IP.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, fmt.Sprint(tcp.Port))
}

// banner says where Frontdesk runs and how to get started.
func banner(e *env, cfg config.Config, listen net.Addr, dialect string) {
	fmt.Fprintf(e.stdout, "\nFrontdesk is running at %s (listening on %s, %s database).\n", cfg.BaseURL, listen, dialect)
	fmt.Fprintf(e.stdout, "  API token:  %s token create --email EMAIL\n", invokedAs(e.arg0))
	fmt.Fprintf(e.stdout, "  Demo data:  %s demo\n  Stop:       Ctrl+C\n\n", invokedAs(e.arg0))
}
