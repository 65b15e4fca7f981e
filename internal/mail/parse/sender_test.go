package parse

import "testing"

// TestSenderFallback: without a usable From the sender comes from
// Reply-To, Sender or Return-Path, and the header used is reported.
func TestSenderFallback(t *testing.T) {
	tests := []struct{ name, head, addr, header string }{
		{"usable From wins", "From: a@example.com\nReply-To: b@example.com\n", "a@example.com", ""},
		{"no From", "Reply-To: b@example.com\nSender: c@example.com\n", "b@example.com", "Reply-To"},
		{"From is only a name", "From: Support Team\nSender: c@example.com\n", "c@example.com", "Sender"},
		{"From cannot be written to", "From: <d at example.com>\nReturn-Path: <d@example.com>\n", "d@example.com", "Return-Path"},
		{"empty Return-Path of a bounce is no sender", "Return-Path: <>\n", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Parse([]byte(tt.head + "\nbody\n"))
			got := ""
			if len(m.From) > 0 {
				got = m.From[0].Address
			}
			if got != tt.addr || m.FromHeader != tt.header {
				t.Errorf("from %q via %q, want %q via %q", got, m.FromHeader, tt.addr, tt.header)
			}
		})
	}
	m := parseFile(t, "no-from.eml")
	if len(m.From) != 1 || m.From[0] != (Address{"Tomás Herrera", "tomas@example.es"}) || m.FromHeader != "Reply-To" {
		t.Errorf("no-from.eml: from %+v via %q", m.From, m.FromHeader)
	}
}
