package webhook

import (
	"net"
	"net/url"
	"strings"
)

// targetProblem says what is wrong with raw as a webhook URL, or "".
func (s *Service) targetProblem(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return "must be an http:// or https:// address"
	}
	if u.User != nil {
		return "must not carry a user name or password; the secret signs each delivery"
	}
	if s.isSelf(u) {
		return "points at this Frontdesk itself; give the address of the system that should receive the events"
	}
	return ""
}

// isSelf reports whether u addresses the install: its base URL's host and
// port, or a loopback or unspecified address on the port it listens on.
func (s *Service) isSelf(u *url.URL) bool {
	host, port := strings.TrimSuffix(strings.ToLower(u.Hostname()), "."), portOf(u)
	if b, err := url.Parse(s.BaseURL); err == nil && b.Hostname() != "" {
		if strings.ToLower(b.Hostname()) == host && portOf(b) == port {
			return true
		}
	}
	lhost, lport, err := net.SplitHostPort(s.Listen)
	if err != nil || lport != port {
		return false
	}
	if strings.EqualFold(lhost, host) || host == "localhost" {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && (ip.IsLoopback() || ip.IsUnspecified())
}

func portOf(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	if u.Scheme == "https" {
		return "443"
	}
	return "80"
}
