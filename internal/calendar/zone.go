package calendar

import (
	"sync"
	"time"
)

// zones caches loaded time zones: time.LoadLocation reads and parses the
// zone file on every call, and report roll-ups and pages ask for the same
// few zones on every ticket change and every row.
var zones sync.Map // name -> *time.Location

// Location is time.LoadLocation, cached.
func Location(name string) (*time.Location, error) {
	if loc, ok := zones.Load(name); ok {
		return loc.(*time.Location), nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, err
	}
	zones.Store(name, loc)
	return loc, nil
}
