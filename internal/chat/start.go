package chat

import (
	"context"
	"net/mail"
	"strings"
	"unicode/utf8"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/events"
)

// NewChat is a visitor's request to chat. The portal fills ExternalID and
// EmailSigned only from a checked signature (portal.Identity): an email
// the visitor typed is kept as given by them and links no contact.
type NewChat struct {
	Channel     string // slug
	VisitorKey  string // the widget's random id for this browser
	Name, Email string
	ExternalID  string
	EmailSigned bool
	Country     string
	PageURL     string
	PageTitle   string
	Message     string // optional first message
	ClientID    string // of the first message
	// Bot answers first when the page's rule names a chatbot; the chat
	// then starts even with nobody online.
	Bot *Bot
}

func (in *NewChat) validate(o Options) error {
	c := &domain.Check{}
	in.Name, in.Email = strings.TrimSpace(in.Name), strings.TrimSpace(in.Email)
	in.VisitorKey = strings.TrimSpace(in.VisitorKey)
	c.Require(len(in.VisitorKey) <= 100, "visitor", "must be at most 100 characters")
	c.Require(o.PrechatName != PrechatRequired || in.Name != "", "name", "is required")
	c.Require(o.PrechatEmail != PrechatRequired || in.Email != "", "email", "is required")
	c.Require(utf8.RuneCountInString(in.Name) <= 200, "name", "must be at most 200 characters")
	if in.Email != "" {
		a, err := mail.ParseAddress(in.Email)
		c.Require(err == nil && a.Address == in.Email && len(in.Email) <= 254, "email", "is not an email address")
	}
	c.Require(utf8.RuneCountInString(in.Message) <= MaxBody, "message", "must be at most 10,000 characters")
	c.Require(len(in.PageURL) <= 2000, "page.url", "must be at most 2,000 characters")
	return c.Err()
}

// Start opens a chat on a channel and routes it: to an operator, or into
// the queue. It refuses when the channel is off, or when no operator of
// the channel is online at all (the widget then offers the offline form).
// It returns the chat and the visitor's token, shown only now.
func (s *Service) Start(ctx context.Context, in NewChat) (Chat, string, error) {
	ch, err := s.ChannelBySlug(ctx, in.Channel)
	if err != nil {
		return Chat{}, "", err
	}
	if !ch.Enabled {
		return Chat{}, "", domain.Forbidden("this chat channel is closed")
	}
	if err := in.validate(ch.Options.Effective()); err != nil {
		return Chat{}, "", err
	}
	var contactID *int64
	if in.ExternalID != "" && s.Contacts != nil {
		id, err := s.Contacts.IDByExternalID(ctx, in.ExternalID)
		if err != nil {
			return Chat{}, "", err
		}
		if id != 0 {
			contactID = &id
		}
	}
	token := newToken()
	var id int64
	var ch2 changes
	err = s.DB.WithTx(ctx, func(tx *db.Tx) error {
		ch2 = changes{}
		var err error
		id, err = s.startTx(ctx, tx, ch.ID, in, token, contactID, &ch2)
		return err
	})
	if err != nil {
		return Chat{}, "", err
	}
	s.publish(ch2)
	c, err := s.Get(ctx, id)
	return c, token, err
}

func (s *Service) startTx(ctx context.Context, tx *db.Tx, channelID int64, in NewChat, token string, contactID *int64,
	ch *changes) (int64, error) {
	now := s.now()
	if in.Bot == nil { // a bot answers whoever is online; without one, someone must be
		if n, err := onlineCount(ctx, tx, channelID, s.cutoff(now)); err != nil || n == 0 {
			if err == nil {
				err = ErrUnavailable
			}
			return 0, err
		}
	}
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO chats (channel_id, token_hash, state, visitor_key, visitor_name,
		visitor_email, external_id, email_signed, verified, country, created_at, queued_at, contact_id)
		VALUES ($1, $2, 'queued', $3, $4, $5, $6, $7, $8, $9, $10, $10, $11) RETURNING id`,
		channelID, hashToken(token), in.VisitorKey, in.Name, in.Email, in.ExternalID, in.EmailSigned,
		in.ExternalID != "", in.Country, now, contactID).Scan(&id)
	if err != nil {
		return 0, err
	}
	if in.PageURL != "" {
		if err := addPage(ctx, tx, id, in.PageURL, in.PageTitle, now); err != nil {
			return 0, err
		}
	}
	if strings.TrimSpace(in.Message) != "" {
		m := NewMessage{ChatID: id, Author: Visitor, Body: in.Message, ClientID: in.ClientID}
		if _, err := s.insertMessage(ctx, tx, m, ch); err != nil {
			return 0, err
		}
	}
	ch.chat(id)
	if in.Bot != nil {
		return id, s.startBot(ctx, tx, id, channelID, in.Bot, ch)
	}
	ch.queue(channelID)
	if err := s.route(ctx, tx, id, channelID, 0, ch); err != nil {
		return 0, err
	}
	return id, s.hook(ctx, tx, "chat_started", id)
}

// ErrUnavailable: nobody of the channel is online to chat.
var ErrUnavailable = domain.Conflict("no operator is available; leave a message instead")

// changes collects what a transaction did, announced after its commit.
type changes struct {
	chats    map[int64]bool // state or operator changed
	messages map[int64]bool // new messages
	queues   map[int64]bool // channels whose queue moved
	tickets  []int64        // tickets opened (by a chatbot)
}

func (c *changes) chat(id int64)    { c.chats = setAdd(c.chats, id) }
func (c *changes) message(id int64) { c.messages = setAdd(c.messages, id) }
func (c *changes) queue(id int64)   { c.queues = setAdd(c.queues, id) }

func setAdd(m map[int64]bool, id int64) map[int64]bool {
	if m == nil {
		m = map[int64]bool{}
	}
	m[id] = true
	return m
}

func (s *Service) publish(c changes) {
	for id := range c.messages {
		s.send(events.Event{Kind: KindMessage, ChatID: id})
	}
	for id := range c.chats {
		s.send(events.Event{Kind: KindState, ChatID: id})
	}
	for id := range c.queues {
		s.send(events.Event{Kind: KindQueue, ChannelID: id})
	}
	for _, id := range c.tickets {
		s.Tickets.Announce("ticket.created", id)
	}
}

// The chat events on the bus (ids only; receivers read the rows).
const (
	KindMessage  = "chat.message"  // ChatID has messages past what sockets sent
	KindState    = "chat.state"    // ChatID changed state, operator or rating
	KindQueue    = "chat.queue"    // ChannelID's queue moved: places changed
	KindTyping   = "chat.typing"   // From, OperatorID, Name, Active, Private
	KindRead     = "chat.read"     // From, Seq
	KindPresence = "chat.presence" // OperatorID's availability changed
)
