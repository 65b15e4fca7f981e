package ticket

import (
	"context"
	"fmt"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/pipeline"
)

// resolveStatus picks the open status a new ticket starts in, when one
// is asked for: a ticket opens open (closing is a change of its own).
func (s *Service) resolveStatus(ctx context.Context, q db.Querier, ref string, c *domain.Check, r *resolved) error {
	if ref == "" || r.team.ID == 0 || badRef(c, "status", ref) {
		return nil
	}
	p, err := s.Pipelines.GetTx(ctx, q, r.team.PipelineID)
	if err != nil {
		return err
	}
	st, ok := p.Find(ref)
	switch {
	case !ok:
		c.Add("status", fmt.Sprintf("no status %q in the team's pipeline %q", ref, p.Name))
	case st.Kind != pipeline.Open:
		c.Add("status", "must be an open status: a ticket is closed after it is opened")
	default:
		r.status = st
	}
	return nil
}

// checkCc refuses addresses that are not addresses.
func checkCc(cc []Participant, c *domain.Check) {
	for i, p := range cc {
		_, ok := domain.NormalizeEmail(p.Email)
		c.Require(ok, fmt.Sprintf("cc[%d]", i), fmt.Sprintf("%q is not a valid email address", p.Email))
	}
}

// firstMessage is the thread's first entry made of in's description:
// the operator's reply to the customer, or the customer's request
// (written by the operator on their behalf when one typed it).
func firstMessage(in NewTicket, contactID int64) NewMessage {
	if in.AsReply {
		return NewMessage{Kind: Reply, Body: in.Description, OperatorID: in.ActorID, CreatedAt: in.CreatedAt,
			Attachments: in.Attachments}
	}
	m := NewMessage{Kind: Customer, Body: in.Description, BodyHTML: in.DescriptionHTML, ContactID: contactID,
		CreatedAt: in.CreatedAt, Attachments: in.Attachments, Mail: in.Mail}
	if in.Channel == Manual {
		m.OperatorID = in.ActorID
	}
	return m
}
