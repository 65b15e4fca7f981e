package api

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

type contactInput struct {
	Email      string `json:"email"`
	FirstName  string `json:"first_name"`
	LastName   string `json:"last_name"`
	Phone      string `json:"phone"`
	ExternalID string `json:"external_id"`
}

type ticketCreate struct {
	Subject     string                     `json:"subject"`
	Description string                     `json:"description"`
	Team        ref                        `json:"team"`
	Priority    int                        `json:"priority"`
	Channel     ticket.Channel             `json:"channel"`
	Contact     contactInput               `json:"contact"`
	Assignee    ref                        `json:"assignee"`
	Tags        []string                   `json:"tags"`
	Fields      map[string]json.RawMessage `json:"fields"`
}

func (a *API) createTicket(w http.ResponseWriter, r *http.Request) error {
	var in ticketCreate
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	custom, err := customValues(in.Fields)
	if err != nil {
		return err
	}
	t, err := a.S.Tickets.Create(r.Context(), ticket.NewTicket{
		Subject: in.Subject, Description: in.Description, Team: string(in.Team), Priority: in.Priority,
		Channel: in.Channel, Assignee: string(in.Assignee), Tags: in.Tags, ActorID: actor(r).ID,
		Contact: contact.Identity(in.Contact), Custom: custom,
	})
	if err != nil {
		return err
	}
	return created(w, t)
}

func (a *API) getTicket(w http.ResponseWriter, r *http.Request) error {
	id, err := a.ticketID(r)
	if err != nil {
		return err
	}
	t, err := a.S.Tickets.Get(r.Context(), id)
	if err != nil {
		return err
	}
	return ok(w, t)
}

func (a *API) listTickets(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f := ticket.Filter{Team: q.Get("team"), Status: q.Get("status"), Kind: q.Get("kind"),
		Assignee: q.Get("assignee"), MeID: actor(r).ID, Channel: q.Get("channel"), Tag: q.Get("tag"),
		Q: q.Get("q"), Cursor: q.Get("cursor"), SLA: q.Get("sla"), Sort: q.Get("sort"), Viewer: viewer(r)}
	var err error
	if f.Priority, err = queryInt(r, "priority"); err != nil {
		return err
	}
	if f.Limit, err = queryLimit(r); err != nil {
		return err
	}
	for _, filter := range q["field"] {
		m, err := a.S.Fields.ParseMatch(r.Context(), "field", filter)
		if err != nil {
			return err
		}
		f.Custom = append(f.Custom, m)
	}
	contactID, err := queryInt(r, "contact")
	if err != nil {
		return err
	}
	if contactID != nil {
		f.ContactID = int64(*contactID)
	}
	page, err := a.S.Tickets.List(r.Context(), f)
	if err != nil {
		return err
	}
	return ok(w, page)
}

type ticketPatch struct {
	Status   *ref                       `json:"status"`
	Priority *int                       `json:"priority"`
	Assignee nullableRef                `json:"assignee"`
	Team     *ref                       `json:"team"`
	Subject  *string                    `json:"subject"`
	Tags     *[]string                  `json:"tags"`
	Contact  *int64                     `json:"contact"`
	Fields   map[string]json.RawMessage `json:"fields"`
}

func (a *API) updateTicket(w http.ResponseWriter, r *http.Request) error {
	id, err := a.ticketID(r)
	if err != nil {
		return err
	}
	var in ticketPatch
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	p := ticket.Patch{Status: (*string)(in.Status), Priority: in.Priority, Team: (*string)(in.Team),
		Subject: in.Subject, Tags: in.Tags, Contact: in.Contact, ActorID: actor(r).ID}
	if p.Custom, err = customValues(in.Fields); err != nil {
		return err
	}
	if in.Assignee.Set {
		none := ""
		p.Assignee = &none
		if in.Assignee.Value != nil {
			p.Assignee = in.Assignee.Value
		}
	}
	t, err := a.S.Tickets.Update(r.Context(), id, p)
	if err != nil {
		return err
	}
	return ok(w, t)
}

func (a *API) rotateLink(w http.ResponseWriter, r *http.Request) error {
	id, err := a.ticketID(r)
	if err != nil {
		return err
	}
	t, err := a.S.Tickets.RotateToken(r.Context(), id, actor(r).ID)
	if err != nil {
		return err
	}
	return ok(w, t)
}

type messageCreate struct {
	Kind ticket.MessageKind `json:"kind"`
	Body string             `json:"body"`
}

func (a *API) createMessage(w http.ResponseWriter, r *http.Request) error {
	id, err := a.ticketID(r)
	if err != nil {
		return err
	}
	var in messageCreate
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	if in.Kind != ticket.Reply && in.Kind != ticket.Note {
		return fieldErr("kind", "must be reply or note")
	}
	m, err := a.S.Tickets.AddMessage(r.Context(), id, ticket.NewMessage{Kind: in.Kind, Body: in.Body,
		OperatorID: actor(r).ID})
	if err != nil {
		return err
	}
	return created(w, m)
}

func (a *API) listMessages(w http.ResponseWriter, r *http.Request) error {
	id, err := a.ticketID(r)
	if err != nil {
		return err
	}
	msgs, err := a.S.Tickets.Messages(r.Context(), id, false)
	if err != nil {
		return err
	}
	return ok(w, map[string]any{"items": msgs})
}

func (a *API) listEvents(w http.ResponseWriter, r *http.Request) error {
	id, err := a.ticketID(r)
	if err != nil {
		return err
	}
	events, err := a.S.Tickets.History(r.Context(), id)
	if err != nil {
		return err
	}
	return ok(w, map[string]any{"items": events})
}

func idStr(id int64) string { return strconv.FormatInt(id, 10) }
