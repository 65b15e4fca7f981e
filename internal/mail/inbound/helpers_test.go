package inbound_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/mail/inbound"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// recorder is a ticket.Notifier that keeps what it heard.
type recorder struct {
	mu      sync.Mutex
	notices []ticket.Notice
}

func (r *recorder) Notify(ctx context.Context, tx *db.Tx, n ticket.Notice) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if n.Kind != ticket.NoticeChanged { // history entries are for webhooks, not the customer's mail
		r.notices = append(r.notices, n)
	}
	return nil
}

func (r *recorder) last() ticket.Notice {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.notices[len(r.notices)-1]
}

type env struct {
	t      *testing.T
	s      *app.Services
	in     *inbound.Intake
	heard  *recorder
	agent  operator.Operator
	number int64
	token  string
	sent   string // Message-ID of a mail the outbox sent, for {{sent}}
}

func newEnv(t *testing.T, d *db.DB) *env {
	s := testutil.Services(t, d)
	rec := &recorder{}
	s.Tickets.Notifier = rec
	op, err := s.Operators.Create(context.Background(), operator.NewOperator{Email: "agent@localhost",
		Name: "Agent Bob", Role: operator.Agent, Password: "correct horse battery"})
	if err != nil {
		t.Fatal(err)
	}
	return &env{t: t, s: s, in: s.Mail, heard: rec, agent: op}
}

// mail reads a testdata mail with the current ticket's number and token,
// and the Message-ID of the mail last sent.
func (e *env) mail(name string) []byte {
	e.t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		e.t.Fatal(err)
	}
	s := strings.ReplaceAll(string(b), "{{number}}", strconv.FormatInt(e.number, 10))
	s = strings.ReplaceAll(s, "{{token}}", e.token)
	s = strings.ReplaceAll(s, "{{sent}}", e.sent)
	return []byte(strings.ReplaceAll(s, "\n", "\r\n"))
}

// deliver takes raw in as an import and processes it at once.
func (e *env) deliver(raw []byte) inbound.Result {
	e.t.Helper()
	ctx := context.Background()
	a, err := e.in.Accept(ctx, raw, inbound.Source{Kind: inbound.SourceImport})
	if err != nil {
		e.t.Fatalf("accept: %v", err)
	}
	res, err := e.in.Process(ctx, a.ID)
	if err != nil {
		e.t.Fatalf("process: %v", err)
	}
	return res
}

func (e *env) messages(ticketID int64) []ticket.Message {
	e.t.Helper()
	ms, err := e.s.Tickets.Messages(context.Background(), ticketID, false)
	if err != nil {
		e.t.Fatal(err)
	}
	return ms
}

// start files first.eml and answers it by "mail" (a reply whose
// Message-ID the outbound side would have stored).
func (e *env) start() inbound.Result {
	e.t.Helper()
	res := e.deliver(e.mail("first.eml"))
	if res.Status != inbound.StatusProcessed || !res.New {
		e.t.Fatalf("first mail: %+v", res)
	}
	tk, err := e.s.Tickets.Get(context.Background(), res.TicketID)
	if err != nil {
		e.t.Fatal(err)
	}
	e.number, e.token = tk.Number, tk.PublicToken
	_, err = e.s.Tickets.AddMessage(context.Background(), tk.ID, ticket.NewMessage{Kind: ticket.Reply,
		OperatorID: e.agent.ID, Body: "Please unplug it and step away.",
		Mail: &ticket.MailHeaders{MessageID: "reply-1@localhost"}})
	if err != nil {
		e.t.Fatal(err)
	}
	return res
}

// message finds message id on ticket ticketID.
func (e *env) message(ticketID, id int64) ticket.Message {
	e.t.Helper()
	for _, m := range e.messages(ticketID) {
		if m.ID == id {
			return m
		}
	}
	e.t.Fatalf("message %d is not on ticket %d", id, ticketID)
	return ticket.Message{}
}
