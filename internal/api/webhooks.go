package api

import (
	"net/http"

	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/webhook"
)

// Webhooks see every ticket's data: only admins manage them.

func (a *API) listWebhooks(w http.ResponseWriter, r *http.Request) error {
	if err := requireAdmin(r, "see webhooks"); err != nil {
		return err
	}
	items, err := a.S.Webhooks.List(r.Context())
	if err != nil {
		return err
	}
	return ok(w, map[string]any{"items": items, "events": webhook.Events})
}

func (a *API) createWebhook(w http.ResponseWriter, r *http.Request) error {
	if err := requireAdmin(r, "create webhooks"); err != nil {
		return err
	}
	var in webhook.Input
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	h, err := a.S.Webhooks.Create(r.Context(), in)
	if err != nil {
		return err
	}
	return created(w, h)
}

// webhookID reads {id} for an admin.
func webhookID(r *http.Request, what string) (int64, error) {
	if err := requireAdmin(r, what); err != nil {
		return 0, err
	}
	return pathID(r)
}

func (a *API) getWebhook(w http.ResponseWriter, r *http.Request) error {
	id, err := webhookID(r, "see webhooks")
	if err != nil {
		return err
	}
	h, err := a.S.Webhooks.Get(r.Context(), id)
	if err != nil {
		return err
	}
	return ok(w, h)
}

func (a *API) updateWebhook(w http.ResponseWriter, r *http.Request) error {
	id, err := webhookID(r, "change webhooks")
	if err != nil {
		return err
	}
	var in webhook.Input
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	h, err := a.S.Webhooks.Update(r.Context(), id, in)
	if err != nil {
		return err
	}
	return ok(w, h)
}

func (a *API) deleteWebhook(w http.ResponseWriter, r *http.Request) error {
	id, err := webhookID(r, "delete webhooks")
	if err != nil {
		return err
	}
	if err := a.S.Webhooks.Delete(r.Context(), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// webhookDeliveries lists a webhook's last deliveries, newest first.
func (a *API) webhookDeliveries(w http.ResponseWriter, r *http.Request) error {
	id, err := webhookID(r, "see webhooks")
	if err != nil {
		return err
	}
	limit, err := queryLimit(r)
	if err != nil {
		return err
	}
	if _, err := a.S.Webhooks.Get(r.Context(), id); err != nil {
		return err
	}
	items, err := a.S.Webhooks.Deliveries(r.Context(), id, limit)
	if err != nil {
		return err
	}
	return ok(w, map[string]any{"items": items})
}

// rotateWebhookSecret answers the new secret, once.
func (a *API) rotateWebhookSecret(w http.ResponseWriter, r *http.Request) error {
	id, err := webhookID(r, "change webhooks")
	if err != nil {
		return err
	}
	secret, err := a.S.Webhooks.Rotate(r.Context(), id)
	if err != nil {
		return err
	}
	return ok(w, map[string]string{"secret": secret})
}

// testWebhook queues a ping; its delivery shows in the list.
func (a *API) testWebhook(w http.ResponseWriter, r *http.Request) error {
	id, err := webhookID(r, "test webhooks")
	if err != nil {
		return err
	}
	if err := a.S.Webhooks.Test(r.Context(), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusAccepted)
	return nil
}
