package bench

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"time"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/team"
)

type statusInfo struct {
	id   int64
	open bool
}

// generator holds what rows refer to: teams, statuses, operators, sizes.
type generator struct {
	vocab      *Vocabulary
	pipelineID int64
	teams      []int64
	teamSlugs  []string
	statuses   []statusInfo
	closed     statusInfo
	operators  []int64
	contacts   int64
	perTicket  int
	epoch      time.Time
}

// loader writes generated rows in bulk, the fastest way each engine has.
type loader interface {
	contacts(ctx context.Context, rows []contactRow) error
	tickets(ctx context.Context, ts []ticketRow, ms []messageRow) error
	finish(ctx context.Context) error
}

const chunk = 5000

// Seed fills an empty database with tickets and perTicket messages each.
func Seed(ctx context.Context, s *app.Services, tickets, perTicket int, progress io.Writer) (*generator, error) {
	g, err := prepare(ctx, s, tickets, perTicket)
	if err != nil {
		return nil, err
	}
	var n int
	if err := s.DB.Read.QueryRowContext(ctx, `SELECT count(*) FROM tickets`).Scan(&n); err != nil {
		return nil, err
	}
	if n >= tickets {
		fmt.Fprintf(progress, "database already holds %d tickets; reusing it\n", n)
		return g, nil
	}
	if n > 0 {
		return nil, fmt.Errorf("database holds %d tickets, fewer than %d: use a fresh database", n, tickets)
	}
	l := newLoader(s.DB)
	start := time.Now()
	if err := g.loadContacts(ctx, l); err != nil {
		return nil, err
	}
	if err := g.loadTickets(ctx, l, tickets, progress, start); err != nil {
		return nil, err
	}
	fmt.Fprintf(progress, "indexing and analysing...\n")
	if err := l.finish(ctx); err != nil {
		return nil, err
	}
	fmt.Fprintf(progress, "seeded %d tickets, %d messages in %s\n", tickets, tickets*perTicket, time.Since(start).Round(time.Second))
	return g, nil
}

func newLoader(d *db.DB) loader {
	if d.Dialect == db.Postgres {
		return &pgLoader{d: d}
	}
	return &sqliteLoader{d: d}
}

func (g *generator) loadContacts(ctx context.Context, l loader) error {
	r := rand.New(rand.NewPCG(1, 2))
	for from := int64(1); from <= g.contacts; from += chunk {
		rows := make([]contactRow, 0, chunk)
		for id := from; id < from+chunk && id <= g.contacts; id++ {
			rows = append(rows, genContact(r, id, g.epoch))
		}
		if err := l.contacts(ctx, rows); err != nil {
			return fmt.Errorf("load contacts: %w", err)
		}
	}
	return nil
}

func (g *generator) loadTickets(ctx context.Context, l loader, total int, progress io.Writer, start time.Time) error {
	r := rand.New(rand.NewPCG(3, 4))
	for from := int64(1); from <= int64(total); from += chunk {
		ts := make([]ticketRow, 0, chunk)
		ms := make([]messageRow, 0, chunk*g.perTicket)
		for id := from; id < from+chunk && id <= int64(total); id++ {
			t, m := g.genTicket(r, id)
			ts = append(ts, t)
			ms = append(ms, m...)
		}
		if err := l.tickets(ctx, ts, ms); err != nil {
			return fmt.Errorf("load tickets: %w", err)
		}
		if done := from + chunk - 1; done%100_000 == 0 {
			fmt.Fprintf(progress, "  %d tickets (%s)\n", done, time.Since(start).Round(time.Second))
		}
	}
	return nil
}

// prepare creates the teams and operators the rows refer to.
func prepare(ctx context.Context, s *app.Services, tickets, perTicket int) (*generator, error) {
	def, err := s.Bootstrap(ctx)
	if err != nil {
		return nil, err
	}
	p, err := s.Pipelines.Get(ctx, def.PipelineID)
	if err != nil {
		return nil, err
	}
	g := &generator{pipelineID: p.ID, vocab: NewVocabulary(rand.New(rand.NewPCG(5, 6)), 50_000), perTicket: perTicket,
		contacts: int64(max(tickets/5, 1)), epoch: time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)}
	for _, st := range p.Statuses {
		info := statusInfo{id: st.ID, open: st.Kind == pipeline.Open}
		g.statuses = append(g.statuses, info)
		if !info.open {
			g.closed = info
		}
	}
	if err := g.ensureTeams(ctx, s, def); err != nil {
		return nil, err
	}
	return g, g.ensureOperators(ctx, s)
}

func (g *generator) ensureTeams(ctx context.Context, s *app.Services, def team.Team) error {
	for _, slug := range []string{"support", "billing", "technical", "sales"} {
		t, err := s.Teams.Find(ctx, s.DB.Read, slug)
		if err != nil {
			name := slug
			if t, err = s.Teams.Create(ctx, team.Input{Name: &name, Slug: &slug}, def.PipelineID); err != nil {
				return err
			}
		}
		g.teams, g.teamSlugs = append(g.teams, t.ID), append(g.teamSlugs, t.Slug)
	}
	return nil
}

func (g *generator) ensureOperators(ctx context.Context, s *app.Services) error {
	for i := range 20 {
		email := fmt.Sprintf("agent%d@bench.example", i)
		op, err := s.Operators.GetByEmail(ctx, email)
		if err != nil {
			op, err = s.Operators.Create(ctx, operator.NewOperator{Email: email, Name: fmt.Sprintf("Agent %d", i),
				Role: operator.Admin, Password: "bench-password"})
			if err != nil {
				return err
			}
		}
		g.operators = append(g.operators, op.ID)
	}
	return nil
}
