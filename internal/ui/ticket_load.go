package ui

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// ticketID reads {number} from the path, the number people see
// (/tickets/1214), and returns the ticket's id; anything but the number
// of a ticket is a ticket that does not exist.
func (u *UI) ticketID(r *http.Request) (int64, error) {
	n, err := strconv.ParseInt(r.PathValue("number"), 10, 64)
	if err != nil || n <= 0 {
		return 0, errNoTicket
	}
	id, err := u.s.Tickets.IDOf(r.Context(), n)
	if errors.Is(err, ticket.ErrNotFound) {
		return 0, errNoTicket
	}
	return id, err
}

var errNoTicket = httpx.NewError(http.StatusNotFound, "not_found", "There is no ticket at this address.")

// ticketURL is the page of the ticket numbered n.
func ticketURL(n int64) string { return "/tickets/" + strconv.FormatInt(n, 10) }

// ticketPath is the page of the request's ticket; ticketID checked it.
func ticketPath(r *http.Request) string { return "/tickets/" + r.PathValue("number") }

// otherTicketsShown is how many of the customer's other tickets the
// workspace lists; the contact page will have them all.
const otherTicketsShown = 8

// workspace gathers everything the ticket page shows. Handlers that fail
// validation call it too, then fill in what the operator had typed.
func (u *UI) workspace(r *http.Request, id int64) (TicketView, error) {
	ctx := r.Context()
	t, err := u.s.Tickets.Get(ctx, id)
	if err != nil {
		return TicketView{}, err
	}
	msgs, err := u.s.Tickets.Messages(ctx, id, false)
	if err != nil {
		return TicketView{}, err
	}
	events, err := u.s.Tickets.History(ctx, id)
	if err != nil {
		return TicketView{}, err
	}
	checks, err := u.s.Mail.AuthResults(ctx, id)
	if err != nil {
		return TicketView{}, err
	}
	now := u.now()
	v := TicketView{Base: u.base(r, csrfToken(r)), Ticket: t, URL: ticketURL(t.Number), Priority: priorityOf(t.Priority),
		Channel: channelLabel(t.Channel), Created: stampOf(t.CreatedAt, now), Thread: thread(msgs, events, checks, now),
		Composer: Composer{Kind: string(ticket.Reply), To: t.Contact.Email}, Errors: map[string]string{},
		SLA: slaTargets(t, now)}
	v.Section = "inbox"
	if r.URL.Query().Get("thread") != "all" {
		v.Thread = foldThread(v.Thread, v.URL+"?thread=all")
	}
	if err := u.finishThread(v.Thread); err != nil {
		return TicketView{}, err
	}
	if v.Controls, err = u.controls(ctx, t); err != nil {
		return TicketView{}, err
	}
	if v.Fields, err = u.s.Tickets.Fields(ctx, id); err != nil {
		return TicketView{}, err
	}
	defs, err := u.s.Fields.List(ctx)
	if err != nil {
		return TicketView{}, err
	}
	v.Custom = customInputs(defs, t)
	v.Customer, err = u.customer(ctx, t, viewer(r))
	return v, err
}

// controls lists the choices for each property, the current one selected.
func (u *UI) controls(ctx context.Context, t ticket.Ticket) (Controls, error) {
	c := Controls{Priority: priorityChoices(t.Priority), Tags: strings.Join(t.Tags, ", "),
		Status: Select{ID: "status", Label: "Status"}, Assignee: Select{ID: "assignee", Label: "Assignee"},
		Team: Select{ID: "team", Label: "Team"}}
	pl, err := u.s.Pipelines.Get(ctx, t.PipelineID)
	if err != nil {
		return c, err
	}
	for _, st := range pl.Statuses {
		c.Status.Options = append(c.Status.Options, Option{Value: id64(st.ID), Label: st.Name, Selected: st.ID == t.Status.ID})
	}
	c.Next = nextStatuses(pl, t)
	ops, err := u.s.Operators.List(ctx)
	if err != nil {
		return c, err
	}
	c.Assignee.Options = []Option{{Value: "", Label: "Unassigned", Selected: t.Assignee == nil}}
	for _, op := range ops {
		mine := t.Assignee != nil && t.Assignee.ID == op.ID
		if op.Active || mine { // a deactivated assignee still shows who holds it
			c.Assignee.Options = append(c.Assignee.Options, Option{Value: id64(op.ID), Label: op.Name, Selected: mine})
		}
	}
	teams, err := u.s.Teams.List(ctx)
	if err != nil {
		return c, err
	}
	for _, tm := range teams {
		c.Team.Options = append(c.Team.Options, Option{Value: id64(tm.ID), Label: tm.Name, Selected: tm.ID == t.Team.ID})
	}
	return c, nil
}

// customer is the ticket's contact and a few of their other tickets.
func (u *UI) customer(ctx context.Context, t ticket.Ticket, viewer int64) (Customer, error) {
	c, err := u.s.Contacts.Get(ctx, t.Contact.ID)
	if err != nil {
		return Customer{}, err
	}
	out := customerOf(c)
	page, err := u.s.Tickets.List(ctx, ticket.Filter{ContactID: c.ID, Limit: otherTicketsShown + 2, Viewer: viewer, Load: ticket.Row})
	if err != nil {
		return out, err
	}
	for _, o := range page.Items {
		if o.ID == t.ID {
			continue
		}
		if len(out.Others) == otherTicketsShown {
			out.More = true
			break
		}
		out.Others = append(out.Others, OtherTicket{ID: o.ID, Number: o.Number, Subject: o.Subject,
			Status: o.Status.Name, Closed: !o.IsOpen()})
	}
	out.More = out.More || page.NextCursor != ""
	return out, nil
}

func id64(id int64) string { return strconv.FormatInt(id, 10) }
