// Package geoiptest writes tiny country databases for tests, so no
// database file is committed.
package geoiptest

import (
	"net"
	"os"
	"path/filepath"
	"testing"

	"github.com/maxmind/mmdbwriter"
	"github.com/maxmind/mmdbwriter/mmdbtype"
)

// Write makes an MMDB country database at path: each CIDR range maps to
// its ISO country code, as DB-IP Lite's country file does.
func Write(path string, countries map[string]string) error {
	tree, err := mmdbwriter.New(mmdbwriter.Options{DatabaseType: "DBIP-Country-Lite", RecordSize: 24,
		IncludeReservedNetworks: true})
	if err != nil {
		return err
	}
	for cidr, code := range countries {
		_, n, err := net.ParseCIDR(cidr)
		if err != nil {
			return err
		}
		rec := mmdbtype.Map{"country": mmdbtype.Map{"iso_code": mmdbtype.String(code)}}
		if err := tree.Insert(n, rec); err != nil {
			return err
		}
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := tree.WriteTo(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// File writes a database into the test's temporary directory and returns
// its path.
func File(t testing.TB, countries map[string]string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "countries.mmdb")
	if err := Write(path, countries); err != nil {
		t.Fatal(err)
	}
	return path
}
