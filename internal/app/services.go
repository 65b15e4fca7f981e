// Package app wires Frontdesk together: database, services, servers and
// workers. It holds no rules of its own.
package app

import (
	"context"
	"fmt"
	"github.com/frontdesk/frontdesk/internal/automation"
	"github.com/frontdesk/frontdesk/internal/calendar"
	"path/filepath"
	"time"

	"github.com/frontdesk/frontdesk/internal/blob"
	"github.com/frontdesk/frontdesk/internal/brand"
	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/chat/live"
	"github.com/frontdesk/frontdesk/internal/chatbot"
	"github.com/frontdesk/frontdesk/internal/config"
	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/events"
	"github.com/frontdesk/frontdesk/internal/field"
	"github.com/frontdesk/frontdesk/internal/form"
	"github.com/frontdesk/frontdesk/internal/geoip"
	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/mail/auth"
	"github.com/frontdesk/frontdesk/internal/mail/inbound"
	"github.com/frontdesk/frontdesk/internal/mail/mailbox"
	"github.com/frontdesk/frontdesk/internal/mail/outbound"
	"github.com/frontdesk/frontdesk/internal/notification"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/presence"
	"github.com/frontdesk/frontdesk/internal/report"
	"github.com/frontdesk/frontdesk/internal/sla"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/ticket"
	"github.com/frontdesk/frontdesk/internal/webhook"
	"github.com/frontdesk/frontdesk/internal/widget"
)

// Bus carries ticket events to live listeners (events.Local on one node,
// events.Postgres across nodes).
type Bus interface {
	Publish(kind string, ticketID int64)
	Send(e events.Event) // any event, chat events included
	Subscribe() *events.Subscription
}

// Services are the domain services over one database.
type Services struct {
	DB        *db.DB
	Events    Bus
	Blobs     *blob.Store // attachments and raw mails, under the data directory
	Operators *operator.Service
	Teams     *team.Service
	Pipelines *pipeline.Service
	Calendars *calendar.Service // business hours
	Fields    *field.Service    // custom ticket fields
	SLA       *sla.Service      // SLA policies and tickets' SLA state
	Contacts  *contact.Service
	Tickets   *ticket.Service
	Reports   *report.Service   // the report record and its roll-ups
	Outbox    *outbound.Service // mail to customers, queued with each change
	Presence  *presence.Service // who has a ticket open, who is typing
	Brand     *brand.Service    // the name, colour and logo customers see
	// Notifications tell operators of @mentions and tickets opened for them.
	Notifications *notification.Service
	// Automations run the rules: when, if, then (docs/automations.md).
	Automations *automation.Service
	Webhooks    *webhook.Service // deliveries queued with each ticket change
	// AccountMail mails operators about their account ("forgot password")
	// at once; without a relay it answers outbound.ErrNoRelay.
	AccountMail interface {
		SendText(ctx context.Context, to, subject, text string) error
	}
	Mailboxes *mailbox.Service // IMAP mailboxes of the teams
	// IMAPIntake takes in the mail the IMAP syncers fetch; serve runs no
	// syncer while it is nil.
	IMAPIntake mailbox.Intake
	Forms      *form.Service   // teams' website forms
	Widgets    *widget.Service // teams' widget settings and secrets
	Mail       *inbound.Intake // inbound mail: raw store, processing, threading
	Chats      *chat.Service   // live chat (docs/chat.md)
	ChatHub    *live.Hub       // this node's chat sockets
	// Limits makes the rate limiters: in memory on SQLite (one node), in
	// the database on PostgreSQL, where every node spends one budget.
	Limits httpx.Limits
	// TokenGuesses counts, per client address, lookups of a ticket token
	// that found nothing, wherever a token is looked up: the /t/ pages,
	// the form's confirmation page and the SMTP listener's reply
	// addresses. One budget for all, or each would be an oracle of its own.
	TokenGuesses httpx.Limiter
	// TrustedProxies decides which peer's X-Forwarded-For names the client
	// (FRONTDESK_TRUSTED_PROXIES).
	TrustedProxies httpx.TrustedProxies
	// GeoIP names a client address's country (FRONTDESK_GEOIP_DB); nil
	// when no database is configured: no country is then known.
	GeoIP *geoip.DB
	// Chatbots keeps the chatbot scripts of the chat channels' rules.
	Chatbots *chatbot.Service
}

// Guesses of a ticket token allowed per client address, earned back over
// TokenGuessWindow. Only misses count: a customer reloading their page
// or a mail server delivering replies never runs out.
const (
	TokenGuessBurst  = 20
	TokenGuessWindow = time.Minute
)

// Chat messages allowed per chat (or operator) and per client address,
// earned back over the window: a person types far fewer; a script that
// floods a chat is stopped.
const (
	ChatSendBurst  = 60
	ChatSendWindow = time.Minute
)

// limitsFor chooses where rate limits count by engine.
func limitsFor(d *db.DB) httpx.Limits {
	if d.Dialect == db.Postgres {
		return httpx.SharedLimits(d)
	}
	return httpx.MemoryLimits
}

