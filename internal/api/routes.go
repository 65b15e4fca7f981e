// Package api is the REST API v1: JSON over HTTP with bearer tokens. Every
// route is in the table below; each handler parses, calls one service
// method and answers.
package api

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/httpx"
)

// API serves /api/v1.
type API struct {
	S   *app.Services
	Log *slog.Logger
	// passwordTries limits wrong current passwords per operator, as the
	// agent app limits sign-in attempts per address.
	passwordTries httpx.Limiter
}

// Wrong current passwords allowed per operator, earned back over the window.
const (
	passwordTryBurst  = 10
	passwordTryWindow = 10 * time.Minute
)

// route is one line of the table: pattern, whether it needs a token, handler.
type route struct {
	pattern string
	public  bool
	handler httpx.HandlerFunc
}

func (a *API) routes() []route {
	return []route{
		{"GET /api/v1/openapi.json", true, a.openAPI},

		{"GET /api/v1/tickets", false, a.listTickets},
		{"POST /api/v1/tickets", false, a.createTicket},
		{"GET /api/v1/tickets/{id}", false, a.visible(a.getTicket)},
		{"PATCH /api/v1/tickets/{id}", false, a.visible(a.updateTicket)},
		{"GET /api/v1/tickets/{id}/messages", false, a.visible(a.listMessages)},
		{"POST /api/v1/tickets/{id}/messages", false, a.visible(a.createMessage)},
		{"GET /api/v1/tickets/{id}/events", false, a.visible(a.listEvents)},
		{"POST /api/v1/tickets/{id}/rotate-link", false, a.visible(a.rotateLink)},
		{"GET /api/v1/attachments/{id}", false, a.getAttachment},

		{"GET /api/v1/contacts", false, a.listContacts},
		{"POST /api/v1/contacts", false, a.createContact},
		{"GET /api/v1/contacts/{id}", false, a.getContact},
		{"PATCH /api/v1/contacts/{id}", false, a.updateContact},
		{"GET /api/v1/contacts/{id}/tickets", false, a.contactTickets},
		{"GET /api/v1/contacts/{id}/chats", false, a.contactChats},
		{"POST /api/v1/contacts/{id}/merge", false, a.mergeContact},
		{"DELETE /api/v1/contacts/{id}/bounces/{email}", false, a.clearContactBounce},

		{"GET /api/v1/teams", false, a.listTeams},
		{"POST /api/v1/teams", false, a.createTeam},
		{"GET /api/v1/teams/{id}", false, a.getTeam},
		{"PATCH /api/v1/teams/{id}", false, a.updateTeam},

		{"GET /api/v1/pipelines", false, a.listPipelines},
		{"POST /api/v1/pipelines", false, a.createPipeline},
		{"GET /api/v1/pipelines/{id}", false, a.getPipeline},
		{"PATCH /api/v1/pipelines/{id}", false, a.updatePipeline},
		{"DELETE /api/v1/pipelines/{id}", false, a.deletePipeline},

		{"GET /api/v1/calendars", false, a.listCalendars},
		{"POST /api/v1/calendars", false, a.createCalendar},
		{"GET /api/v1/calendars/{id}", false, a.getCalendar},
		{"PATCH /api/v1/calendars/{id}", false, a.updateCalendar},
		{"DELETE /api/v1/calendars/{id}", false, a.deleteCalendar},
		{"POST /api/v1/calendars/{id}/holidays", false, a.importHolidays},
		{"GET /api/v1/sla-policies", false, a.listSLAPolicies},
		{"POST /api/v1/sla-policies", false, a.createSLAPolicy},
		{"GET /api/v1/sla-policies/{id}", false, a.getSLAPolicy},
		{"PATCH /api/v1/sla-policies/{id}", false, a.updateSLAPolicy},
		{"DELETE /api/v1/sla-policies/{id}", false, a.deleteSLAPolicy},

		{"GET /api/v1/reports/tickets", false, a.reportTickets},
		{"GET /api/v1/reports/operators", false, a.reportOperators},
		{"GET /api/v1/reports/chats", false, a.reportChats},
		{"GET /api/v1/reports/chat-sessions", false, a.reportSessions},

		{"GET /api/v1/fields", false, a.listFields},
		{"POST /api/v1/fields", false, a.createField},
		{"GET /api/v1/fields/{id}", false, a.getField},
		{"PATCH /api/v1/fields/{id}", false, a.updateField},
		{"DELETE /api/v1/fields/{id}", false, a.deleteField},

		{"GET /api/v1/rules", false, a.listRules},
		{"POST /api/v1/rules", false, a.createRule},
		{"GET /api/v1/rules/{id}", false, a.getRule},
		{"PATCH /api/v1/rules/{id}", false, a.updateRule},
		{"DELETE /api/v1/rules/{id}", false, a.deleteRule},

		{"GET /api/v1/chat-channels", false, a.listChatChannels},
		{"POST /api/v1/chat-channels", false, a.createChatChannel},
		{"PATCH /api/v1/chat-channels/{id}", false, a.updateChatChannel},
		{"GET /api/v1/chat-channels/{id}/rules", false, a.chatRules},
		{"PUT /api/v1/chat-channels/{id}/rules", false, a.putChatRules},
		{"PUT /api/v1/chat-channels/{id}/operators/me", false, a.joinChatChannel},
		{"DELETE /api/v1/chat-channels/{id}/operators/me", false, a.leaveChatChannel},
		{"GET /api/v1/chatbots", false, a.listChatbots},
		{"POST /api/v1/chatbots", false, a.createChatbot},
		{"GET /api/v1/chatbots/{id}", false, a.getChatbot},
		{"PUT /api/v1/chatbots/{id}", false, a.updateChatbot},
		{"DELETE /api/v1/chatbots/{id}", false, a.deleteChatbot},
		{"GET /api/v1/chats", false, a.listChats},
		{"GET /api/v1/chats/{id}", false, a.getChat},
		{"GET /api/v1/chats/{id}/messages", false, a.chatMessages},
		{"POST /api/v1/chats/{id}/messages", false, a.postChatMessage},
		{"POST /api/v1/chats/{id}/end", false, a.endChat},
		{"PUT /api/v1/operators/me/availability", false, a.setAvailability},
		{"GET /api/v1/canned-responses", false, a.listCanned},
		{"POST /api/v1/canned-responses", false, a.createCanned},
		{"PATCH /api/v1/canned-responses/{id}", false, a.updateCanned},
		{"DELETE /api/v1/canned-responses/{id}", false, a.deleteCanned},

		{"GET /api/v1/webhooks", false, a.listWebhooks},
		{"POST /api/v1/webhooks", false, a.createWebhook},
		{"GET /api/v1/webhooks/{id}", false, a.getWebhook},
		{"PATCH /api/v1/webhooks/{id}", false, a.updateWebhook},
		{"DELETE /api/v1/webhooks/{id}", false, a.deleteWebhook},
		{"GET /api/v1/webhooks/{id}/deliveries", false, a.webhookDeliveries},
		{"POST /api/v1/webhooks/{id}/rotate-secret", false, a.rotateWebhookSecret},
		{"POST /api/v1/webhooks/{id}/test", false, a.testWebhook},

		{"GET /api/v1/notifications", false, a.listNotifications},
		{"POST /api/v1/notifications/read", false, a.readAllNotifications},
		{"POST /api/v1/notifications/{id}/read", false, a.readNotification},

		{"GET /api/v1/operators", false, a.listOperators},
		{"POST /api/v1/operators", false, a.createOperator},
		{"GET /api/v1/operators/me", false, a.me},
		{"PATCH /api/v1/operators/{id}", false, a.updateOperator},
		{"GET /api/v1/operators/{id}/tokens", false, a.listTokens},
		{"POST /api/v1/operators/{id}/tokens", false, a.createToken},
		{"DELETE /api/v1/tokens/{id}", false, a.revokeToken},
	}
}

// Register adds every route to mux.
func (a *API) Register(mux *http.ServeMux) {
	a.passwordTries = a.S.Limits("api_password_tries", passwordTryBurst, passwordTryWindow)
	for _, rt := range a.routes() {
		h := httpx.JSONErrors(a.Log, rt.handler)
		if !rt.public {
			h = a.authenticate(h)
		}
		mux.Handle(rt.pattern, h)
	}
	mux.Handle("/api/", httpx.JSONErrors(a.Log, func(http.ResponseWriter, *http.Request) error {
		return httpx.NewError(http.StatusNotFound, "not_found", "no such API route")
	}))
}

// Patterns lists the route patterns, for the OpenAPI check.
func (a *API) Patterns() []string {
	var out []string
	for _, rt := range a.routes() {
		out = append(out, rt.pattern)
	}
	return out
}
