package ui

import (
	"net/http"

	"github.com/frontdesk/frontdesk/internal/httpx"
)

// route is one line of the table: pattern, whether it needs a signed-in
// operator, handler.
type route struct {
	pattern  string
	operator bool
	handler  httpx.HandlerFunc
}

func (u *UI) routes() []route {
	return []route{
		{"GET /static/{path...}", false, u.static},

		{"GET /login", false, u.loginShow},
		{"POST /login", false, u.loginSubmit},
		{"GET /login/forgot", false, u.forgotShow},
		{"POST /login/forgot", false, u.forgotSubmit},
		{"GET /login/reset/{token}", false, u.resetShow},
		{"POST /login/reset/{token}", false, u.resetSubmit},
		{"POST /logout", true, u.logout},
		{"POST /logout/everywhere", true, u.logoutEverywhere},
		{"GET /search", true, u.search},
		{"GET /notifications", true, u.notificationsList},
		{"GET /notifications/{id}", true, u.notificationOpen},
		{"POST /notifications/read", true, u.notificationsRead},

		{"GET /{$}", false, u.home},
		{"GET /inbox", true, u.inbox},
		{"GET /events", true, u.eventsStream},
		{"GET /chats/socket", true, u.chatsSocket},
		{"GET /chats", true, u.chats},
		{"POST /chats/availability", true, u.chatAvailabilitySave},
		{"GET /chats/{id}", true, u.chatShow},
		{"GET /chats/{id}/files/{fid}", true, u.chatFile},
		{"POST /chats/{id}/messages", true, u.chatMessage},
		{"POST /chats/{id}/take", true, u.chatAction(u.chatTake)},
		{"POST /chats/{id}/leave", true, u.chatAction(u.chatLeave)},
		{"POST /chats/{id}/end", true, u.chatAction(u.chatEnd)},
		{"POST /chats/{id}/transfer", true, u.chatAction(u.chatTransfer)},
		{"GET /canned-responses", true, u.cannedJSON},
		{"POST /chats/channels/{id}/join", true, u.channelJoin},
		{"POST /chats/channels/{id}/leave", true, u.channelLeave},
		{"POST /tickets/bulk", true, u.ticketsBulk},
		{"POST /tickets/{number}/priority", true, u.ticketPriority},

		{"GET /reports", true, u.reports},
		{"GET /reports.csv", true, u.reportsCSV},
		{"GET /reports/chats", true, u.reportsChats},
		{"GET /reports/chats.csv", true, u.reportsChatsCSV},
		{"GET /reports/chats/countries.csv", true, u.reportsChatCountriesCSV},
		{"GET /reports/live", true, u.reportsLive},
		{"GET /chats/history", true, u.chatHistory},

		{"GET /board", true, u.boardDefault},
		{"GET /pipelines/{id}/board", true, u.board},
		{"POST /tickets/{number}/status", true, u.ticketStatus},
		{"GET /tickets/new", true, u.ticketNew},
		{"POST /tickets/new", true, u.ticketCreate},

		{"GET /tickets/{number}", true, u.ticketShow},
		{"POST /tickets/{number}", true, u.ticketUpdate},
		{"POST /tickets/{number}/messages", true, u.ticketMessage},
		{"POST /tickets/{number}/link", true, u.ticketRotateLink},
		{"POST /tickets/{number}/contact", true, u.ticketRelink},
		{"POST /tickets/{number}/fields", true, u.ticketFields},
		{"GET /tickets/{number}/presence", true, u.ticketPresence},
		{"POST /tickets/{number}/presence", true, u.ticketPresenceBeat},
		{"GET /files/{id}/{name}", true, u.fileDownload},

		{"GET /contacts", true, u.contactsList},
		{"GET /contacts/{id}", true, u.contactShow},
		{"POST /contacts/{id}", true, u.contactUpdate},
		{"POST /contacts/{id}/bounces/clear", true, u.contactBounceClear},
		{"GET /contacts/{id}/merge", true, u.contactMergeShow},
		{"POST /contacts/{id}/merge", true, u.contactMerge},

		{"GET /mail/failed", true, u.mailFailed},
		{"POST /mail/failed/{id}/retry", true, u.mailRetry},
		{"GET /mail/failed/{id}/raw", true, u.mailRaw},

		{"GET /settings", true, u.adminOnly(u.settingsHome)},
		{"GET /settings/teams", true, u.adminOnly(u.settingsTeams)},
		{"GET /settings/teams/new", true, u.adminOnly(u.settingsTeamNew)},
		{"POST /settings/teams", true, u.adminOnly(u.settingsTeamSave)},
		{"GET /settings/teams/{id}", true, u.adminOnly(u.settingsTeamEdit)},
		{"POST /settings/teams/{id}", true, u.adminOnly(u.settingsTeamSave)},
		{"GET /settings/teams/{id}/mail", true, u.adminOnly(u.settingsTeamMail)},
		{"POST /settings/teams/{id}/mail", true, u.adminOnly(u.settingsTeamMailSave)},
		{"GET /settings/teams/{id}/mail/preview", true, u.adminOnly(u.settingsTeamMailPreview)},
		{"GET /settings/outbox", true, u.adminOnly(u.settingsOutbox)},
		{"GET /settings/teams/{id}/mailboxes", true, u.adminOnly(u.settingsMailboxes)},
		{"POST /settings/teams/{id}/mailboxes", true, u.adminOnly(u.settingsMailboxSave)},
		{"GET /settings/teams/{id}/mailboxes/{mid}", true, u.adminOnly(u.settingsMailboxEdit)},
		{"POST /settings/teams/{id}/mailboxes/{mid}", true, u.adminOnly(u.settingsMailboxSave)},
		{"POST /settings/teams/{id}/mailboxes/{mid}/delete", true, u.adminOnly(u.settingsMailboxDelete)},
		{"POST /settings/teams/{id}/mailboxes/{mid}/test", true, u.adminOnly(u.settingsMailboxProbe)},
		{"GET /settings/teams/{id}/form", true, u.adminOnly(u.settingsForm)},
		{"POST /settings/teams/{id}/form", true, u.adminOnly(u.settingsFormSave)},
		{"GET /settings/teams/{id}/widget", true, u.adminOnly(u.settingsWidget)},
		{"POST /settings/teams/{id}/widget", true, u.adminOnly(u.settingsWidgetSave)},
		{"POST /settings/teams/{id}/widget/rotate", true, u.adminOnly(u.settingsWidgetRotate)},
		{"GET /settings/operators", true, u.adminOnly(u.settingsOperators)},
		{"POST /settings/operators", true, u.adminOnly(u.settingsOperatorCreate)},
		{"GET /settings/operators/{id}", true, u.adminOnly(u.settingsOperatorEdit)},
		{"POST /settings/operators/{id}", true, u.adminOnly(u.settingsOperatorUpdate)},
		{"GET /settings/operators/{id}/tokens", true, u.adminOnly(u.settingsTokens)},
		{"POST /settings/operators/{id}/tokens", true, u.adminOnly(u.settingsTokenCreate)},
		{"GET /settings/pipelines", true, u.adminOnly(u.settingsPipelines)},
		{"GET /settings/pipelines/new", true, u.adminOnly(u.settingsPipelineNew)},
		{"POST /settings/pipelines", true, u.adminOnly(u.settingsPipelineSave)},
		{"GET /settings/pipelines/{id}", true, u.adminOnly(u.settingsPipelineEdit)},
		{"POST /settings/pipelines/{id}", true, u.adminOnly(u.settingsPipelineSave)},
		{"POST /settings/pipelines/{id}/delete", true, u.adminOnly(u.settingsPipelineDelete)},
		{"POST /settings/pipelines/{id}/position", true, u.adminOnly(u.settingsPipelineMove)},
		{"POST /settings/pipelines/{id}/presets/mail", true, u.adminOnly(u.settingsPipelineMails)},
		{"POST /settings/pipelines/{id}/presets/{key}", true, u.adminOnly(u.settingsPipelinePreset)},

		{"GET /settings/calendars", true, u.adminOnly(u.settingsCalendars)},
		{"GET /settings/calendars/new", true, u.adminOnly(u.settingsCalendarNew)},
		{"POST /settings/calendars", true, u.adminOnly(u.settingsCalendarSave)},
		{"GET /settings/calendars/{id}", true, u.adminOnly(u.settingsCalendarEdit)},
		{"POST /settings/calendars/{id}", true, u.adminOnly(u.settingsCalendarSave)},
		{"POST /settings/calendars/{id}/delete", true, u.adminOnly(u.settingsCalendarDelete)},
		{"POST /settings/calendars/{id}/holidays", true, u.adminOnly(u.settingsCalendarHolidays)},
		{"GET /settings/fields", true, u.adminOnly(u.settingsFields)},
		{"GET /settings/fields/new", true, u.adminOnly(u.settingsFieldNew)},
		{"POST /settings/fields", true, u.adminOnly(u.settingsFieldSave)},
		{"GET /settings/fields/{id}", true, u.adminOnly(u.settingsFieldEdit)},
		{"POST /settings/fields/{id}", true, u.adminOnly(u.settingsFieldSave)},
		{"POST /settings/fields/{id}/delete", true, u.adminOnly(u.settingsFieldDelete)},
		{"GET /settings/sla", true, u.adminOnly(u.settingsSLA)},
		{"GET /settings/sla/new", true, u.adminOnly(u.settingsSLANew)},
		{"POST /settings/sla", true, u.adminOnly(u.settingsSLASave)},
		{"GET /settings/sla/{id}", true, u.adminOnly(u.settingsSLAEdit)},
		{"POST /settings/sla/{id}", true, u.adminOnly(u.settingsSLASave)},
		{"POST /settings/sla/{id}/move", true, u.adminOnly(u.settingsSLAMove)},
		{"POST /settings/sla/{id}/delete", true, u.adminOnly(u.settingsSLADelete)},
		{"GET /settings/webhooks", true, u.adminOnly(u.settingsWebhooks)},
		{"GET /settings/webhooks/new", true, u.adminOnly(u.settingsWebhookNew)},
		{"POST /settings/webhooks", true, u.adminOnly(u.settingsWebhookSave)},
		{"GET /settings/webhooks/{id}", true, u.adminOnly(u.settingsWebhookEdit)},
		{"POST /settings/webhooks/{id}", true, u.adminOnly(u.settingsWebhookSave)},
		{"POST /settings/webhooks/{id}/rotate", true, u.adminOnly(u.settingsWebhookRotate)},
		{"POST /settings/webhooks/{id}/test", true, u.adminOnly(u.settingsWebhookTest)},
		{"POST /settings/webhooks/{id}/delete", true, u.adminOnly(u.settingsWebhookDelete)},
		{"GET /settings/chat", true, u.adminOnly(u.settingsChat)},
		{"POST /settings/chat", true, u.adminOnly(u.settingsChatCreate)},
		{"GET /settings/chat/{id}", true, u.adminOnly(u.settingsChannel)},
		{"POST /settings/chat/{id}", true, u.adminOnly(u.settingsChannelSave)},
		{"POST /settings/chat/{id}/rules", true, u.adminOnly(u.settingsChannelRules)},
		{"GET /settings/chatbots", true, u.adminOnly(u.settingsChatbots)},
		{"GET /settings/chatbots/new", true, u.adminOnly(u.settingsChatbot)},
		{"POST /settings/chatbots", true, u.adminOnly(u.settingsChatbotSave)},
		{"GET /settings/chatbots/{id}", true, u.adminOnly(u.settingsChatbot)},
		{"POST /settings/chatbots/{id}", true, u.adminOnly(u.settingsChatbotSave)},
		{"POST /settings/chatbots/{id}/delete", true, u.adminOnly(u.settingsChatbotDelete)},
		{"POST /settings/chatbots/{id}/preview", true, u.adminOnly(u.settingsChatbotPreview)},
		{"GET /settings/canned", true, u.adminOnly(u.settingsCanned)},
		{"GET /settings/canned/new", true, u.adminOnly(u.settingsCannedEdit)},
		{"POST /settings/canned", true, u.adminOnly(u.settingsCannedSave)},
		{"GET /settings/canned/{id}", true, u.adminOnly(u.settingsCannedEdit)},
		{"POST /settings/canned/{id}", true, u.adminOnly(u.settingsCannedSave)},
		{"POST /settings/canned/{id}/delete", true, u.adminOnly(u.settingsCannedDelete)},
		{"GET /settings/brand", true, u.adminOnly(u.settingsBrand)},
		{"GET /settings/automations", true, u.adminOnly(u.settingsAutomations)},
		{"GET /settings/automations/new", true, u.adminOnly(u.settingsAutomationNew)},
		{"POST /settings/automations", true, u.adminOnly(u.settingsAutomationSave)},
		{"POST /settings/automations/presets", true, u.adminOnly(u.settingsAutomationPreset)},
		{"GET /settings/automations/{id}", true, u.adminOnly(u.settingsAutomationEdit)},
		{"POST /settings/automations/{id}", true, u.adminOnly(u.settingsAutomationSave)},
		{"POST /settings/automations/{id}/delete", true, u.adminOnly(u.settingsAutomationDelete)},
		{"POST /settings/brand", true, u.adminOnly(u.settingsBrandSave)},
		{"POST /settings/brand/logo", true, u.adminOnly(u.settingsBrandLogo)},
		{"GET /settings/brand/logo", true, u.adminOnly(u.brandLogo)},
		// Every operator manages their own account and tokens; the domain
		// checks revoking.
		{"GET /settings/account", true, u.account},
		{"POST /settings/account", true, u.accountSave},
		{"POST /settings/account/password", true, u.accountPassword},
		{"POST /settings/account/chat", true, u.accountChat},
		{"POST /settings/account/signatures", true, u.accountSignatures},
		{"POST /settings/account/notifications", true, u.accountNotifications},
		{"GET /settings/tokens", true, u.settingsTokens},
		{"POST /settings/tokens", true, u.settingsTokenCreate},
		{"POST /settings/tokens/{id}/revoke", true, u.settingsTokenRevoke},

		{"GET /favicon.ico", false, u.favicon},
		{"/", false, u.notFound},
	}
}

