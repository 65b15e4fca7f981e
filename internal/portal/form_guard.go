package portal

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"
)

// formTokenTTL is how long a rendered form may wait before it is sent.
const formTokenTTL = 24 * time.Hour

// The form has no cookie to tie a CSRF token to, so it carries a signed
// timestamp: "unix.hex(HMAC(team's widget secret, slug|unix))". Only a
// page we rendered has one, a stale page is refused, and every node can
// check it because the key is in the database. Rotating the secret
// expires the forms open at that moment, which is acceptable.
func formToken(secret, slug string, at time.Time) string {
	ts := strconv.FormatInt(at.Unix(), 10)
	return ts + "." + publicFormMAC(secret, slug, ts)
}

func publicFormMAC(secret, slug, ts string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte("frontdesk form v1|" + slug + "|" + ts))
	return hex.EncodeToString(mac.Sum(nil))
}

func validFormToken(secret, slug, token string, now time.Time) bool {
	ts, sig, ok := strings.Cut(token, ".")
	if !ok || secret == "" {
		return false
	}
	unix, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return false
	}
	age := now.Sub(time.Unix(unix, 0))
	if age < -time.Minute || age > formTokenTTL {
		return false
	}
	return hmac.Equal([]byte(sig), []byte(publicFormMAC(secret, slug, ts)))
}
