// Package widget holds a team's widget settings: the secret that signs
// visitor identities, the origins allowed to embed the widget, whether
// an identity must be signed, and the launcher's colour.
package widget

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/frontdesk/frontdesk/internal/domain"
)

// Settings are one team's widget settings.
type Settings struct {
	TeamID int64
	// Secret is 256 random bits in hex. The host site signs a visitor's
	// external id with it; it never reaches a browser.
	Secret          string
	Origins         []string // scheme://host[:port], lower case
	RequireVerified bool
	Color           string // #rrggbb
}

// Input changes the settings an admin edits (the secret only rotates).
type Input struct {
	Origins         []string
	RequireVerified bool
	Color           string
}

// MaxOrigins bounds the allowed origins of one team.
const MaxOrigins = 50

// NewSecret returns 256 random bits in hex.
func NewSecret() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand never fails on supported systems
	return hex.EncodeToString(b)
}

// Verify reports whether signature signs externalID under s's secret.
func (s Settings) Verify(externalID, signature string) bool {
	return Verify(s.Secret, externalID, signature)
}

// AllowsOrigin reports whether a page at origin may embed the widget.
// A team that lists no origins allows none: embedding is opt-in.
func (s Settings) AllowsOrigin(origin string) bool {
	o, err := NormalizeOrigin(origin)
	return err == nil && slices.Contains(s.Origins, o)
}

// NormalizeOrigin reads "https://Example.com/" as "https://example.com".
func NormalizeOrigin(s string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
		(u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return "", fmt.Errorf("not an origin")
	}
	return strings.ToLower(u.Scheme + "://" + u.Host), nil
}

var colorPattern = regexp.MustCompile(`^#[0-9a-f]{6}$`)

// normalize checks in, returning it cleaned; errors are keyed
// "origins[i]" and "color".
func (in Input) normalize() (Input, error) {
	c := &domain.Check{}
	out := Input{RequireVerified: in.RequireVerified, Color: strings.ToLower(strings.TrimSpace(in.Color)), Origins: []string{}}
	c.Require(colorPattern.MatchString(out.Color), "color", "must be a colour like #2563eb")
	c.Require(len(in.Origins) <= MaxOrigins, "origins", fmt.Sprintf("at most %d origins", MaxOrigins))
	for i, o := range in.Origins {
		if strings.TrimSpace(o) == "" {
			continue
		}
		n, err := NormalizeOrigin(o)
		if err != nil {
			c.Add(fmt.Sprintf("origins[%d]", i), fmt.Sprintf("%q is not an origin like https://www.example.com", o))
			continue
		}
		if !slices.Contains(out.Origins, n) {
			out.Origins = append(out.Origins, n)
		}
	}
	return out, c.Err()
}
