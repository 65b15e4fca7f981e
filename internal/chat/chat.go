// Package chat is live chat's domain (docs/chat.md): channels and their
// options, operators' availability and capacity, chats and their numbered
// messages, routing with a queue, missed chats and offline messages that
// become tickets, commands, canned responses and ratings. It owns its SQL;
// the WebSocket side is package chat/live.
package chat

import (
	"context"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/events"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// State is where a chat stands.
type State string

// A chat waits in the queue, is held by an operator, or is over: ended by
// someone, or missed because no operator answered in time.
const (
	Queued State = "queued"
	Active State = "active"
	Ended  State = "ended"
	Missed State = "missed"
)

// Open reports whether messages may still be sent.
func (s State) Open() bool { return s == Queued || s == Active }

// Author says who wrote a message.
type Author string

// The authors of chat messages.
const (
	Visitor  Author = "visitor"
	Operator Author = "operator"
	System   Author = "system"
)

// MaxBody is the longest message, in characters.
const MaxBody = 10000

// Errors a caller acts on.
var (
	ErrNotFound  = domain.NotFound("chat")
	ErrEnded     = domain.Conflict("the chat has ended")
	ErrNoChannel = domain.NotFound("chat channel")
)

// Bus carries chat events to every node's sockets (events.Local or
// events.Postgres).
type Bus interface{ Send(e events.Event) }

// Tickets opens tickets from chats; *ticket.Service implements it.
type Tickets interface {
	CreateTx(ctx context.Context, tx *db.Tx, in ticket.NewTicket) (id, first int64, err error)
	Announce(kind string, ticketID int64)
	Get(ctx context.Context, id int64) (ticket.Ticket, error)
}

// Contacts finds the contact a signed visitor is (by the host site's
// external id); 0 when there is none yet.
type Contacts interface {
	IDByExternalID(ctx context.Context, externalID string) (int64, error)
}

// Fields fills ticket fields from a chatbot's answers (*field.Service).
type Fields interface {
	FromAnswers(ctx context.Context, q db.Querier, pipelineID int64, answers map[string]string) (map[string]any, error)
}

// Mailer queues a transcript mail inside the caller's transaction.
type Mailer interface {
	Transcript(ctx context.Context, tx *db.Tx, m TranscriptMail) error
}

// Reports is the report record (*report.Service): told of each chat fact
// inside the transaction of the change that caused it, so a change that
// rolls back counts nothing.
type Reports interface {
	ChatEnded(ctx context.Context, tx *db.Tx, chatID int64) error
	ChatRated(ctx context.Context, tx *db.Tx, chatID int64) error
	ChatTicket(ctx context.Context, tx *db.Tx, chatID, ticketID int64) error
	ChatOffline(ctx context.Context, tx *db.Tx, teamID, ticketID int64, at time.Time) error
}

// Service is live chat over one database.
type Service struct {
	DB      *db.DB
	Bus     Bus
	Tickets Tickets
	Mailer  Mailer // nil: transcripts cannot be mailed
	// Contacts links a signed visitor's chat to their contact at start;
	// nil: chats are linked when they become tickets.
	Contacts Contacts
	BaseURL  string   // for the direct chat links, {base_url}/chat/{slug}
	Reports  Reports  // nil: no report record
	Webhooks Webhooks // optional: chat_started and chat_ended deliveries
	Fields   Fields   // optional: chatbot answers into ticket fields
	// Clock returns the current time; tests move it.
	Clock func() time.Time

	rules db.Memo[int64, RuleSet] // compiled rules by channel (Decide)
}

func (s *Service) now() time.Time {
	if s.Clock != nil {
		return db.Norm(s.Clock())
	}
	return db.Now()
}

func (s *Service) send(e events.Event) {
	if s.Bus != nil {
		s.Bus.Send(e)
	}
}

// Chat is one conversation between a visitor and the operators.
type Chat struct {
	ID          int64       `json:"id"`
	ChannelID   int64       `json:"-"`
	Channel     string      `json:"channel"`
	TeamID      *int64      `json:"-"`
	State       State       `json:"state"`
	Place       int         `json:"place,omitempty"`
	Operator    *Person     `json:"operator"`
	Visitor     VisitorInfo `json:"visitor"`
	Rating      *Rating     `json:"rating"`
	Comment     string      `json:"rating_comment"`
	LastSeq     int64       `json:"last_seq"`
	CreatedAt   time.Time   `json:"created_at"`
	EndedAt     *time.Time  `json:"ended_at"`
	AnsweredAt  *time.Time  `json:"-"`
	Ticket      *TicketRef  `json:"ticket"`
	Bot         string      `json:"bot,omitempty"` // the chatbot's name while it holds the chat
	VisitorKey  string      `json:"-"`
	ContactID   *int64      `json:"-"`
	ExternalID  string      `json:"-"`
	EmailSigned bool        `json:"-"`
}

// Person is an operator as chats show them.
type Person struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// VisitorInfo is what the visitor told us, or the host site vouched for.
type VisitorInfo struct {
	Name    string `json:"name"`
	Email   string `json:"email"`
	Country string `json:"country,omitempty"`
}

// TicketRef names the ticket a chat became.
type TicketRef struct {
	ID     int64 `json:"id"`
	Number int64 `json:"number"`
}
