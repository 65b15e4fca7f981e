package main

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestMailImport(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("FRONTDESK_DB", filepath.Join(dir, "fd.db"))
	t.Setenv("FRONTDESK_DATA", dir)
	first := "From: Ann <ann@example.com>\r\nTo: nobody@elsewhere.example\r\nSubject: Login broken\r\n" +
		"Message-ID: <a1@example.com>\r\n\r\nI cannot log in.\r\n"
	out, err := run(t, first, "mail", "import", "--team", "support", "-")
	if err != nil || !strings.HasPrefix(out, "ticket #") || !strings.HasSuffix(strings.TrimSpace(out), ": new") {
		t.Fatalf("first import: %v %q", err, out)
	}
	number := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(out), "ticket #"), ": new")
	reply := "From: ann@example.com\r\nTo: support@localhost\r\nSubject: Re: Login broken\r\n" +
		"Message-ID: <a2@example.com>\r\nIn-Reply-To: <a1@example.com>\r\n\r\nStill broken.\r\n"
	out, err = run(t, reply, "mail", "import", "-")
	if err != nil || strings.TrimSpace(out) != "ticket #"+number+": threaded" {
		t.Errorf("reply import: %v %q, want ticket #%s: threaded", err, out, number)
	}
	out, err = run(t, "Subject: nobody sent this\r\n\r\nhi\r\n", "mail", "import", "-")
	if err != nil || !strings.HasPrefix(out, "failed (raw mail") || !strings.Contains(out, "From address") {
		t.Errorf("mail without sender: %v %q", err, out)
	}
	if _, err = run(t, first, "mail", "import", "--team", "nope", "-"); err == nil || !strings.Contains(err.Error(), `team "nope"`) {
		t.Errorf("unknown team: %v", err)
	}
}
