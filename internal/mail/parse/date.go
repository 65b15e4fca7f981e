package parse

import (
	"regexp"
	"strings"
	"time"
)

var (
	dateComment = regexp.MustCompile(`\([^)]*\)`)
	dateDay     = regexp.MustCompile(`^[A-Za-z]+,?\s+`)
)

// dateLayouts cover RFC 5322 and the variants mailers actually write: no
// seconds, two-digit years, zone names, ISO dates.
var dateLayouts = []string{
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04 -0700",
	"2 Jan 2006 15:04 MST",
	"2 Jan 06 15:04:05 -0700",
	"2 Jan 06 15:04:05 MST",
	"2 Jan 06 15:04 -0700",
	"2 January 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05",
	"Jan 2 15:04:05 2006",
	"Jan 2 15:04:05 MST 2006",
	"Jan 2 2006 15:04:05 -0700",
	"2006-01-02T15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
}

// parseDate reads a Date field; the zero time means it was not readable.
func parseDate(s string) time.Time {
	s = dateComment.ReplaceAllString(s, " ")
	s = dateDay.ReplaceAllString(strings.TrimSpace(s), "")
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, ",", " ")), " ")
	s = fixZone(s)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// fixZone turns "+02:00", "UT" and common zone names into the
// numeric form, since time.Parse does not know their offsets.
func fixZone(s string) string {
	i := strings.LastIndexByte(s, ' ')
	if i < 0 {
		return s
	}
	zone := strings.ToUpper(s[i+1:])
	if off, ok := zoneOffsets[zone]; ok {
		return s[:i+1] + off
	}
	if len(zone) == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':' {
		return s[:i+1] + zone[:3] + zone[4:]
	}
	return s
}

var zoneOffsets = map[string]string{
	"UT": "+0000", "UTC": "+0000", "GMT": "+0000", "Z": "+0000",
	"EST": "-0500", "EDT": "-0400", "CST": "-0600", "CDT": "-0500",
	"MST": "-0700", "MDT": "-0600", "PST": "-0800", "PDT": "-0700",
	"CET": "+0100", "CEST": "+0200", "BST": "+0100", "IST": "+0530",
	"JST": "+0900", "EET": "+0200", "EEST": "+0300", "MET": "+0100",
}

// formatDate renders a readable date as RFC 3339, or "" when unknown.
func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}
