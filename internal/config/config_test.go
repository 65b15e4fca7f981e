package config

import (
	"flag"
	"io"
	"strings"
	"testing"
)

func TestPrecedenceDefaultsEnvFlags(t *testing.T) {
	t.Setenv("FRONTDESK_HTTP", "0.0.0.0:9000")
	t.Setenv("FRONTDESK_DB", "postgres://u@h/db")
	t.Setenv("FRONTDESK_LOG_JSON", "true")
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	c, err := Load(fs, []string{"--http", "127.0.0.1:7000"})
	if err != nil {
		t.Fatal(err)
	}
	if c.HTTPAddr != "127.0.0.1:7000" || c.DB != "postgres://u@h/db" || !c.LogJSON || c.MailDomain != "localhost" {
		t.Errorf("config = %+v", c)
	}
	if !c.IsPostgres() {
		t.Error("postgres:// URL not recognised")
	}
}

func TestValidateExplainsEachBadSetting(t *testing.T) {
	c := Defaults()
	c.BaseURL, c.SMTPRelay, c.DB = "example.com", "relay.example.com:25", ""
	c.TrustedProxies, c.RawMailDays = "10.0.0.1, proxy.internal", "0"
	err := c.Validate()
	for _, want := range []string{"--db (FRONTDESK_DB)", "--base-url (FRONTDESK_BASE_URL)", "--smtp-relay (FRONTDESK_SMTP_RELAY)",
		`--trusted-proxies (FRONTDESK_TRUSTED_PROXIES): "proxy.internal"`, "--raw-mail-days (FRONTDESK_RAW_MAIL_DAYS)"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v does not mention %s", err, want)
		}
	}
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if _, err := Load(fs, []string{"--nope"}); err == nil {
		t.Error("unknown flag accepted")
	}
}
