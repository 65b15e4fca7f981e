package webhook

import (
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"slices"
	"sync"
	"syscall"
)

// Guard refuses, as each delivery's connection is made, the addresses a
// webhook must not reach, whatever its URL said: the save-time check
// reads the URL's text, while 127.1, a name that resolves to loopback or
// a name that resolved elsewhere when saved (DNS rebinding) reach the
// install only at dial time.
//
// Always refused: this host's own addresses (loopback, unspecified, its
// interfaces) on the install's ports, which would make the install call
// itself, and link-local addresses (cloud metadata services live there).
// With BlockPrivate (FRONTDESK_WEBHOOK_BLOCK_PRIVATE) every loopback,
// private, shared (100.64/10) and link-local address is refused too:
// for installs whose webhooks must only reach the internet.
type Guard struct {
	Ports        []string // the install's own: its listen port and its base URL's
	BlockPrivate bool

	once  sync.Once
	local []netip.Addr
}

// NewGuard is the guard of an install listening on listen and served at
// baseURL.
func NewGuard(listen, baseURL string, blockPrivate bool) *Guard {
	g := &Guard{BlockPrivate: blockPrivate}
	if _, port, err := net.SplitHostPort(listen); err == nil {
		g.Ports = append(g.Ports, port)
	}
	if u, err := url.Parse(baseURL); err == nil && u.Host != "" {
		g.Ports = append(g.Ports, portOf(u))
	}
	return g
}

// Guard is the dial-time guard for this install's deliveries.
func (s *Service) Guard() *Guard { return NewGuard(s.Listen, s.BaseURL, s.BlockPrivate) }

// Control is a net.Dialer's Control: it sees the resolved address.
func (g *Guard) Control(_, address string, _ syscall.RawConn) error {
	host, port, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return err
	}
	if why := g.refuses(ip.Unmap(), port); why != "" {
		return fmt.Errorf("refused to connect to %s: %s", address, why)
	}
	return nil
}

func (g *Guard) refuses(ip netip.Addr, port string) string {
	switch {
	case ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast():
		return "a link-local address"
	case slices.Contains(g.Ports, port) && g.isLocal(ip):
		return "it is this Frontdesk itself"
	case g.BlockPrivate && (ip.IsLoopback() || ip.IsPrivate() || ip.IsUnspecified() || shared.Contains(ip)):
		return "a private address (FRONTDESK_WEBHOOK_BLOCK_PRIVATE is set)"
	}
	return ""
}

// shared is the carrier-grade NAT range, private in all but name.
var shared = netip.MustParsePrefix("100.64.0.0/10")

// isLocal reports whether ip is this host's: loopback, unspecified or one
// of its interfaces' addresses (read once).
func (g *Guard) isLocal(ip netip.Addr) bool {
	if ip.IsLoopback() || ip.IsUnspecified() {
		return true
	}
	g.once.Do(func() {
		addrs, _ := net.InterfaceAddrs()
		for _, a := range addrs {
			if p, err := netip.ParsePrefix(a.String()); err == nil {
				g.local = append(g.local, p.Addr().Unmap())
			}
		}
	})
	return slices.Contains(g.local, ip)
}
