package inbound

import (
	"crypto/tls"
	"net"
	"sync/atomic"
	"time"
)

// deadlineConn times the reads of a mail's DATA. go-smtp sets one read
// deadline per command, so on its own the whole DATA would have to arrive
// within one command timeout (too short for a large mail on a slow line)
// or could take forever (a sender trickling a byte now and then). While a
// mail is read, each network read here gets the idle time to bring
// something, and never runs past the deadline of the whole DATA.
type deadlineConn struct {
	net.Conn
	idle time.Duration
	end  atomic.Pointer[time.Time] // the DATA deadline while a mail is read
}

func (c *deadlineConn) Read(p []byte) (int, error) {
	if end := c.end.Load(); end != nil {
		deadline := time.Now().Add(c.idle)
		if deadline.After(*end) {
			deadline = *end
		}
		if err := c.Conn.SetReadDeadline(deadline); err != nil {
			return 0, err
		}
	}
	return c.Conn.Read(p)
}

// deadlineListener hands out deadlineConns.
type deadlineListener struct {
	net.Listener
	idle time.Duration
}

func (l deadlineListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &deadlineConn{Conn: c, idle: l.idle}, nil
}

// deadlineConnOf finds the deadlineConn under a session's connection
// (TLS and the connection limit wrap it); nil when there is none.
func deadlineConnOf(c net.Conn) *deadlineConn {
	for {
		switch v := c.(type) {
		case *deadlineConn:
			return v
		case *tls.Conn:
			c = v.NetConn()
		case *limitConn:
			c = v.Conn
		default:
			return nil
		}
	}
}
