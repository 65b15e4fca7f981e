// Package geoip names the country of a client address from a country
// database in MMDB format (DB-IP Lite, GeoLite2 and the like), read from
// a file on this machine: no address leaves the server. docs/operations.md.
package geoip

import (
	"fmt"
	"net/netip"

	"github.com/oschwald/maxminddb-golang/v2"
)

// DB is an open country database. A nil *DB knows no country, so callers
// need not ask whether one was configured.
type DB struct {
	r *maxminddb.Reader
}

// Open reads the database at path (memory-mapped by the reader).
func Open(path string) (*DB, error) {
	r, err := maxminddb.Open(path)
	if err != nil {
		return nil, fmt.Errorf("geoip database %s: %w", path, err)
	}
	return &DB{r: r}, nil
}

// record is the one field both DB-IP's and MaxMind's country databases
// carry under the same name.
type record struct {
	Country struct {
		ISOCode string `maxminddb:"iso_code"`
	} `maxminddb:"country"`
}

// Country is the ISO 3166-1 alpha-2 code of the address's country, or ""
// when there is no database, the address is not one, or the database does
// not know it.
func (d *DB) Country(addr string) string {
	if d == nil {
		return ""
	}
	ip, err := netip.ParseAddr(addr)
	if err != nil {
		return ""
	}
	var rec record
	if err := d.r.Lookup(ip.Unmap()).Decode(&rec); err != nil {
		return ""
	}
	return rec.Country.ISOCode
}

// Loaded reports whether a database is there (the channel settings say
// plainly when country rules cannot match).
func (d *DB) Loaded() bool { return d != nil }

// Close releases the file.
func (d *DB) Close() error {
	if d == nil {
		return nil
	}
	return d.r.Close()
}
