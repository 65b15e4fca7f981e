package inbound

import (
	"net"
	"sync"
)

// limitListener turns away connections over the limits before any SMTP
// is spoken, with a 421 greeting, so idle connections count too.
type limitListener struct {
	net.Listener
	max, perIP int

	mu    sync.Mutex
	total int
	byIP  map[string]int
}

func (l *limitListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		ip := clientIP(c.RemoteAddr())
		if l.admit(ip) {
			return &limitConn{Conn: c, release: func() { l.release(ip) }}, nil
		}
		_, _ = c.Write([]byte("421 4.7.0 Too many connections, try again later\r\n"))
		_ = c.Close()
	}
}

func (l *limitListener) admit(ip string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.total >= l.max || l.byIP[ip] >= l.perIP {
		return false
	}
	l.total++
	l.byIP[ip]++
	return true
}

func (l *limitListener) release(ip string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.total--
	if l.byIP[ip]--; l.byIP[ip] <= 0 {
		delete(l.byIP, ip)
	}
}

// limitConn gives its slot back once, when closed.
type limitConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *limitConn) Close() error {
	c.once.Do(c.release)
	return c.Conn.Close()
}

func clientIP(a net.Addr) string {
	host, _, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	return host
}
