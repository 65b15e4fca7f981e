package httpx

import (
	"net/http/httptest"
	"testing"
)

func TestClientIP(t *testing.T) {
	tp, err := ParseTrustedProxies(" 10.0.0.0/8, 192.0.2.7 ,2001:db8::1")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, peer string
		xff        []string
		want       string
	}{
		{"no proxy", "203.0.113.5:4000", nil, "203.0.113.5"},
		{"an untrusted peer's header is ignored", "203.0.113.5:4000", []string{"198.51.100.1"}, "203.0.113.5"},
		{"a trusted proxy names the client", "10.0.0.1:4000", []string{"198.51.100.1"}, "198.51.100.1"},
		{"what the client wrote left of it is not believed", "10.0.0.1:4000", []string{"1.1.1.1, 198.51.100.1"}, "198.51.100.1"},
		{"a chain of trusted proxies is skipped", "192.0.2.7:4000", []string{"1.1.1.1, 198.51.100.1, 10.2.3.4"}, "198.51.100.1"},
		{"several header lines count as one list", "10.0.0.1:4000", []string{"1.1.1.1", "198.51.100.1, 10.9.9.9"}, "198.51.100.1"},
		{"a trusted proxy without the header", "10.0.0.1:4000", nil, "10.0.0.1"},
		{"garbage stops at the hop that passed it", "10.0.0.1:4000", []string{"198.51.100.1, nonsense, 10.0.0.2"}, "10.0.0.2"},
		{"IPv6 peer and client", "[2001:db8::1]:4000", []string{"2001:db8::99"}, "2001:db8::99"},
		{"IPv4-mapped peer", "[::ffff:10.0.0.1]:4000", []string{"198.51.100.1"}, "198.51.100.1"},
	}
	for _, c := range cases {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = c.peer
		for _, v := range c.xff {
			r.Header.Add("X-Forwarded-For", v)
		}
		if got := tp.ClientIP(r); got != c.want {
			t.Errorf("%s: ClientIP = %s, want %s", c.name, got, c.want)
		}
	}
	if _, err := ParseTrustedProxies("10.0.0.0/8,example.com"); err == nil {
		t.Error("a host name was taken for a proxy address")
	}
}
