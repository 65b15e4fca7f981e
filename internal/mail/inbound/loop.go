package inbound

import (
	"strings"

	"github.com/frontdesk/frontdesk/internal/mail/parse"
)

// OwnMailHeader marks every mail Frontdesk sends, so that one coming back
// (a misrouted copy, a list that reflects it) is never taken in.
const OwnMailHeader = "X-Frontdesk-Mail"

// isOwnMail reports whether m is a mail Frontdesk sent.
func isOwnMail(m *parse.Message) bool {
	for _, v := range m.Header[OwnMailHeader] {
		if strings.EqualFold(strings.TrimSpace(v), "yes") {
			return true
		}
	}
	return false
}

// machineSenders are local parts that only machines write from.
var machineSenders = map[string]bool{
	"mailer-daemon": true, "postmaster": true, "no-reply": true, "noreply": true,
	"do-not-reply": true, "donotreply": true, "bounce": true, "bounces": true,
}

// isAutomatic reports whether nothing automatic may answer m: what the
// parser found in the headers (Auto-Submitted, Precedence, X-Autoreply, a
// delivery report) or a machine's sender address.
func isAutomatic(m *parse.Message, sender string) bool {
	if m.AutoSubmitted {
		return true
	}
	local, _, _ := strings.Cut(strings.ToLower(sender), "@")
	return machineSenders[local]
}