// NewServices builds the services and connects them through the small
// interfaces each one declares.
func NewServices(d *db.DB, cfg config.Config) *Services {
	s := &Services{
		DB:        d,
		Blobs:     &blob.Store{Dir: filepath.Join(cfg.DataDir, "blobs")},
		Operators: &operator.Service{DB: d},
		Pipelines: &pipeline.Service{DB: d},
		Calendars: &calendar.Service{DB: d},
		Fields:    &field.Service{DB: d},
		Contacts:  &contact.Service{DB: d},
		Mailboxes: &mailbox.Service{DB: d},
		Forms:     &form.Service{DB: d},
		Widgets:   &widget.Service{DB: d},
	}
	s.SLA = &sla.Service{DB: d}
	s.Calendars.SLA = s.SLA
	s.Teams = &team.Service{DB: d, MailDomain: cfg.MailDomain, Pipelines: s.Pipelines, SLA: s.SLA}
	s.Forms.Teams, s.Forms.Fields = s.Teams, s.Fields
	s.Tickets = &ticket.Service{DB: d, BaseURL: cfg.BaseURL, Contacts: s.Contacts, Teams: s.Teams,
		Pipelines: s.Pipelines, Operators: s.Operators, Custom: s.Fields}
	s.Tickets.Clocks = s.SLA
	s.Reports = &report.Service{DB: d}
	s.Tickets.Reports = s.Reports
	s.Pipelines.Tickets = s.Tickets
	s.Outbox = &outbound.Service{DB: d, Blobs: s.Blobs, BaseURL: cfg.BaseURL,
		MailDomain: cfg.MailDomain, RelaySet: cfg.SMTPRelay != ""}
	s.Notifications = &notification.Service{DB: d, Mail: s.Outbox, BaseURL: cfg.BaseURL}
	s.Automations = &automation.Service{DB: d, Tickets: s.Tickets, Notify: s.Notifications, Mail: s.Outbox,
		Calendars: s.Calendars}
	s.Tickets.Automations, s.SLA.Automations, s.Teams.Rules = s.Automations, s.Automations, s.Automations
	s.Webhooks = &webhook.Service{DB: d, BaseURL: cfg.BaseURL, Listen: cfg.HTTPAddr, BlockPrivate: cfg.WebhookBlockPrivate}
	s.Automations.Webhooks = s.Webhooks
	s.Tickets.Notifier = notifiers{s.Outbox, s.Notifications, s.Webhooks}
	relay, _ := outbound.ParseRelay(cfg.SMTPRelay) // a bad URL stops serve in startSender
	if relay != nil {
		relay.HelloName = cfg.MailDomain
	}
	s.AccountMail = &outbound.Direct{Relay: relay, MailDomain: cfg.MailDomain}
	s.Mail = &inbound.Intake{DB: d, Blobs: s.Blobs, Tickets: s.Tickets, Teams: s.Teams, Operators: s.Operators,
		Contacts: s.Contacts, MailDomain: cfg.MailDomain, Auth: auth.Default()}
	s.IMAPIntake = imapIntake{s.Mail}
	s.Outbox.Participants = participants{}
	s.Contacts.Tickets = s.Tickets
	s.Limits = limitsFor(d)
	s.TokenGuesses = s.Limits("token_guesses", TokenGuessBurst, TokenGuessWindow)
	s.Mail.Limits, s.Mail.TokenGuesses = s.Limits, s.TokenGuesses
	s.TrustedProxies = cfg.Proxies()
	s.Chats = &chat.Service{DB: d, Tickets: s.Tickets, BaseURL: cfg.BaseURL, Contacts: chatContacts{s.Contacts},
		Mailer: chatTranscripts{s.Outbox}, Reports: s.Reports, Fields: s.Fields}
	s.Teams.LiveChat = s.Chats
	s.Chatbots = &chatbot.Service{DB: d, Fields: s.Fields}
	s.Chats.Webhooks, s.SLA.Webhooks = s.Webhooks, s.Webhooks
	s.ChatHub = &live.Hub{Chats: s.Chats, Sends: s.Limits("chat_sends", ChatSendBurst, ChatSendWindow)}
	s.Presence = &presence.Service{DB: d}
	s.Brand = &brand.Service{DB: d}
	s.Outbox.Brand = s.Brand
	s.UseBus(&events.Local{})
	return s
}

// UseBus makes b the bus every service publishes to.
func (s *Services) UseBus(b Bus) {
	s.Events = b
	s.Presence.Bus = b
	s.Notifications.Bus = b
	s.Tickets.Bus = b
	s.SLA.Bus = b
	s.Chats.Bus = b
	s.ChatHub.Bus = b
}

// Bootstrap makes sure a fresh install can work: the default pipeline and
// team exist. It returns the default team.
func (s *Services) Bootstrap(ctx context.Context) (team.Team, error) {
	p, err := s.Pipelines.EnsureDefault(ctx)
	if err != nil {
		return team.Team{}, err
	}
	teams, err := s.Teams.List(ctx)
	if err != nil {
		return team.Team{}, err
	}
	if len(teams) > 0 {
		return teams[0], nil
	}
	name, slug := "Support", "support"
	t, err := s.Teams.Create(ctx, team.Input{Name: &name, Slug: &slug}, p.ID)
	if err != nil {
		return team.Team{}, fmt.Errorf("create default team: %w", err)
	}
	return t, nil
}
