package automation

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/notification"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// act runs one action under ctx's cause and says what it did ("" when
// it changed nothing).
func (s *Service) act(ctx context.Context, tx *db.Tx, r *compiled, a Action, h ticket.Happening) (string, error) {
	id := h.TicketID
	switch a.Action {
	case "set_status":
		return "set status " + a.Status, s.Tickets.UpdateTx(ctx, tx, id, ticket.Patch{Status: &a.Status})
	case "set_priority":
		return fmt.Sprintf("set priority %d", *a.Priority), s.Tickets.UpdateTx(ctx, tx, id, ticket.Patch{Priority: a.Priority})
	case "set_team":
		return "set team " + a.Team, s.Tickets.UpdateTx(ctx, tx, id, ticket.Patch{Team: &a.Team})
	case "set_assignee":
		return s.assign(ctx, tx, r, a, id)
	case "set_field":
		name := strings.TrimPrefix(a.Field, "fields.")
		return "set " + name, s.Tickets.UpdateTx(ctx, tx, id, ticket.Patch{Custom: map[string]any{name: a.Value}})
	case "add_tags", "remove_tags":
		return s.tag(ctx, tx, a, id)
	case "mail_customer":
		if a.Template == "closed" && h.Answered {
			return "", nil // the answer sent with the change told the customer: one mail, not two
		}
		return "mailed the " + a.Template + " template", s.Mail.MailCustomer(ctx, tx, id, a.Template, a.Subject, a.Body, triggerMail(ctx, h))
	case "add_note":
		_, err := s.Tickets.AddMessageTx(ctx, tx, id, ticket.NewMessage{Kind: ticket.Note, Body: a.Body})
		return "added a note", err
	case "notify":
		return s.notify(ctx, tx, r, a, id, h.ActorID)
	case "call_webhook":
		if s.Webhooks == nil {
			return "", nil
		}
		return "called webhook " + itoa(a.Webhook), s.Webhooks.CallFor(ctx, tx, a.Webhook, h.Event, id, r.Name)
	}
	return "", fmt.Errorf("unknown action %q", a.Action)
}

func (s *Service) assign(ctx context.Context, tx *db.Tx, r *compiled, a Action, id int64) (string, error) {
	ref := a.Assignee
	if mode := team.AssignmentMode(a.Assignee); ref == "round_robin" || ref == "fewest_open" {
		pick, err := ticket.AutoAssignee(ctx, tx, r.Scope.Team, mode)
		if err != nil || pick == nil {
			return "", err // no active member: the ticket keeps its assignee
		}
		ref = itoa(*pick)
	}
	return "set assignee " + a.Assignee, s.Tickets.UpdateTx(ctx, tx, id, ticket.Patch{Assignee: &ref})
}

func (s *Service) tag(ctx context.Context, tx *db.Tx, a Action, id int64) (string, error) {
	t, err := s.Tickets.FactsTx(ctx, tx, id) // the tags, without the rest of a full read
	if err != nil {
		return "", err
	}
	tags := slices.Clone(t.Tags)
	for _, tag := range a.Tags {
		tag = strings.ToLower(strings.TrimSpace(tag))
		i := slices.Index(tags, tag)
		switch {
		case a.Action == "add_tags" && i < 0:
			tags = append(tags, tag)
		case a.Action == "remove_tags" && i >= 0:
			tags = slices.Delete(tags, i, i+1)
		}
	}
	verb := map[string]string{"add_tags": "added tags ", "remove_tags": "removed tags "}[a.Action]
	return verb + strings.Join(a.Tags, ", "), s.Tickets.UpdateTx(ctx, tx, id, ticket.Patch{Tags: &tags})
}

// notify tells the action's operators; an operator whose change fired
// the rule is not told of it (Tell skips the actor).
func (s *Service) notify(ctx context.Context, tx *db.Tx, r *compiled, a Action, id, actorID int64) (string, error) {
	var query string
	arg := any(id)
	switch a.To {
	case "user":
		query, arg = `SELECT id FROM operators WHERE active AND (CAST(id AS TEXT) = $1 OR lower(email) = lower($1))`, a.User
	case "assignee":
		query = `SELECT assignee_id FROM tickets WHERE id = $1 AND assignee_id IS NOT NULL`
	case "team":
		query = `SELECT m.operator_id FROM team_members m JOIN tickets t ON t.team_id = m.team_id WHERE t.id = $1 ORDER BY 1`
	case "team_lead": // until teams name a lead, the team's admins lead it
		query = `SELECT m.operator_id FROM team_members m JOIN tickets t ON t.team_id = m.team_id
			JOIN operators o ON o.id = m.operator_id AND o.role = 'admin' WHERE t.id = $1 ORDER BY 1`
	}
	ids, err := db.Int64s(ctx, tx, query, arg)
	if err != nil || len(ids) == 0 {
		return "", err
	}
	return "notified " + strings.ReplaceAll(a.To, "_", " "), s.Notify.TellWhy(ctx, tx, notification.Automation, id, actorID, ids, "Rule "+strconv.Quote(r.Name)+" notified you.")
}

// triggerMail is the mail that began the chain h belongs to: h's own, or,
// for a change a rule made, the one its chain started from.
func triggerMail(ctx context.Context, h ticket.Happening) *ticket.MailHeaders {
	if h.Mail != nil {
		return h.Mail
	}
	if c := ticket.CauseOf(ctx); c != nil {
		return c.Mail
	}
	return nil
}
