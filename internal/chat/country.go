package chat

import "github.com/frontdesk/frontdesk/internal/geoip"

// IsCountry reports whether code is an ISO 3166-1 alpha-2 code (upper
// case) or XK (Kosovo), the codes GeoIP databases give countries: those
// geoip names.
func IsCountry(code string) bool { return geoip.Known(code) }
