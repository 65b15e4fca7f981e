package ui

import (
	"maps"
	"net/http"
	"slices"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/operator"
)

// adminOnly lets only admins through: every settings page but "My API
// tokens" checks this on the server, whatever the top bar shows.
func (u *UI) adminOnly(next httpx.HandlerFunc) httpx.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if !me(r).IsAdmin() {
			return httpx.NewError(http.StatusForbidden, "forbidden", "Only an admin can change the settings.")
		}
		return next(w, r)
	}
}

// me is the signed-in operator.
func me(r *http.Request) operator.Operator {
	sc, _ := fromContext(r.Context())
	return sc.operator
}

// SettingsBase is what every settings page carries besides Base: which
// settings tab is current, and the page's messages.
type SettingsBase struct {
	Base
	Tab    string
	Error  string            // about the whole form, such as a broken rule
	Errors map[string]string // per field, keyed as the domain names them
}

func (u *UI) settingsBase(r *http.Request, tab string) SettingsBase {
	b := u.base(r, csrfToken(r))
	b.Section = "settings"
	return SettingsBase{Base: b, Tab: tab, Errors: map[string]string{}}
}

// fieldErrors turns the domain's field errors into sentences; keys listed
// in shown go next to their field, the rest into one message for the form.
func fieldErrors(fields map[string]string, shown func(string) bool) (map[string]string, string) {
	out, rest := map[string]string{}, ""
	for _, k := range slices.Sorted(maps.Keys(fields)) {
		if shown(k) {
			out[k] = sentenceCase(fields[k])
			continue
		}
		if rest != "" {
			rest += " "
		}
		rest += sentenceCase(k + ": " + fields[k])
	}
	return out, rest
}

// pathID reads the {name} path value as an id.
func pathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, httpx.NewError(http.StatusNotFound, "not_found", "There is no such page.")
	}
	return id, nil
}

// optionalPathID reads {id} on routes that serve both "new" (no id: 0) and
// "edit".
func optionalPathID(r *http.Request) (int64, error) {
	if r.PathValue("id") == "" {
		return 0, nil
	}
	return pathID(r, "id")
}

// notices are the success messages a redirect names with ?done=.
var notices = map[string]string{
	"team-created": "Team created.", "team-saved": "Team saved.",
	"operator-created": "Operator created.", "operator-saved": "Operator saved.",
	"pipeline-created": "Pipeline created.", "pipeline-saved": "Pipeline saved.",
	"automation-saved": "Automation saved.",
	"pipeline-deleted": "Pipeline deleted.", "pipeline-moved": "Pipeline moved.", "token-revoked": "Token revoked.",
	"account-saved": "Name saved.", "capacity-saved": "Chat capacity saved.",
	"canned-created": "Canned response created.", "canned-saved": "Canned response saved.",
	"canned-deleted":  "Canned response deleted.",
	"channel-created": "Channel created. Join it to receive its chats.",
	"channel-saved":   "Channel saved.", "option-reset": "Option reset to its default.",
	"rules-saved":      "Rules saved.",
	"chatbot-created":  "Chatbot created. Name it in a live chat rule to put it to work.",
	"chatbot-saved":    "Chatbot saved. Chats under way go on with the steps they started with.",
	"chatbot-deleted":  "Chatbot deleted.",
	"chatbot-in-use":   "A live chat rule uses this chatbot: change the rule before deleting it.",
	"channel-joined":   "You joined the channel: its chats come to you when you are online.",
	"channel-left":     "You left the channel. Chats you hold go on.",
	"signatures-saved": "Signatures saved.", "notify-saved": "Notification mail choice saved.",
	"brand-saved": "Brand saved.", "logo-saved": "Logo saved.", "logo-removed": "Logo removed.",
	"password-changed": "Password changed. Your other signed-in browsers were signed out.",
	"password-reset":   "Password reset. The operator was signed out everywhere; their API tokens still work.",
	"mailbox-added":    "Mailbox added.", "mailbox-saved": "Mailbox saved.",
	"mailbox-deleted": "Mailbox removed. Mail already imported stays.",
	"form-saved":      "Form saved.", "widget-saved": "Widget settings saved.",
	"calendar-created": "Business hours created.", "calendar-saved": "Business hours saved.",
	"sla-created": "SLA policy created; open tickets are being recomputed.", "sla-saved": "SLA policy saved; open tickets are being recomputed.",
	"sla-deleted": "SLA policy deleted.", "sla-moved": "Order changed.",
	"calendar-deleted": "Business hours deleted.", "exception-removed": "Date removed.",
	"holidays-imported": "Holidays imported. Dates that already had hours kept them.",
	"field-created":     "Field created.", "field-saved": "Field saved.",
	"field-deleted": "Field deleted, with every ticket's value of it.",
	"webhook-saved": "Webhook saved.", "webhook-deleted": "Webhook deleted, with its deliveries.",
	"webhook-test": "Test delivery queued: it goes out within seconds. Reload to see how the receiver answered.",
	"rule-created": "Rule created. Check it, then switch it on.", "rule-saved": "Rule saved.",
	"rule-exists": "The team has this ready rule already: here it is.", "rule-deleted": "Rule deleted.",
	"widget-rotated": "New widget secret made. Update it on your website: signatures made with the old one are refused now.",
}

func notice(r *http.Request) string { return notices[r.URL.Query().Get("done")] }

// settingsHome sends /settings to its first tab.
func (u *UI) settingsHome(w http.ResponseWriter, r *http.Request) error {
	http.Redirect(w, r, "/settings/teams", http.StatusSeeOther)
	return nil
}

// SField is one labelled input of a settings form.
type SField struct {
	ID, Label, Value, Error, Hint, Type string
	Required                            bool
}
