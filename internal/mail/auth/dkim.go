package auth

import (
	"bytes"
	"context"
	"strings"

	"github.com/emersion/go-msgauth/dkim"
)

// maxSignatures bounds the DKIM signatures verified on one mail, so a mail
// stuffed with them cannot make intake do thousands of lookups.
const maxSignatures = 5

func (c *Checker) dkim(ctx context.Context, raw []byte) outcome {
	vs, err := dkim.VerifyWithOptions(bytes.NewReader(raw), &dkim.VerifyOptions{
		LookupTXT: c.lookupTXT(ctx), MaxVerifications: maxSignatures})
	if err != nil && len(vs) == 0 {
		return outcome{result: PermError, detail: "DKIM: " + err.Error()}
	}
	if len(vs) == 0 {
		return outcome{result: None, detail: "DKIM: no signature"}
	}
	o := outcome{result: Fail}
	var lines []string
	for _, v := range vs {
		switch {
		case v.Err == nil:
			o.passed = append(o.passed, strings.ToLower(v.Domain))
			lines = append(lines, "DKIM: pass for "+v.Domain)
		case dkim.IsTempFail(v.Err):
			lines = append(lines, "DKIM: temperror for "+v.Domain+" ("+v.Err.Error()+")")
			if o.result == Fail {
				o.result = TempError
			}
		default:
			o.failed = append(o.failed, strings.ToLower(v.Domain))
			lines = append(lines, "DKIM: fail for "+v.Domain+" ("+v.Err.Error()+")")
		}
	}
	if len(o.passed) > 0 {
		o.result = Pass
	}
	o.detail = strings.Join(lines, "\n")
	return o
}

// lookupTXT adapts the resolver to the libraries' lookup, bound to ctx.
func (c *Checker) lookupTXT(ctx context.Context) func(string) ([]string, error) {
	return func(name string) ([]string, error) { return c.Resolver.LookupTXT(ctx, name) }
}
