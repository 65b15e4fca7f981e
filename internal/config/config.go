// Package config holds Frontdesk's one configuration struct: defaults, then
// FRONTDESK_* environment variables, then command-line flags.
package config

import (
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/httpx"
)

// Config is passed down from main; nothing reads the environment elsewhere.
type Config struct {
	DB            string
	DataDir       string
	HTTPAddr      string
	BaseURL       string
	SMTPListen    string
	SMTPRelay     string
	SMTPTLSCert   string
	SMTPTLSKey    string
	MailDomain    string
	LogJSON       bool
	AdminEmail    string
	AdminPassword string
	IMAPPoll      string // wait between IMAP syncs on servers without IDLE, a Go duration
	// TrustedProxies lists the reverse proxies (IPs and CIDR ranges, comma
	// separated) whose X-Forwarded-For names the client.
	TrustedProxies string
	// GeoIPDB is a country database in MMDB format (DB-IP Lite, GeoLite2)
	// for the chat channels' country rules; empty: no country is known.
	GeoIPDB     string
	RawMailDays string // days a processed raw mail is kept, a whole number
	// WebhookBlockPrivate refuses webhook deliveries to loopback, private
	// and link-local addresses (checked when each connection is made).
	WebhookBlockPrivate bool
}

// Defaults returns the configuration a fresh install runs with.
func Defaults() Config {
	return Config{
		DB:          "./data/frontdesk.db",
		DataDir:     "./data",
		HTTPAddr:    "127.0.0.1:8080",
		BaseURL:     "http://127.0.0.1:8080",
		SMTPListen:  "127.0.0.1:2525",
		MailDomain:  "localhost",
		IMAPPoll:    "60s",
		RawMailDays: "90",
	}
}

// field ties a setting to its flag and environment variable.
type field struct {
	flag, env, usage string
	str              *string
	boolean          *bool
}

func (c *Config) fields() []field {
	return []field{
		{flag: "db", env: "FRONTDESK_DB", usage: "SQLite file, or a postgres:// URL", str: &c.DB},
		{flag: "data", env: "FRONTDESK_DATA", usage: "directory for attachments and raw mail", str: &c.DataDir},
		{flag: "http", env: "FRONTDESK_HTTP", usage: "HTTP listen address", str: &c.HTTPAddr},
		{flag: "base-url", env: "FRONTDESK_BASE_URL", usage: "public URL of this install", str: &c.BaseURL},
		{flag: "smtp-listen", env: "FRONTDESK_SMTP_LISTEN", usage: "inbound SMTP listen address (empty: off)", str: &c.SMTPListen},
		{flag: "smtp-tls-cert", env: "FRONTDESK_SMTP_TLS_CERT", usage: "PEM certificate for STARTTLS on the SMTP listener", str: &c.SMTPTLSCert},
		{flag: "smtp-tls-key", env: "FRONTDESK_SMTP_TLS_KEY", usage: "PEM key of --smtp-tls-cert", str: &c.SMTPTLSKey},
		{flag: "smtp-relay", env: "FRONTDESK_SMTP_RELAY", usage: "outbound relay, smtp://user:pass@host:port", str: &c.SMTPRelay},
		{flag: "mail-domain", env: "FRONTDESK_MAIL_DOMAIN", usage: "domain of team aliases", str: &c.MailDomain},
		{flag: "log-json", env: "FRONTDESK_LOG_JSON", usage: "log as JSON instead of text", boolean: &c.LogJSON},
		{flag: "imap-poll", env: "FRONTDESK_IMAP_POLL", usage: "wait between IMAP syncs without IDLE", str: &c.IMAPPoll},
		{flag: "trusted-proxies", env: "FRONTDESK_TRUSTED_PROXIES", usage: "reverse proxies whose X-Forwarded-For is believed, IPs and CIDRs, comma separated", str: &c.TrustedProxies},
		{flag: "geoip-db", env: "FRONTDESK_GEOIP_DB", usage: "country database (MMDB) for chat rules by country", str: &c.GeoIPDB},
		{flag: "webhook-block-private", env: "FRONTDESK_WEBHOOK_BLOCK_PRIVATE", usage: "refuse webhook deliveries to loopback, private and link-local addresses", boolean: &c.WebhookBlockPrivate},
		{flag: "raw-mail-days", env: "FRONTDESK_RAW_MAIL_DAYS", usage: "days to keep processed raw mails", str: &c.RawMailDays},
		{env: "FRONTDESK_ADMIN_EMAIL", str: &c.AdminEmail},
		{env: "FRONTDESK_ADMIN_PASSWORD", str: &c.AdminPassword},
	}
}

