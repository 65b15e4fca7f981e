package httpx

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// TrustedProxies are the peers (reverse proxies, load balancers) whose
// X-Forwarded-For header is believed. Anyone else can write that header,
// so from anyone else it is ignored.
type TrustedProxies []netip.Prefix

// ParseTrustedProxies reads a comma-separated list of IP addresses and
// CIDR ranges; an empty list trusts no one.
func ParseTrustedProxies(list string) (TrustedProxies, error) {
	var tp TrustedProxies
	for _, item := range strings.Split(list, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		p, err := netip.ParsePrefix(item)
		if err != nil {
			a, aerr := netip.ParseAddr(item)
			if aerr != nil {
				return nil, fmt.Errorf("%q is neither an IP address nor a CIDR range", item)
			}
			p = netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen())
		}
		tp = append(tp, p.Masked())
	}
	return tp, nil
}

func (tp TrustedProxies) trusts(a netip.Addr) bool {
	a = a.Unmap()
	for _, p := range tp {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// ClientIP is the address of the client that sent r: the socket's peer,
// or, when the peer is a trusted proxy, the right-most address of
// X-Forwarded-For that is not itself a trusted proxy. Addresses left of
// that one were written by the client and may be anything.
func (tp TrustedProxies) ClientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	peer, err := netip.ParseAddr(host)
	if err != nil || !tp.trusts(peer) {
		return host
	}
	client := peer
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break // garbage: the trusted hop that passed it on is the client
		}
		client = a.Unmap()
		if !tp.trusts(client) {
			break
		}
	}
	return client.String()
}

// RealClient makes r.RemoteAddr the client's address (ClientIP) for
// everything after it: every rate limit and the logs then see the same
// client, whether or not a proxy stands in front.
func RealClient(tp TrustedProxies, next http.Handler) http.Handler {
	if len(tp) == 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ip := tp.ClientIP(r)
		_, port, err := net.SplitHostPort(r.RemoteAddr)
		if err != nil {
			port = "0"
		}
		r2 := r.WithContext(r.Context())
		r2.RemoteAddr = net.JoinHostPort(ip, port)
		defer DropCopyForm(r2, r)
		next.ServeHTTP(w, r2)
	})
}
