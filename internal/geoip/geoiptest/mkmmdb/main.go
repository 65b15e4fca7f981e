// Command mkmmdb writes a tiny country database for the browser tests:
//
//	go run ./internal/geoip/geoiptest/mkmmdb OUT.mmdb 203.0.113.0/24=DE 198.51.100.0/24=FR
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/frontdesk/frontdesk/internal/geoip/geoiptest"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: mkmmdb OUT.mmdb CIDR=CC ...")
		os.Exit(2)
	}
	m := map[string]string{}
	for _, a := range os.Args[2:] {
		cidr, cc, _ := strings.Cut(a, "=")
		m[cidr] = cc
	}
	if err := geoiptest.Write(os.Args[1], m); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