// maxFormBody bounds a form post without files (upload.go has the limits
// of posts with files, which only signed-in operators may send).
const maxFormBody = 1 << 20

// formMemory is how much of a post's files is held in memory; the rest
// waits in temporary files the server removes after the request.
const formMemory = 8 << 20

// Register adds every route to mux. Each request gets the security
// headers and a bounded body; operator routes first need a session; every
// post is read whole (a 413 page past its limit) before the CSRF check.
func (u *UI) Register(mux *http.ServeMux) {
	for _, rt := range u.routes() {
		if ticketRoute(rt.pattern) {
			rt.handler = u.ticketVisible(rt.handler)
		}
		h := readForm(checkCSRF(rt.handler))
		if rt.operator {
			h = u.requireSession(h)
		}
		mux.Handle(rt.pattern, securityHeaders(u.htmlErrors(limitBody(rt.operator, h))))
	}
}

// limitBody bounds the body: large enough for files on an operator's
// routes, 1 MB elsewhere (the sign-in form).
func limitBody(operator bool, next httpx.HandlerFunc) httpx.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		limit := int64(maxFormBody)
		if operator && isMultipart(r) {
			limit = maxUploadReq
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		return next(w, r)
	}
}

// readForm parses a post within its limit, so one over it gets a 413 page
// rather than a CSRF refusal or a form with its fields missing. On
// operator routes it runs after the session check: a stranger's upload is
// never read. Its files are removed when the handler is done, whether it
// used them (uploads) or refused the post.
func readForm(next httpx.HandlerFunc) httpx.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if r.Method == http.MethodPost {
			defer httpx.DropForm(r)
			if err := httpx.ReadForm(r, formMemory); err != nil {
				return err
			}
		}
		return next(w, r)
	}
}
