package auth_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-msgauth/dkim"

	"github.com/frontdesk/frontdesk/internal/mail/auth"
)

// signer makes DKIM keys and signs with them.
type signer struct {
	t   *testing.T
	key ed25519.PrivateKey
	txt string // the key record to publish
}

func newSigner(t *testing.T) signer {
	pub, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return signer{t: t, key: key, txt: "v=DKIM1; k=ed25519; p=" + base64.StdEncoding.EncodeToString(pub)}
}

// sign signs raw for domain with selector "sel".
func (s signer) sign(domain string, raw []byte) []byte {
	var out bytes.Buffer
	if err := dkim.Sign(&out, bytes.NewReader(raw), &dkim.SignOptions{Domain: domain, Selector: "sel",
		Signer: s.key}); err != nil {
		s.t.Fatal(err)
	}
	return out.Bytes()
}

func mail(from, body string) []byte {
	return []byte(strings.ReplaceAll("From: <"+from+">\nTo: <support@desk.example>\nSubject: Hi\n"+
		"Message-ID: <1@x>\n\n"+body+"\n", "\n", "\r\n"))
}

func TestChecks(t *testing.T) {
	s := newSigner(t)
	good := net.ParseIP("192.0.2.1")
	stranger := net.ParseIP("198.51.100.7")
	dns := auth.Table{
		"sel._domainkey.shop.example": {s.txt},
		"sel._domainkey.evil.example": {s.txt},
		"_dmarc.shop.example":         {"v=DMARC1; p=reject"},
		"shop.example":                {"v=spf1 ip4:192.0.2.1 -all"},
		"quiet.example":               {"v=spf1 ip4:192.0.2.1 -all"},
		"sel._domainkey.slow.example": nil, // times out
		"_dmarc.slow.example":         nil,
	}
	signed := s.sign("shop.example", mail("ann@shop.example", "Hello"))
	tampered := bytes.Replace(signed, []byte("Hello"), []byte("Pay me"), 1)
	cases := []struct {
		name            string
		raw             []byte
		from            string
		env             auth.Envelope
		dkim, spf, dmrc string
		vouched         bool
	}{
		{"signed by the From domain", signed, "ann@shop.example", auth.Envelope{}, "pass", "none", "pass", true},
		{"signature broken by a change", tampered, "ann@shop.example", auth.Envelope{}, "fail", "none", "fail", false},
		{"SPF of the From domain", mail("ann@shop.example", "Hi"), "ann@shop.example",
			auth.Envelope{ClientIP: good, Helo: "mx.shop.example", MailFrom: "bounce@shop.example"}, "none", "pass", "pass", true},
		{"from a client SPF does not allow", mail("ann@shop.example", "Hi"), "ann@shop.example",
			auth.Envelope{ClientIP: stranger, Helo: "x", MailFrom: "ann@shop.example"}, "none", "fail", "fail", false},
		{"signed by another domain", s.sign("evil.example", mail("ann@shop.example", "Hi")), "ann@shop.example",
			auth.Envelope{ClientIP: stranger, Helo: "x", MailFrom: "x@evil.example"}, "pass", "none", "fail", false},
		{"no policy, nothing fails", mail("bo@quiet.example", "Hi"), "bo@quiet.example", auth.Envelope{},
			"none", "none", "none", true},
		{"no policy, but SPF of the From domain fails", mail("bo@quiet.example", "Hi"), "bo@quiet.example",
			auth.Envelope{ClientIP: stranger, Helo: "x", MailFrom: "bo@quiet.example"}, "none", "fail", "none", false},
		{"DNS does not answer", s.sign("slow.example", mail("cy@slow.example", "Hi")), "cy@slow.example",
			auth.Envelope{}, "temperror", "none", "temperror", false},
	}
	c := &auth.Checker{Resolver: dns}
	for _, tc := range cases {
		r := c.Check(context.Background(), tc.raw, tc.from, tc.env)
		if r.DKIM != tc.dkim || r.SPF != tc.spf || r.DMARC != tc.dmrc || r.Vouched() != tc.vouched {
			t.Errorf("%s: %s, vouched %v; want DKIM %s · SPF %s · DMARC %s, vouched %v\n%s", tc.name, r.Summary(),
				r.Vouched(), tc.dkim, tc.spf, tc.dmrc, tc.vouched, r.Detail)
		}
	}
}

// counting counts the TXT lookups that reach it.
type counting struct {
	auth.Table
	n int
}

func (c *counting) LookupTXT(ctx context.Context, name string) ([]string, error) {
	c.n++
	return c.Table.LookupTXT(ctx, name)
}

func TestCacheAsksOncePerName(t *testing.T) {
	dns := &counting{Table: auth.Table{"_dmarc.shop.example": {"v=DMARC1; p=reject"}, "_dmarc.slow.example": nil}}
	c := &auth.Checker{Resolver: &auth.Cache{Resolver: dns}}
	for range 3 {
		if r := c.Check(context.Background(), mail("ann@shop.example", "Hi"), "ann@shop.example", auth.Envelope{}); r.DMARC != "fail" {
			t.Fatalf("DMARC %s, want fail", r.DMARC)
		}
		if r := c.Check(context.Background(), mail("bo@quiet.example", "Hi"), "bo@quiet.example", auth.Envelope{}); r.DMARC != "none" {
			t.Fatalf("DMARC %s, want none", r.DMARC)
		}
	}
	if dns.n != 2 {
		t.Errorf("%d lookups for three rounds of two domains, want 2", dns.n)
	}
	for range 2 {
		if r := c.Check(context.Background(), mail("cy@slow.example", "Hi"), "cy@slow.example", auth.Envelope{}); r.DMARC != "temperror" {
			t.Fatalf("DMARC %s, want temperror", r.DMARC)
		}
	}
	if dns.n != 3 {
		t.Errorf("%d lookups, want 3: a timeout is remembered for a while", dns.n)
	}
}

// hanging is a DNS that never answers: every lookup waits for its context.
type hanging struct{ auth.Table }

func (hanging) LookupTXT(ctx context.Context, name string) ([]string, error) {
	<-ctx.Done()
	return nil, &net.DNSError{Err: ctx.Err().Error(), Name: name, IsTimeout: true}
}

// TestSilentDNSEndsInTemperror: a DNS that does not answer cannot hold a
// mail: the checker's timeout ends every lookup and the result says so.
func TestSilentDNSEndsInTemperror(t *testing.T) {
	s := newSigner(t)
	c := &auth.Checker{Resolver: hanging{}, Timeout: 50 * time.Millisecond}
	r := c.Check(context.Background(), s.sign("shop.example", mail("ann@shop.example", "Hi")), "ann@shop.example",
		auth.Envelope{ClientIP: net.ParseIP("192.0.2.1"), Helo: "mx", MailFrom: "ann@shop.example"})
	if r.DKIM != "temperror" || r.SPF != "temperror" || r.DMARC != "temperror" || r.Vouched() {
		t.Errorf("%s, vouched %v; want temperror for each\n%s", r.Summary(), r.Vouched(), r.Detail)
	}
}
