// Package auth checks who really sent an inbound mail: DKIM signatures,
// SPF for the client that handed it over, and DMARC, which ties either to
// the domain of the From line a reader sees. Results are recorded on the
// message and shown to operators; a mail that claims an operator's address
// without passing is never taken as that operator's answer.
package auth

import (
	"context"
	"net"
	"strings"
	"time"

	"blitiri.com.ar/go/spf"
)

// Results of a check, as in Authentication-Results (RFC 8601).
const (
	Pass      = "pass"
	Fail      = "fail"
	None      = "none"
	TempError = "temperror"
	PermError = "permerror"
)

// Resolver is the DNS the checks ask; *net.Resolver is one, Table another.
type Resolver interface {
	LookupTXT(ctx context.Context, name string) ([]string, error)
	LookupMX(ctx context.Context, name string) ([]*net.MX, error)
	LookupIPAddr(ctx context.Context, host string) ([]net.IPAddr, error)
	LookupAddr(ctx context.Context, addr string) ([]string, error)
}

// Checker checks mails against DNS.
type Checker struct {
	Resolver Resolver
	// Timeout bounds all lookups of one mail (0: 4s): a slow or absent DNS
	// ends in temperror, never a lost or held-up mail.
	Timeout time.Duration
}

// Default checks with the system's resolver, its TXT answers cached.
func Default() *Checker { return &Checker{Resolver: &Cache{Resolver: net.DefaultResolver}} }

// Envelope is what the SMTP conversation said about a mail.
type Envelope struct {
	ClientIP net.IP // nil when the mail came another way (IMAP)
	Helo     string
	MailFrom string
}

// Result is what the checks found.
type Result struct {
	DKIM, SPF, DMARC string
	Detail           string // one line per check, for operators
	// alignedFail: a DKIM signature or SPF check of the From domain failed.
	alignedFail bool
}

// Summary is the compact form shown beside a message.
func (r Result) Summary() string {
	return "DKIM " + r.DKIM + " · SPF " + r.SPF + " · DMARC " + r.DMARC
}

// Vouched reports whether the From address may be believed: DMARC passed,
// or the domain publishes no DMARC policy (it asks nobody to check) and no
// check of the From domain itself failed. A DMARC failure, or a policy
// that could not be read, is never believed.
func (r Result) Vouched() bool {
	return r.DMARC == Pass || (r.DMARC == None && !r.alignedFail)
}

// Check runs DKIM, SPF and DMARC on raw, whose From address is from.
func (c *Checker) Check(ctx context.Context, raw []byte, from string, env Envelope) Result {
	ctx, cancel := context.WithTimeout(ctx, c.timeout())
	defer cancel()
	fromDomain := domainOf(from)
	dk := c.dkim(ctx, raw)
	sp := c.spf(ctx, env)
	dm := c.dmarc(ctx, fromDomain, dk, sp)
	return Result{DKIM: dk.result, SPF: sp.result, DMARC: dm.result,
		Detail:      strings.Join([]string{dk.detail, sp.detail, dm.detail}, "\n"),
		alignedFail: failedFor(fromDomain, dk, sp)}
}

func (c *Checker) timeout() time.Duration {
	if c.Timeout > 0 {
		return c.Timeout
	}
	return 4 * time.Second
}

// outcome is one check's result, the domain it vouches for, and why.
type outcome struct {
	result string
	domain string   // SPF: the envelope domain checked
	passed []string // DKIM: the signing domains that passed
	failed []string // DKIM: the signing domains that failed
	detail string
}

// failedFor reports whether a check of the From domain (relaxed) failed.
func failedFor(from string, dk, sp outcome) bool {
	for _, d := range dk.failed {
		if aligned(d, from, "") {
			return true
		}
	}
	return sp.result == Fail && aligned(sp.domain, from, "")
}

func (c *Checker) spf(ctx context.Context, env Envelope) outcome {
	if env.ClientIP == nil {
		return outcome{result: None, detail: "SPF: not checked, the mail did not come by SMTP"}
	}
	domain := domainOf(env.MailFrom)
	if domain == "" {
		domain = strings.ToLower(env.Helo)
	}
	res, err := spf.CheckHostWithSender(env.ClientIP, env.Helo, env.MailFrom,
		spf.WithResolver(c.Resolver), spf.WithContext(ctx))
	o := outcome{result: string(res), domain: domain,
		detail: "SPF: " + string(res) + " for " + domain + " from " + env.ClientIP.String()}
	if err != nil && res != spf.Pass {
		o.detail += " (" + err.Error() + ")"
	}
	return o
}

// domainOf is the lower-case domain of an address.
func domainOf(addr string) string {
	addr = strings.Trim(strings.TrimSpace(addr), "<>")
	at := strings.LastIndexByte(addr, '@')
	if at < 0 {
		return ""
	}
	return strings.ToLower(strings.TrimSuffix(addr[at+1:], "."))
}
