package live

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// A client may send its first frame in the same packet as its upgrade
// request: those bytes are buffered by net/http before the hijack and
// must reach the socket's reader, first and whole. Messages larger than
// the small buffers pass too.
func TestSmallBuffersKeepWhatCameWithTheUpgrade(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sb := &smallBuffers{ResponseWriter: w}
		ws, err := websocket.Accept(sb, r, acceptOptions)
		if err != nil {
			return
		}
		defer ws.CloseNow()
		for {
			if _, err := sb.br.Peek(1); err != nil { // as readLoop waits
				return
			}
			typ, b, err := ws.Read(r.Context())
			if err != nil {
				return
			}
			if ws.Write(r.Context(), typ, b) != nil {
				return
			}
		}
	}))
	defer srv.Close()
	conn, err := net.Dial("tcp", strings.TrimPrefix(srv.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	first, big := `{"type":"resume","after":0}`, strings.Repeat("x", 3*socketBuffer)
	req := "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
		"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
	if _, err := conn.Write(append([]byte(req), clientFrame(first)...)); err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(conn)
	res, err := http.ReadResponse(br, nil)
	if err != nil || res.StatusCode != http.StatusSwitchingProtocols {
		t.Fatalf("upgrade: %v %v", res, err)
	}
	if got := readServerFrame(t, br); got != first {
		t.Fatalf("echo of the frame sent with the request: %q, want %q", got, first)
	}
	if _, err := conn.Write(clientFrame(big)); err != nil {
		t.Fatal(err)
	}
	if got := readServerFrame(t, br); got != big {
		t.Fatalf("echo of a %d-byte frame: %d bytes", len(big), len(got))
	}
}

// clientFrame is a final, masked text frame (mask key 0: the payload as
// is), as a client must send.
func clientFrame(s string) []byte {
	b := []byte{0x81}
	switch n := len(s); {
	case n < 126:
		b = append(b, 0x80|byte(n))
	default:
		b = append(b, 0x80|126, byte(n>>8), byte(n))
	}
	b = append(b, 0, 0, 0, 0)
	return append(b, s...)
}

// readServerFrame reads one unmasked text frame.
func readServerFrame(t *testing.T, r io.Reader) string {
	t.Helper()
	h := make([]byte, 2)
	if _, err := io.ReadFull(r, h); err != nil {
		t.Fatal(err)
	}
	n := int(h[1] & 0x7f)
	if n == 126 {
		ext := make([]byte, 2)
		if _, err := io.ReadFull(r, ext); err != nil {
			t.Fatal(err)
		}
		n = int(ext[0])<<8 | int(ext[1])
	}
	p := make([]byte, n)
	if _, err := io.ReadFull(r, p); err != nil {
		t.Fatal(err)
	}
	return string(p)
}
