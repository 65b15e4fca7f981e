package mailbox_test

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"testing"

	"github.com/emersion/go-imap/v2/imapserver"
)

// go-imap's server offers IDLE to every logged-in IMAP4rev1 client, so a
// server without IDLE, which makes the syncer poll, is this proxy in front
// of it: it strips IDLE from every capability list the server sends.
func withoutIdle(t testing.TB, ln net.Listener, server string) {
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go relayWithoutIdle(c, server)
		}
	}()
	t.Cleanup(func() { ln.Close() })
}

func relayWithoutIdle(c net.Conn, server string) {
	defer c.Close()
	s, err := net.Dial("tcp", server)
	if err != nil {
		return
	}
	defer s.Close()
	go func() { _, _ = io.Copy(s, c); s.Close() }()
	r := bufio.NewReader(s)
	for {
		line, err := r.ReadBytes('\n')
		if bytes.Contains(line, []byte("CAPABILITY")) {
			line = bytes.ReplaceAll(line, []byte(" IDLE"), nil)
		}
		if _, werr := c.Write(line); werr != nil || err != nil {
			return
		}
	}
}

// flushingSession sends the updates queued before IDLE began. go-imap's
// in-memory server otherwise holds back a message that arrived between
// the client's last command and its IDLE until a later one comes, where
// real servers announce it at once; without this, tests of IDLE would
// fail now and then for the test server's sake.
type flushingSession struct{ imapserver.Session }

func (s flushingSession) Idle(w *imapserver.UpdateWriter, stop <-chan struct{}) error {
	if err := s.Poll(w, true); err != nil {
		return err
	}
	return s.Session.Idle(w, stop)
}
