package auth

import (
	"context"
	"errors"

	"github.com/emersion/go-msgauth/dmarc"
	"golang.org/x/net/publicsuffix"
)

// dmarc looks up the From domain's policy (or its organisational
// domain's) and checks that a passing DKIM signature or SPF check is
// aligned with the From domain.
func (c *Checker) dmarc(ctx context.Context, from string, dk, sp outcome) outcome {
	if from == "" {
		return outcome{result: PermError, detail: "DMARC: the From line has no domain"}
	}
	rec, err := c.policy(ctx, from)
	switch {
	case errors.Is(err, dmarc.ErrNoPolicy):
		return outcome{result: None, detail: "DMARC: " + from + " publishes no policy"}
	case dmarc.IsTempFail(err) || errors.Is(err, context.DeadlineExceeded):
		return outcome{result: TempError, detail: "DMARC: policy of " + from + " not found in time (" + err.Error() + ")"}
	case err != nil:
		return outcome{result: PermError, detail: "DMARC: policy of " + from + ": " + err.Error()}
	}
	for _, d := range dk.passed {
		if aligned(d, from, rec.DKIMAlignment) {
			return outcome{result: Pass, detail: "DMARC: pass, DKIM of " + d + " aligned with " + from}
		}
	}
	if sp.result == Pass && aligned(sp.domain, from, rec.SPFAlignment) {
		return outcome{result: Pass, detail: "DMARC: pass, SPF of " + sp.domain + " aligned with " + from}
	}
	return outcome{result: Fail, detail: "DMARC: fail, no passing DKIM or SPF aligned with " + from +
		" (policy " + string(rec.Policy) + ")"}
}

// policy is the DMARC record of domain, else of its organisational domain.
func (c *Checker) policy(ctx context.Context, domain string) (*dmarc.Record, error) {
	opts := &dmarc.LookupOptions{LookupTXT: c.lookupTXT(ctx)}
	rec, err := dmarc.LookupWithOptions(domain, opts)
	org := organisational(domain)
	if errors.Is(err, dmarc.ErrNoPolicy) && org != domain {
		return dmarc.LookupWithOptions(org, opts)
	}
	return rec, err
}

// aligned reports whether domain d is aligned with the From domain: the
// same domain (strict), or the same organisational domain (relaxed).
func aligned(d, from string, mode dmarc.AlignmentMode) bool {
	if mode == dmarc.AlignmentStrict {
		return d == from
	}
	return organisational(d) == organisational(from)
}

func organisational(domain string) string {
	org, err := publicsuffix.EffectiveTLDPlusOne(domain)
	if err != nil {
		return domain
	}
	return org
}
