package ui

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/webhook"
)

// settingsWebhookSave creates (showing the secret once) or changes a webhook.
func (u *UI) settingsWebhookSave(w http.ResponseWriter, r *http.Request) error {
	id, err := optionalPathID(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return err
	}
	name, url, events := r.PostFormValue("name"), r.PostFormValue("url"), r.PostForm["event"]
	customer, enabled := r.PostFormValue("customer_facing") == "true", r.PostFormValue("enabled") == "true"
	in := webhook.Input{Name: &name, URL: &url, Events: &events, CustomerFacing: &customer, Enabled: &enabled}
	var h webhook.Webhook
	if id == 0 {
		h, err = u.s.Webhooks.Create(r.Context(), in)
	} else {
		h, err = u.s.Webhooks.Update(r.Context(), id, in)
	}
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		v := u.webhookView(r, id, webhook.Webhook{Name: name, URL: url, Events: events, CustomerFacing: customer, Enabled: enabled})
		v.Errors, v.Error = fieldErrors(ve.Fields, func(k string) bool { return k == "name" || k == "url" || k == "events" })
		return u.webhookPage(w, r, http.StatusUnprocessableEntity, v)
	} else if err != nil {
		return err
	}
	if id != 0 {
		http.Redirect(w, r, "/settings/webhooks/"+strconv.FormatInt(id, 10)+"?done=webhook-saved", http.StatusSeeOther)
		return nil
	}
	v := u.webhookView(r, h.ID, h)
	v.Secret, v.Flash = h.Secret, "Webhook created."
	return u.webhookPage(w, r, http.StatusCreated, v)
}

// settingsWebhookRotate makes a new secret and shows it once.
func (u *UI) settingsWebhookRotate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	secret, err := u.s.Webhooks.Rotate(r.Context(), id)
	if err != nil {
		return err
	}
	h, err := u.s.Webhooks.Get(r.Context(), id)
	if err != nil {
		return err
	}
	v := u.webhookView(r, id, h)
	v.Secret, v.Flash = secret, "New secret made. Deliveries are signed with it from now on."
	return u.webhookPage(w, r, http.StatusOK, v)
}

// settingsWebhookTest queues a ping; the page lists it.
func (u *UI) settingsWebhookTest(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := u.s.Webhooks.Test(r.Context(), id); err != nil {
		return err
	}
	http.Redirect(w, r, "/settings/webhooks/"+strconv.FormatInt(id, 10)+"?done=webhook-test", http.StatusSeeOther)
	return nil
}

func (u *UI) settingsWebhookDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := u.s.Webhooks.Delete(r.Context(), id); err != nil {
		return err
	}
	http.Redirect(w, r, "/settings/webhooks?done=webhook-deleted", http.StatusSeeOther)
	return nil
}
