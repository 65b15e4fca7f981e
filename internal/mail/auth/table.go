package auth

import (
	"context"
	"net"
)

// Table is a DNS made of TXT records, for tests and for running without
// DNS: every other name does not exist. A name mapped to nil fails as a
// timeout, like an unreachable server.
type Table map[string][]string

// LookupTXT answers from the table.
func (t Table) LookupTXT(_ context.Context, name string) ([]string, error) {
	txt, ok := t[name]
	if !ok {
		return nil, &net.DNSError{Err: "no such host", Name: name, IsNotFound: true}
	}
	if txt == nil {
		return nil, &net.DNSError{Err: "i/o timeout", Name: name, IsTimeout: true, IsTemporary: true}
	}
	return txt, nil
}

// LookupMX finds no mail exchangers.
func (t Table) LookupMX(_ context.Context, name string) ([]*net.MX, error) {
	return nil, &net.DNSError{Err: "no such host", Name: name, IsNotFound: true}
}

// LookupIPAddr finds no addresses.
func (t Table) LookupIPAddr(_ context.Context, host string) ([]net.IPAddr, error) {
	return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
}

// LookupAddr finds no names.
func (t Table) LookupAddr(_ context.Context, addr string) ([]string, error) {
	return nil, &net.DNSError{Err: "no such host", Name: addr, IsNotFound: true}
}
