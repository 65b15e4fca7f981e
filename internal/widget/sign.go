package widget

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
)

// Signed is what a visitor's signature vouches for.
type Signed int

// What a signature may vouch for.
const (
	Unsigned           Signed = iota // no valid signature
	ExternalID                       // the external id alone (a signature of the first form)
	ExternalIDAndEmail               // the external id and the email together
)

// v2Prefix starts a signature of the external id and email together.
const v2Prefix = "v2."

// Sign is the first form, over the external id alone:
// hex(HMAC-SHA256(secret, externalID)). It says nothing of the email.
func Sign(secret, externalID string) string {
	return mac(secret, externalID)
}

// SignIdentity is the second form, over the external id and the email
// together: "v2." and the hex HMAC-SHA256 of identityMessage, keyed with
// "frontdesk-widget-v2:" and the secret. The key differs from the first
// form's, so a first-form signature of an external id that happens to
// read like an identity message never passes as one (docs/widget.md).
func SignIdentity(secret, externalID, email string) string {
	return v2Prefix + mac("frontdesk-widget-v2:"+secret, identityMessage(externalID, email))
}

// identityMessage encodes each value as its length in bytes, a colon,
// the value and a comma, so no value can be shifted into the other:
// ("u-1042", "sam@example.com") is "6:u-1042,15:sam@example.com,".
func identityMessage(values ...string) string {
	var b strings.Builder
	for _, v := range values {
		b.WriteString(strconv.Itoa(len(v)) + ":" + v + ",")
	}
	return b.String()
}

func mac(key, message string) string {
	m := hmac.New(sha256.New, []byte(key))
	m.Write([]byte(message))
	return hex.EncodeToString(m.Sum(nil))
}

// Check reports what signature vouches for, over exactly the values
// given (the caller refuses values it would have to trim), in constant
// time. An empty secret or external id is never signed.
func Check(secret, externalID, email, signature string) Signed {
	if secret == "" || externalID == "" {
		return Unsigned
	}
	if hexSig, ok := strings.CutPrefix(signature, v2Prefix); ok {
		if equalHex(hexSig, SignIdentity(secret, externalID, email)[len(v2Prefix):]) {
			return ExternalIDAndEmail
		}
		return Unsigned
	}
	if equalHex(signature, Sign(secret, externalID)) {
		return ExternalID
	}
	return Unsigned
}

// Verify reports whether signature is a first-form signature of
// externalID under secret.
func Verify(secret, externalID, signature string) bool {
	return Check(secret, externalID, "", signature) == ExternalID
}

func equalHex(got, want string) bool {
	g, err := hex.DecodeString(got)
	if err != nil {
		return false
	}
	w, _ := hex.DecodeString(want)
	return hmac.Equal(g, w)
}