// FromEnv applies FRONTDESK_* variables on top of c.
func (c *Config) FromEnv(getenv func(string) string) {
	for _, f := range c.fields() {
		v, ok := lookup(getenv, f.env)
		if !ok {
			continue
		}
		if f.str != nil {
			*f.str = v
		} else {
			*f.boolean = v == "1" || strings.EqualFold(v, "true")
		}
	}
}

func lookup(getenv func(string) string, key string) (string, bool) {
	if getenv != nil {
		v := getenv(key)
		return v, v != ""
	}
	return os.LookupEnv(key)
}

// Register adds the settings as flags on fs, with c's values as defaults.
func (c *Config) Register(fs *flag.FlagSet) {
	for _, f := range c.fields() {
		if f.flag == "" {
			continue
		}
		if f.str != nil {
			fs.StringVar(f.str, f.flag, *f.str, f.usage+" ("+f.env+")")
		} else {
			fs.BoolVar(f.boolean, f.flag, *f.boolean, f.usage+" ("+f.env+")")
		}
	}
}

// Load builds the configuration for a subcommand: defaults, environment, flags.
func Load(fs *flag.FlagSet, args []string) (Config, error) {
	c := Defaults()
	c.FromEnv(nil)
	c.Register(fs)
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	return c, c.Validate()
}

// IsPostgres reports whether the database setting selects PostgreSQL.
func (c Config) IsPostgres() bool {
	return strings.HasPrefix(c.DB, "postgres://") || strings.HasPrefix(c.DB, "postgresql://")
}

// Validate explains the first setting that cannot work, in one line.
func (c Config) Validate() error {
	var errs []error
	if c.DB == "" {
		errs = append(errs, errors.New("--db (FRONTDESK_DB) must name a SQLite file or a postgres:// URL"))
	}
	if u, err := url.Parse(c.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		errs = append(errs, fmt.Errorf("--base-url (FRONTDESK_BASE_URL) %q must be an http:// or https:// URL", c.BaseURL))
	}
	if c.HTTPAddr == "" {
		errs = append(errs, errors.New("--http (FRONTDESK_HTTP) must be a listen address such as 127.0.0.1:8080"))
	}
	if (c.SMTPTLSCert == "") != (c.SMTPTLSKey == "") {
		errs = append(errs, errors.New("--smtp-tls-cert and --smtp-tls-key (FRONTDESK_SMTP_TLS_CERT/KEY) go together"))
	}
	if c.SMTPRelay != "" {
		if u, err := url.Parse(c.SMTPRelay); err != nil || (u.Scheme != "smtp" && u.Scheme != "smtps") || u.Host == "" {
			errs = append(errs, fmt.Errorf("--smtp-relay (FRONTDESK_SMTP_RELAY) must look like smtp://user:pass@host:port"))
		}
	}
	if d, err := time.ParseDuration(c.IMAPPoll); err != nil || d < time.Second {
		errs = append(errs, fmt.Errorf("--imap-poll (FRONTDESK_IMAP_POLL) %q must be a duration of at least 1s, such as 60s", c.IMAPPoll))
	}
	if _, err := httpx.ParseTrustedProxies(c.TrustedProxies); err != nil {
		errs = append(errs, fmt.Errorf("--trusted-proxies (FRONTDESK_TRUSTED_PROXIES): %w", err))
	}
	if n, err := strconv.Atoi(c.RawMailDays); err != nil || n < 1 {
		errs = append(errs, fmt.Errorf("--raw-mail-days (FRONTDESK_RAW_MAIL_DAYS) %q must be a whole number of days, at least 1", c.RawMailDays))
	}
	return errors.Join(errs...)
}

// Proxies is TrustedProxies parsed (Validate has checked it).
func (c Config) Proxies() httpx.TrustedProxies {
	tp, _ := httpx.ParseTrustedProxies(c.TrustedProxies)
	return tp
}

// RawMailRetention is how long a processed raw mail is kept (Validate has
// checked RawMailDays).
func (c Config) RawMailRetention() time.Duration {
	n, _ := strconv.Atoi(c.RawMailDays)
	return time.Duration(max(n, 1)) * 24 * time.Hour
}

// IMAPPollInterval is IMAPPoll parsed (Validate has checked it).
func (c Config) IMAPPollInterval() time.Duration {
	d, _ := time.ParseDuration(c.IMAPPoll)
	return d
}

// PublicURL joins the base URL and a path.
func (c Config) PublicURL(path string) string {
	return strings.TrimRight(c.BaseURL, "/") + path
}
