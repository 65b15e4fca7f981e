package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/ticket"
)

// eventOf says in words what one history entry changed.
func eventOf(e ticket.Event, now time.Time) *ThreadEvent {
	out := &ThreadEvent{Text: eventText(e), At: stampOf(e.CreatedAt, now)}
	if e.Actor != nil {
		out.Actor = e.Actor.Name
	} else if rule := dataText(e.Data["rule"]); rule != "" {
		out.Actor = "Rule “" + rule + "”"
	}
	return out
}

// eventText reads the data each kind records (see internal/ticket); an
// unknown kind still shows, by its name, rather than vanishing.
func eventText(e ticket.Event) string {
	from, to := dataText(e.Data["from"]), dataText(e.Data["to"])
	switch e.Kind {
	case ticket.EventCreated:
		if ch := dataText(e.Data["channel"]); ch != "" {
			return "opened the ticket via " + channelName(ch)
		}
		return "opened the ticket"
	case ticket.EventStatus:
		return fmt.Sprintf("changed the status from %s to %s", from, to)
	case ticket.EventReopened:
		return fmt.Sprintf("reopened the ticket (%s to %s)", from, to)
	case ticket.EventPriority:
		return fmt.Sprintf("changed the priority from %s to %s", priorityWord(e.Data["from"]), priorityWord(e.Data["to"]))
	case ticket.EventAssignee:
		return assigneeText(e, from, to)
	case ticket.EventTeam:
		return fmt.Sprintf("moved the ticket from team %s to %s", from, to)
	case ticket.EventSubject:
		return fmt.Sprintf("renamed the ticket from “%s” to “%s”", from, to)
	case ticket.EventTags:
		if to == "" {
			return "removed all tags"
		}
		return "set the tags to " + to
	case ticket.EventContact:
		text := fmt.Sprintf("linked the ticket to %s instead of %s",
			dataText(e.Data["to_name"]), dataText(e.Data["from_name"]))
		if gone := dataText(e.Data["participants_removed"]); gone != "" {
			text += "; no longer copied: " + gone
		}
		return text
	case ticket.EventField:
		return fieldEventText(e, from, to)
	case ticket.EventMerged:
		return "merged the customer into another contact"
	case "sla", ticket.EventRule: // the line as it should read
		return dataText(e.Data["line"])
	case ticket.EventLinkRotated:
		if dataText(e.Data["reason"]) == ticket.LinkRenewedForContact {
			return fmt.Sprintf("renewed the public link: the customer changed from %s to %s",
				dataText(e.Data["from_name"]), dataText(e.Data["to_name"]))
		}
		if dataText(e.Data["reason"]) == ticket.LinkRenewedForSignIn {
			return "renewed the public link: the customer's site signed them in, and the link given to " +
				"whoever typed their address no longer works"
		}
		return "made a new public link; the old one no longer works"
	}
	return strings.ReplaceAll(e.Kind, "_", " ")
}

// fieldEventText words a custom field's change; a checkbox's value is a
// bool, said as ticked or unticked.
func fieldEventText(e ticket.Event, from, to string) string {
	label := dataText(e.Data["label"])
	if b, ok := e.Data["to"].(bool); ok {
		if b {
			return "ticked " + label
		}
		return "unticked " + label
	}
	switch {
	case to == "":
		return fmt.Sprintf("cleared %s (was %s)", label, from)
	case from == "":
		return fmt.Sprintf("set %s to %s", label, to)
	}
	return fmt.Sprintf("changed %s from %s to %s", label, from, to)
}

func assigneeText(e ticket.Event, from, to string) string {
	switch {
	case to == "":
		return "unassigned the ticket from " + from
	case e.Actor == nil && dataText(e.Data["mode"]) != "":
		return "assigned the ticket to " + to + " automatically"
	}
	return "assigned the ticket to " + to
}

// dataText turns a value decoded from the event's JSON into words.
func dataText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case []any:
		parts := make([]string, len(v))
		for i, p := range v {
			parts[i] = dataText(p)
		}
		return strings.Join(parts, ", ")
	}
	return fmt.Sprint(v)
}

func priorityWord(v any) string {
	if f, ok := v.(float64); ok && f >= 0 && int(f) < len(priorityNames) {
		return priorityNames[int(f)]
	}
	return dataText(v)
}

var channelNames = map[string]string{"email": "email", "web_form": "the web form", "widget": "the widget",
	"chat": "chat", "manual": "an operator", "api": "the API"}

func channelName(ch string) string {
	if n, ok := channelNames[ch]; ok {
		return n
	}
	return ch
}

var channelLabels = map[ticket.Channel]string{ticket.Email: "Email", ticket.WebForm: "Web form",
	ticket.Widget: "Widget", ticket.Chat: "Chat", ticket.Manual: "By an operator", ticket.API: "API"}

// channelLabel names the channel in the ticket's header.
func channelLabel(ch ticket.Channel) string {
	if n, ok := channelLabels[ch]; ok {
		return n
	}
	return string(ch)
}
