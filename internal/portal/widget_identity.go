package portal

import (
	"context"
	"net/url"
	"strings"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/widget"
)

// WidgetSettings are a team's widget switches. The team settings (built
// on another branch) own them; the widget only reads them.
type WidgetSettings struct {
	TeamSlug        string
	Enabled         bool
	Secret          string   // hex; the host site signs visitor ids with it
	AllowedOrigins  []string // scheme://host[:port] allowed to embed the widget
	RequireVerified bool     // refuse visitors without a valid signature
	Color           string   // the launcher's colour, #rrggbb
}

// WidgetConfig reads a team's widget settings by slug; domain.ErrNotFound
// for no such team. Declared here, implemented by the team package.
type WidgetConfig interface {
	WidgetSettings(ctx context.Context, teamSlug string) (WidgetSettings, error)
}

// Identity is who the host site says the visitor is. Only what the
// signature covers is trusted: the external id, and the email when the
// site signs both together (docs/widget.md).
type Identity struct {
	ExternalID string `json:"external_id"`
	Email      string `json:"email"`
	Name       string `json:"name"`
	Signature  string `json:"signature"` // widget.Sign or widget.SignIdentity under the team's secret
}

// Sign is what the host site computes on its server (widget.Sign): the
// hex HMAC-SHA256 of the external id, keyed with the team's widget secret
// as written.
func Sign(secret, externalID string) (string, error) {
	if secret == "" {
		return "", domain.Invalid("secret", "is empty")
	}
	return widget.Sign(secret, externalID), nil
}

// verify reports what the visitor's signature vouches for. A signature
// that does not match is refused outright; an unsigned visitor is
// refused only when the team requires verification. The values are
// checked as received: one that would need trimming is refused, so the
// string verified is the string used.
func (id Identity) verify(s WidgetSettings) (widget.Signed, error) {
	if id.Signature == "" && id.ExternalID == "" {
		if s.RequireVerified {
			return widget.Unsigned, domain.Forbidden("this team only answers visitors whose identity its site signs")
		}
		return widget.Unsigned, nil
	}
	c := &domain.Check{}
	for field, v := range map[string]string{"identity.external_id": id.ExternalID, "identity.email": id.Email,
		"identity.signature": id.Signature} {
		c.Require(v == strings.TrimSpace(v), field, "has spaces around it; sign and send the value exactly as stored")
	}
	if err := c.Err(); err != nil {
		return widget.Unsigned, err
	}
	signed := widget.Check(s.Secret, id.ExternalID, id.Email, id.Signature)
	if signed == widget.Unsigned {
		return signed, domain.Forbidden("the visitor's signature does not match")
	}
	return signed, nil
}

// allowsOrigin reports whether origin may embed the team's widget.
func (s WidgetSettings) allowsOrigin(origin string) bool {
	u, err := url.Parse(origin)
	if err != nil || u.Host == "" {
		return false
	}
	norm := strings.ToLower(u.Scheme + "://" + u.Host)
	for _, o := range s.AllowedOrigins {
		if strings.EqualFold(strings.TrimRight(strings.TrimSpace(o), "/"), norm) {
			return true
		}
	}
	return false
}
