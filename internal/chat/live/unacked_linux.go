package live

import (
	"golang.org/x/sys/unix"
	"net"
)

// unackedLimit is how long sent bytes may stay unacknowledged before the
// kernel gives the connection up: with a ping every 25 s, a visitor whose
// network vanished is let go within about a minute and a half.
const unackedLimit = 60_000 // milliseconds

// giveUpUnacked sets TCP_USER_TIMEOUT on conn, where it is TCP; without
// it a socket to a vanished peer lingers for the kernel's retransmission
// limit (about 15 minutes).
func giveUpUnacked(conn net.Conn) {
	tc, ok := conn.(*net.TCPConn)
	if !ok {
		return
	}
	raw, err := tc.SyscallConn()
	if err != nil {
		return
	}
	raw.Control(func(fd uintptr) {
		unix.SetsockoptInt(int(fd), unix.IPPROTO_TCP, unix.TCP_USER_TIMEOUT, unackedLimit)
	})
}
