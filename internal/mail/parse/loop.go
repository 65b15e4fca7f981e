package parse

import "strings"

// isAutomatic reports whether the mail says a machine sent it, so that no
// automatic answer goes back (RFC 3834): Auto-Submitted other than "no",
// the X-Autoreply family, a bulk Precedence, or a delivery report.
func isAutomatic(m *Message) bool {
	if v := lastValue(m, "Auto-Submitted"); v != "" && !strings.HasPrefix(v, "no") {
		return true
	}
	for _, name := range []string{"X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress"} {
		if v := lastValue(m, name); v != "" && v != "no" && v != "none" {
			return true
		}
	}
	switch lastValue(m, "Precedence") {
	case "bulk", "junk", "list", "auto_reply":
		return true
	}
	return m.Delivery != nil
}

// lastValue is the last value of a top-level field, lower case.
func lastValue(m *Message, name string) string {
	vs := m.Header[name]
	if len(vs) == 0 {
		return ""
	}
	return strings.ToLower(strings.TrimSpace(vs[len(vs)-1]))
}
