package ticket

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"

	"github.com/frontdesk/frontdesk/internal/team"
)

// answer is the new ticket as its creation left it, built from what the
// transaction wrote instead of read back: the API answers every creation
// with the ticket, and reading it again cost a quarter of the throughput.
// Only a contact that existed before is read: it may have other details
// than this ticket gave.
func (s *Service) answer(ctx context.Context, n newTicket) (Ticket, error) {
	c, err := s.contactOf(ctx, n.r)
	if errors.Is(err, ErrNotFound) { // merged into another one meanwhile
		return s.Get(ctx, n.id)
	}
	if err != nil {
		return Ticket{}, err
	}
	in, at := n.in, n.in.CreatedAt
	t := []Ticket{{ID: n.id, Number: n.number, Subject: in.Subject, Description: in.Description,
		Status:     StatusRef{ID: n.r.status.ID, Name: n.r.status.Name, Kind: n.r.status.Kind},
		PipelineID: n.r.team.PipelineID, Priority: in.Priority,
		Team:     team.Ref{ID: n.r.team.ID, Slug: n.r.team.Slug, Name: n.r.team.Name},
		Assignee: n.r.assignee, Contact: c, Channel: in.Channel, Tags: tagSet(in.Tags),
		PublicToken: n.token, PublicURL: s.publicURL(n.token), NewContact: n.r.newContact != nil,
		CreatedAt: at, UpdatedAt: at, LastActivityAt: at, LastCustomerActivityAt: &at,
		SLA: n.clock.State.SLA}}
	return t[0], s.withCustom(ctx, t)
}

func (s *Service) contactOf(ctx context.Context, r resolved) (ContactRef, error) {
	if r.newContact == nil {
		return s.contactRef(ctx, r.contact)
	}
	c := ContactRef{ID: r.contact, FirstName: r.newContact.FirstName, LastName: r.newContact.LastName}
	if ext := r.newContact.ExternalID; ext != "" {
		c.ExternalID = &ext
	}
	c.setName(r.newContact.Email)
	return c, nil
}

func (s *Service) contactRef(ctx context.Context, id int64) (ContactRef, error) {
	var c ContactRef
	var email sql.Null[string]
	err := s.DB.Read.QueryRowContext(ctx, `SELECT c.id, c.first_name, c.last_name, c.external_id,
		(SELECT email FROM contact_emails ce WHERE ce.contact_id = c.id ORDER BY ce.position, ce.email LIMIT 1)
		FROM contacts c WHERE c.id = $1`, id).Scan(&c.ID, &c.FirstName, &c.LastName, &c.ExternalID, &email)
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNotFound
	}
	c.setName(email.V)
	return c, err
}

// setName fills the email and the name shown for the contact: its full
// name, else its address.
func (c *ContactRef) setName(email string) {
	c.Email = email
	c.Name = strings.TrimSpace(c.FirstName + " " + c.LastName)
	if c.Name == "" {
		c.Name = email
	}
}

// tagSet is tags as the ticket keeps them: normalised, each once, in byte
// order on both engines.
func tagSet(tags []string) []string {
	out := make([]string, 0, len(tags))
	for _, t := range tags {
		out = append(out, normalizeTag(t))
	}
	slices.Sort(out)
	return slices.Compact(out)
}
