package mailbox_test

import (
	"context"
	"errors"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/mail/mailbox"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func TestMailboxValidation(t *testing.T) {
	good := mailbox.Input{Host: "imap.example.com", Port: 993, TLS: mailbox.TLS, Username: "u", Password: "p"}
	cases := []struct {
		name  string
		edit  func(*mailbox.Input)
		field string
	}{
		{"no host", func(in *mailbox.Input) { in.Host = "  " }, "host"},
		{"url as host", func(in *mailbox.Input) { in.Host = "imaps://imap.example.com/" }, "host"},
		{"port zero", func(in *mailbox.Input) { in.Port = 0 }, "port"},
		{"port too big", func(in *mailbox.Input) { in.Port = 65536 }, "port"},
		{"tls mode", func(in *mailbox.Input) { in.TLS = "ssl" }, "tls"},
		{"no user", func(in *mailbox.Input) { in.Username = "" }, "username"},
		{"no password", func(in *mailbox.Input) { in.Password = "" }, "password"},
		{"folder with newline", func(in *mailbox.Input) { in.Folder = "INBOX\r\nA1 DELETE INBOX" }, "folder"},
	}
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		svc, team := &mailbox.Service{DB: d}, defaultTeam(t, d)
		for _, c := range cases {
			in := good
			c.edit(&in)
			_, err := svc.Create(context.Background(), team, in)
			if fields := testutil.Fields(err); fields[c.field] == "" || len(fields) != 1 {
				t.Errorf("%s: fields %v, want only %q", c.name, fields, c.field)
			}
		}
		m, err := svc.Create(context.Background(), team, good)
		if err != nil || m.Folder != "INBOX" || m.Enabled {
			t.Fatalf("create: %+v, %v", m, err)
		}
		_, err = svc.Create(context.Background(), team, good)
		if testutil.Fields(err)["folder"] == "" {
			t.Errorf("the same folder twice: %v", err)
		}
	})
}

func TestMailboxUpdateAndDelete(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		svc, team := &mailbox.Service{DB: d}, defaultTeam(t, d)
		in := mailbox.Input{Host: "imap.example.com", Port: 993, TLS: mailbox.TLS, Username: "u", Password: "secret",
			Enabled: true}
		m, err := svc.Create(ctx, team, in)
		if err != nil {
			t.Fatal(err)
		}
		if err := svc.StartOver(ctx, m.ID, 7); err != nil {
			t.Fatal(err)
		}
		if err := svc.Advance(ctx, m.ID, 7, 40, 40); err != nil {
			t.Fatal(err)
		}
		in.Password, in.Enabled, in.TLS = "", false, mailbox.StartTLS
		m, err = svc.Update(ctx, team, m.ID, in)
		if err != nil || m.Password != "secret" || m.Enabled || m.LastUID != 40 || m.TLS != mailbox.StartTLS {
			t.Fatalf("update keeping the account: %+v, %v", m, err)
		}
		in.Folder = "Support"
		if m, err = svc.Update(ctx, team, m.ID, in); err != nil || m.LastUID != 0 || m.UIDValidity != 0 {
			t.Fatalf("another folder must start over: %+v, %v", m, err)
		}
		if _, err := svc.Update(ctx, team+1000, m.ID, in); !errors.Is(err, mailbox.ErrNotFound) {
			t.Errorf("update through another team: %v", err)
		}
		if err := svc.Delete(ctx, team+1000, m.ID); !errors.Is(err, mailbox.ErrNotFound) {
			t.Errorf("delete through another team: %v", err)
		}
		if err := svc.Delete(ctx, team, m.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Get(ctx, m.ID); !errors.Is(err, mailbox.ErrNotFound) {
			t.Errorf("get after delete: %v", err)
		}
	})
}

func defaultTeam(t *testing.T, d *db.DB) int64 {
	t.Helper()
	teams, err := testutil.Services(t, d).Teams.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return teams[0].ID
}
