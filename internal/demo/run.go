package demo

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// createTickets plans the run's tickets and creates them, oldest first.
func (f *filler) createTickets(ctx context.Context) error {
	for _, p := range f.plans() {
		if err := f.createTicket(ctx, p); err != nil {
			return fmt.Errorf("%s ticket from %s: %w", p.team.Slug, p.created.Format("2006-01-02"), err)
		}
	}
	f.sum.Contacts = len(f.contacts)
	return nil
}

// ticketRun is one ticket being written.
type ticketRun struct {
	f         *filler
	p         *plan
	w         *writer
	worker    operator.Operator // who answers the customer
	id        int64
	contactID int64
	statusID  int64
	spoke     string // first name of the operator the customer talks to
}

func (f *filler) createTicket(ctx context.Context, p *plan) error {
	steps := f.script(p)
	f.schedule(p, steps)
	r := &ticketRun{f: f, p: p, w: newWriter(f.rng, p), worker: pick(f.rng, p.team.members)}
	if p.assignee != nil {
		r.worker = *p.assignee
	}
	if err := r.open(ctx); err != nil {
		return err
	}
	for _, st := range steps {
		if err := r.do(ctx, st); err != nil {
			return err
		}
	}
	return nil
}

func (r *ticketRun) open(ctx context.Context) error {
	p := r.p
	in := ticket.NewTicket{Subject: r.w.subject(), Description: r.w.customer(partOpening, ""), Team: p.team.Slug,
		Priority: p.startPriority, Channel: p.channel, Contact: identity(p), Tags: p.tags, CreatedAt: p.created}
	if p.assignee != nil && !p.assignLate {
		in.Assignee = p.assignee.Email
	}
	if p.channel == ticket.Manual {
		in.ActorID = r.worker.ID // an operator took it down for the customer
	}
	tk, err := r.f.s.Tickets.Create(ctx, in)
	if err != nil {
		return err
	}
	r.id, r.contactID, r.statusID = tk.ID, tk.Contact.ID, tk.Status.ID
	r.f.contacts[tk.Contact.ID] = true
	r.f.sum.Tickets++
	r.f.sum.Messages++
	return nil
}

// identity is what the channel knows about the customer: the widget and
// the API pass the id from the customer's own site, forms ask for a phone.
func identity(p *plan) contact.Identity {
	c := p.customer
	in := contact.Identity{Email: c.email, FirstName: c.first, LastName: c.last}
	switch p.channel {
	case ticket.Widget, ticket.API:
		in.ExternalID = c.externalID
	case ticket.WebForm, ticket.Manual:
		in.Phone = c.phone
	}
	return in
}

func (r *ticketRun) do(ctx context.Context, st step) error {
	switch st.move {
	case moveClose:
		closed := strconv.FormatInt(r.p.team.pipeline.FirstClosed().ID, 10)
		return r.update(ctx, ticket.Patch{Status: &closed, ActorID: r.worker.ID, At: st.at})
	case moveFinal:
		return r.final(ctx, st.at)
	}
	m := ticket.NewMessage{Kind: st.kind, CreatedAt: st.at}
	switch st.kind {
	case ticket.Customer:
		m.Body, m.ContactID = r.w.customer(st.part, r.spoke), r.contactID
	case ticket.Reply:
		r.spoke = firstName(r.worker)
		m.Body, m.OperatorID = r.w.reply(st.part, r.spoke), r.worker.ID
	case ticket.Note:
		author, colleague := r.noteAuthors()
		m.Body, m.OperatorID = r.w.note(firstName(author), firstName(colleague)), author.ID
	}
	if _, err := r.f.s.Tickets.AddMessage(ctx, r.id, m); err != nil {
		return err
	}
	r.f.sum.Messages++
	if pl := r.p.team.pipeline; st.kind == ticket.Customer && r.statusID == pl.FirstClosed().ID {
		r.statusID = pl.FirstOpen().ID // the customer's answer reopened it
		r.f.sum.Reopened++
	}
	return nil
}

// final moves the ticket to its planned status, assignee and priority.
func (r *ticketRun) final(ctx context.Context, at time.Time) error {
	p := r.p
	patch := ticket.Patch{ActorID: r.worker.ID, At: at}
	if p.status.ID != r.statusID {
		status := strconv.FormatInt(p.status.ID, 10)
		patch.Status = &status
	}
	if p.startPriority != p.priority {
		patch.Priority = &p.priority
	}
	if p.assignLate {
		patch.Assignee = &p.assignee.Email
	}
	if patch.Status == nil && patch.Priority == nil && patch.Assignee == nil {
		return nil
	}
	return r.update(ctx, patch)
}

func (r *ticketRun) update(ctx context.Context, patch ticket.Patch) error {
	tk, err := r.f.s.Tickets.Update(ctx, r.id, patch)
	r.statusID = tk.Status.ID
	return err
}

// noteAuthors returns who writes a note and whom it addresses: mostly
// the worker asking a teammate, sometimes the teammate chiming in.
func (r *ticketRun) noteAuthors() (author, colleague operator.Operator) {
	author, colleague = r.worker, r.worker
	for _, op := range r.f.rng.Perm(len(r.f.sum.Operators)) {
		if other := r.f.sum.Operators[op]; other.ID != r.worker.ID {
			colleague = other
			break
		}
	}
	for _, i := range r.f.rng.Perm(len(r.p.team.members)) {
		if other := r.p.team.members[i]; other.ID != r.worker.ID {
			colleague = other
			break
		}
	}
	if r.f.chance(0.3) {
		return colleague, author
	}
	return author, colleague
}

func firstName(op operator.Operator) string {
	if f := strings.Fields(op.Name); len(f) > 0 {
		return f[0]
	}
	return op.Email
}
