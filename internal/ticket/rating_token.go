package ticket

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"
)

// RatingToken is the credential of a ticket's rating link in the "closed"
// mail: the ticket id signed with HMAC-SHA256 under the ticket's public
// token. It lets its holder rate the ticket and nothing more (a forwarded
// rating link does not open the conversation), and it stops working when
// the public link is rotated.
func RatingToken(id int64, publicToken string) string {
	return strconv.FormatInt(id, 10) + "." + ratingMAC(id, publicToken)
}

func ratingMAC(id int64, publicToken string) string {
	m := hmac.New(sha256.New, []byte(publicToken))
	m.Write([]byte("rating:" + strconv.FormatInt(id, 10)))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// RatingTicketID reads the ticket id a rating token names; the caller
// then checks it with RatingTokenValid against the ticket's public token.
func RatingTicketID(token string) (int64, bool) {
	id, _, ok := strings.Cut(token, ".")
	n, err := strconv.ParseInt(id, 10, 64)
	return n, ok && err == nil && n > 0
}

// RatingTokenValid reports whether token was signed for ticket id under
// publicToken, in constant time.
func RatingTokenValid(token string, id int64, publicToken string) bool {
	return publicToken != "" && hmac.Equal([]byte(token), []byte(RatingToken(id, publicToken)))
}
