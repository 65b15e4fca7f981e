package live

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"net/http"
)

// An idle socket's largest holdings were the 4 KB read and 4 KB write
// buffers net/http hands over at the upgrade, kept for the socket's
// life though a chat frame is a few hundred bytes: bufio reads and
// writes a frame larger than its buffer straight from and to the
// connection, so small buffers cost a big frame a system call or two,
// and every socket 7 KB less (docs/benchmarks.md, live chat).
const socketBuffer = 512

// smallBuffers hands websocket.Accept small buffers at the hijack, and
// keeps the reader so that the socket's reader can wait on it
// (conn.readLoop).
type smallBuffers struct {
	http.ResponseWriter
	br *bufio.Reader
}

func (w *smallBuffers) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	conn, brw, err := http.NewResponseController(w.ResponseWriter).Hijack()
	if err != nil {
		return nil, nil, err
	}
	if err := brw.Writer.Flush(); err != nil { // the 101 response, if still held
		conn.Close()
		return nil, nil, err
	}
	// What the client sent after its request must be in the new reader's
	// buffer, not behind it: Accept keeps what is buffered and reads the
	// rest from conn itself.
	br := bufio.NewReaderSize(conn, socketBuffer)
	if n := brw.Reader.Buffered(); n > 0 {
		b, _ := brw.Reader.Peek(n)
		br = bufio.NewReaderSize(io.MultiReader(bytes.NewReader(bytes.Clone(b)), conn), max(socketBuffer, n))
		if _, err := br.Peek(n); err != nil {
			conn.Close()
			return nil, nil, err
		}
	}
	giveUpUnacked(conn)
	w.br = br
	return conn, bufio.NewReadWriter(br, bufio.NewWriterSize(conn, socketBuffer)), nil
}
