package mailbox

import (
	"context"
	"crypto/tls"
	"time"
)

// probeTimeout bounds a connection test, so the settings page answers.
const probeTimeout = 30 * time.Second

// Probe logs in to m and returns how many messages its folder holds, or
// what went wrong in plain words. It changes nothing on the server.
func Probe(ctx context.Context, m Mailbox, tlsConfig *tls.Config) (uint32, error) {
	ctx, cancel := context.WithTimeout(ctx, probeTimeout)
	defer cancel()
	ss, err := open(ctx, m, tlsConfig)
	if err != nil {
		return 0, err
	}
	defer ss.close()
	return ss.sel.NumMessages, nil
}
