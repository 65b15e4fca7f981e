package bench

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/server"
	"github.com/frontdesk/frontdesk/internal/session"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// RenderPages times the agent app's pages on the server, handler time in
// process (no network, no browser): the inbox's first page, a ticket whose
// thread holds 100 messages (removed afterwards), random customers' pages,
// the board, the search results page, the chats list and the reports
// page.
func RenderPages(ctx context.Context, s *app.Services, g *generator, n int) ([]Result, error) {
	before, err := lastIDs(ctx, s)
	if err != nil {
		return nil, err
	}
	defer func() { _ = removeAfter(ctx, s, before) }()
	secret, _, err := (&session.Store{DB: s.DB}).Create(ctx, g.operators[0])
	if err != nil {
		return nil, err
	}
	number, err := longTicket(ctx, s, g)
	if err != nil {
		return nil, err
	}
	h := server.Handler(s, slog.New(slog.NewTextHandler(io.Discard, nil)))
	r := rand.New(rand.NewPCG(21, 22))
	fixed := func(url string) func(int) string { return func(int) string { return url } }
	var out []Result
	for _, page := range []struct {
		name string
		url  func(int) string
	}{
		{"render: inbox, first 25 open tickets", fixed("/inbox?view=open")},
		{"render: ticket with 100 messages", fixed(fmt.Sprintf("/tickets/%d", number))},
		{"render: a customer's page (a random contact)", func(int) string { return fmt.Sprintf("/contacts/%d", 1+r.Int64N(g.contacts)) }},
		{"render: board, first 20 cards of each status", fixed(fmt.Sprintf("/pipelines/%d/board", g.pipelineID))},
		{"render: search results for a word", func(int) string { return "/search?q=" + g.vocab.Rank(300+r.IntN(5000)) }},
		{"render: chats list", fixed("/chats")},
		{"render: reports, last 7 days", fixed("/reports")},
	} {
		samples, err := timeEach(n, func(i int) error { return get(h, page.url(i), secret) })
		if err != nil {
			return nil, err
		}
		out = append(out, summarize(page.name, "p95 <= 15 ms", samples))
	}
	return out, nil
}

func get(h http.Handler, url, secret string) error {
	req := httptest.NewRequest(http.MethodGet, url, nil)
	req.AddCookie(&http.Cookie{Name: "fd_session", Value: secret})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		return fmt.Errorf("GET %s answered %d", url, rec.Code)
	}
	return nil
}

// longTicket opens a ticket with a thread of 100 messages: customer
// messages, replies and notes in turn, and returns its number (its page
// is /tickets/{number}).
func longTicket(ctx context.Context, s *app.Services, g *generator) (int64, error) {
	tk, err := s.Tickets.Create(ctx, ticket.NewTicket{Subject: "A long conversation", Team: g.teamSlugs[0],
		Description: g.vocab.Sentence(40), Contact: contact.Identity{Email: "long-thread@bench.example"}})
	if err != nil {
		return 0, err
	}
	kinds := []ticket.MessageKind{ticket.Reply, ticket.Note, ticket.Customer}
	for i := range 99 {
		m := ticket.NewMessage{Kind: kinds[i%3], Body: g.vocab.Sentence(40), OperatorID: g.operators[0]}
		if m.Kind == ticket.Customer {
			m.OperatorID, m.ContactID = 0, tk.Contact.ID
		}
		if _, err := s.Tickets.AddMessage(ctx, tk.ID, m); err != nil {
			return 0, err
		}
	}
	return tk.Number, nil
}
