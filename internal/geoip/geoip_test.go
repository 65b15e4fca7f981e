package geoip_test

import (
	"testing"

	"github.com/frontdesk/frontdesk/internal/geoip"
	"github.com/frontdesk/frontdesk/internal/geoip/geoiptest"
)

func TestCountry(t *testing.T) {
	path := geoiptest.File(t, map[string]string{"203.0.113.0/24": "DE", "2001:db8::/32": "FR"})
	db, err := geoip.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for addr, want := range map[string]string{"203.0.113.7": "DE", "::ffff:203.0.113.7": "DE",
		"2001:db8::1": "FR", "198.51.100.1": "", "not an address": ""} {
		if got := db.Country(addr); got != want {
			t.Errorf("Country(%q) = %q, want %q", addr, got, want)
		}
	}
	var none *geoip.DB
	if none.Country("203.0.113.7") != "" || none.Loaded() {
		t.Error("no database must know no country")
	}
	if _, err := geoip.Open(t.TempDir() + "/missing.mmdb"); err == nil {
		t.Error("a missing file must be an error")
	}
}
