//go:build !linux

package live

import "net"

// giveUpUnacked: only Linux has TCP_USER_TIMEOUT; elsewhere a vanished
// peer is found by TCP keep-alive and the kernel's retransmission limit.
func giveUpUnacked(net.Conn) {}
