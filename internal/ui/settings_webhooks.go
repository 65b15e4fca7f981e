package ui

import (
	"net/http"
	"slices"

	"github.com/frontdesk/frontdesk/internal/webhook"
)

// WebhooksView is the list of webhooks.
type WebhooksView struct {
	SettingsBase
	Items []webhook.Webhook
}

// WebhookView is one webhook's page: its form, a secret shown once, its
// last deliveries.
type WebhookView struct {
	SettingsBase
	ID         int64
	Form       webhook.Webhook
	Events     []EventChoice
	Secret     string // just made or rotated: shown this once
	Deliveries []DeliveryRow
}

// EventChoice is one event's checkbox.
type EventChoice struct {
	Name, Label string
	Checked     bool
}

// DeliveryRow is one delivery as the table shows it.
type DeliveryRow struct {
	webhook.Delivery
	When Stamp
	Next *Stamp
}

// webhookEventLabels says in words what each event is.
var webhookEventLabels = map[string]string{
	webhook.TicketCreated: "Ticket created", webhook.TicketUpdated: "Ticket updated",
	webhook.StatusEntered: "Status entered", webhook.StatusLeft: "Status left",
	webhook.CustomerReplied: "Customer replied", webhook.AnswerSent: "Public answer sent",
	webhook.NoteAdded: "Internal note added", webhook.AssigneeChanged: "Assignee changed",
	webhook.PriorityChanged: "Priority changed", webhook.SLAWarning: "SLA warning", webhook.SLABreached: "SLA breached",
	webhook.SLAMet: "SLA met", webhook.ChatStarted: "Chat started", webhook.ChatEnded: "Chat ended",
}

func (u *UI) settingsWebhooks(w http.ResponseWriter, r *http.Request) error {
	items, err := u.s.Webhooks.List(r.Context())
	if err != nil {
		return err
	}
	v := WebhooksView{SettingsBase: u.settingsBase(r, "webhooks"), Items: items}
	v.Flash = notice(r)
	return u.render(w, r, http.StatusOK, "settings_webhooks", "", v)
}

// settingsWebhookNew is the empty form: enabled, ticket events ticked.
func (u *UI) settingsWebhookNew(w http.ResponseWriter, r *http.Request) error {
	f := webhook.Webhook{Enabled: true, Events: []string{webhook.TicketCreated, webhook.CustomerReplied, webhook.AnswerSent}}
	return u.webhookPage(w, r, http.StatusOK, u.webhookView(r, 0, f))
}

func (u *UI) settingsWebhookEdit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	h, err := u.s.Webhooks.Get(r.Context(), id)
	if err != nil {
		return err
	}
	v := u.webhookView(r, id, h)
	v.Flash = notice(r)
	return u.webhookPage(w, r, http.StatusOK, v)
}

func (u *UI) webhookView(r *http.Request, id int64, f webhook.Webhook) WebhookView {
	v := WebhookView{SettingsBase: u.settingsBase(r, "webhooks"), ID: id, Form: f}
	for _, e := range webhook.Events {
		v.Events = append(v.Events, EventChoice{Name: e, Label: webhookEventLabels[e], Checked: slices.Contains(f.Events, e)})
	}
	return v
}

// webhookPage renders v with its last deliveries.
func (u *UI) webhookPage(w http.ResponseWriter, r *http.Request, status int, v WebhookView) error {
	if v.ID != 0 {
		ds, err := u.s.Webhooks.Deliveries(r.Context(), v.ID, 20)
		if err != nil {
			return err
		}
		now := u.now()
		for _, d := range ds {
			row := DeliveryRow{Delivery: d, When: stampOf(d.CreatedAt, now)}
			if d.AttemptedAt != nil {
				row.When = stampOf(*d.AttemptedAt, now)
			}
			if d.NextAttemptAt != nil && d.Attempts > 0 {
				next := stampOf(*d.NextAttemptAt, now)
				row.Next = &next
			}
			v.Deliveries = append(v.Deliveries, row)
		}
	}
	return u.render(w, r, status, "settings_webhook", "", v)
}

// Field is the form's text input id.
func (v WebhookView) Field(id string) SField {
	f := SField{ID: id, Error: v.Errors[id], Required: true}
	switch id {
	case "name":
		f.Label, f.Value, f.Hint = "Name", v.Form.Name, "Yours to recognise it, such as “CRM” or “Team chat”."
	case "url":
		f.Label, f.Value, f.Type = "URL", v.Form.URL, "url"
		f.Hint = "http:// or https://. Each delivery is a POST of JSON, signed in the Frontdesk-Signature header."
	}
	return f
}
