package ui

import (
	"slices"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/chatbot"
	"github.com/frontdesk/frontdesk/internal/operator"
)

// ChatChannelsView is Settings → Live chat: every channel, and the form
// that makes a standalone one.
type ChatChannelsView struct {
	SettingsBase
	Channels []ChannelRow
	New      chat.NewChannel
}

// ChannelRow is a channel as the list shows it.
type ChannelRow struct {
	chat.Channel
	Members []string
	Joined  bool // the signed-in operator is one of its operators
}

// ChatChannelView is one channel: its name, each option with its default
// and a reset, its operators, and Join / Leave for the signed-in one.
type ChatChannelView struct {
	SettingsBase
	Channel ChannelRow
	Name    chat.NewChannel
	Options []OptionInput
	// The channel's rules, the chatbots a rule may name, and whether a
	// GeoIP database is there (without one, country rules never match).
	Rules      []ChatRuleRow
	Chatbots   []chatbot.Script
	GeoIP      bool
	RulesNote  string // the rows were edited but not saved
	RulesError string // about the rules as a whole
}

// RuleError is the message on one input of rule i ("url", "delay_s").
func (v ChatChannelView) RuleError(i int, field string) string {
	return v.Errors["items."+strconv.Itoa(i)+"."+field]
}

// Actions lists the button's behaviours for the rules' selects.
func (ChatChannelView) Actions() []struct{ Value, Label string } { return RuleActions }

// OptionInput is one channel option's input. Value is as stored ("" is
// the default, shown as the placeholder).
type OptionInput struct {
	ID, Label, Value, Default, Hint, Error, Kind string
	Choices                                      []string
}

func channelRow(c chat.Channel, names map[int64]string, me int64) ChannelRow {
	row := ChannelRow{Channel: c, Joined: slices.Contains(c.Operators, me)}
	for _, id := range c.Operators {
		row.Members = append(row.Members, names[id])
	}
	slices.Sort(row.Members)
	return row
}

func operatorNames(ops []operator.Operator) map[int64]string {
	names := map[int64]string{}
	for _, o := range ops {
		names[o.ID] = o.Name
	}
	return names
}

// optionInputs lists the options of docs/chat.md in the order the widget
// shows them.
func optionInputs(o chat.Options, errs map[string]string) []OptionInput {
	d := chat.Defaults
	missed := ""
	if o.MissedAfter != 0 && o.MissedAfter != d.MissedAfter {
		missed = strconv.Itoa(o.MissedAfter)
	}
	prechat := []string{"off", "optional", "required"}
	in := []OptionInput{
		{ID: "notification_text", Label: "Notification text", Value: o.NotificationText, Default: d.NotificationText, Hint: "The bubble beside the chat button."},
		{ID: "button_color", Label: "Button colour", Value: o.ButtonColor, Default: d.ButtonColor, Hint: "A colour like #2563eb."},
		{ID: "header_color", Label: "Header colour", Value: o.HeaderColor, Default: d.HeaderColor, Hint: "The chat window's title bar."},
		{ID: "welcome_message", Label: "Welcome message", Value: o.WelcomeMessage, Default: d.WelcomeMessage, Hint: "Shown first, as if an operator wrote it.", Kind: "textarea"},
		{ID: "input_placeholder", Label: "Input placeholder", Value: o.InputPlaceholder, Default: d.InputPlaceholder, Hint: "The grey text in the visitor's message box."},
		{ID: "prechat_name", Label: "Pre-chat form: name", Value: prechatValue(o.PrechatName), Default: string(d.PrechatName), Kind: "select", Choices: prechat},
		{ID: "prechat_email", Label: "Pre-chat form: email", Value: prechatValue(o.PrechatEmail), Default: string(d.PrechatEmail), Kind: "select", Choices: prechat},
		{ID: "missed_after", Label: "Missed after (seconds)", Value: missed, Default: strconv.Itoa(d.MissedAfter), Hint: "A chat nobody answers in this time is missed and offered as a ticket. 10 to 3600.", Kind: "number"},
	}
	for i := range in {
		in[i].Error = errs[in[i].ID]
	}
	return in
}

// prechatValue shows the stored default ("off") as the default: blank.
func prechatValue(p chat.Prechat) string {
	if p == chat.Defaults.PrechatName {
		return ""
	}
	return string(p)
}
