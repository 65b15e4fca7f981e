package ui

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// ChatRuleRow is one channel rule as its inputs hold it (strings, so what
// was typed comes back as typed beside its error).
type ChatRuleRow struct {
	Action, Delay, URL, Countries, Chatbot string
	OnlyIfNoOperator                       bool
	N                                      int  // its number, from 1
	Last                                   bool // the last rule: no "move down"
}

// numbered fills N and Last after the rows moved.
func numbered(rows []ChatRuleRow) []ChatRuleRow {
	for i := range rows {
		rows[i].N, rows[i].Last = i+1, i == len(rows)-1
	}
	return rows
}

// RuleActions are the button's behaviours in the order the select lists them.
var RuleActions = []struct{ Value, Label string }{
	{"show", "Show the button"},
	{"notify", "Show it with the notification"},
	{"auto_open", "Open the chat by itself"},
	{"hide", "Hide the button"},
}

func ruleRows(rules []chat.Rule) []ChatRuleRow {
	out := []ChatRuleRow{}
	for _, r := range rules {
		row := ChatRuleRow{Action: string(r.Action), URL: r.URL, Countries: strings.Join(r.Countries, ", "),
			OnlyIfNoOperator: r.OnlyIfNoOperator}
		if r.Action == chat.AutoOpen {
			row.Delay = strconv.Itoa(r.DelayS)
		}
		if r.ChatbotID != nil {
			row.Chatbot = strconv.FormatInt(*r.ChatbotID, 10)
		}
		out = append(out, row)
	}
	return numbered(out)
}

func ruleRowsFrom(v url.Values) []ChatRuleRow {
	n, _ := strconv.Atoi(v.Get("n"))
	out := []ChatRuleRow{}
	for i := 0; i < n && i < chat.MaxRules+1; i++ {
		k := func(name string) string { return strings.TrimSpace(v.Get(name + "_" + strconv.Itoa(i))) }
		out = append(out, ChatRuleRow{Action: k("action"), Delay: k("delay"), URL: k("url"), Countries: k("countries"),
			Chatbot: k("chatbot"), OnlyIfNoOperator: k("nobody") != ""})
	}
	return out
}

// editRules applies an add, move or remove button; false means Save.
func editRules(rows []ChatRuleRow, op string) ([]ChatRuleRow, bool) {
	verb, arg, _ := strings.Cut(op, "-")
	i, err := strconv.Atoi(arg)
	ok := err == nil && i >= 0 && i < len(rows)
	switch {
	case verb == "add":
		rows = append(rows, ChatRuleRow{Action: string(chat.ShowButton), URL: "/"})
	case verb == "up" && ok && i > 0:
		rows[i-1], rows[i] = rows[i], rows[i-1]
	case verb == "down" && ok && i < len(rows)-1:
		rows[i+1], rows[i] = rows[i], rows[i+1]
	case verb == "remove" && ok:
		rows = append(rows[:i], rows[i+1:]...)
	case verb == "up" || verb == "down" || verb == "remove":
	default:
		return rows, false
	}
	return rows, true
}

// rules turns the rows into rules; a delay or chatbot that is no number
// is refused here, on its field, since the domain sees only integers.
func rules(rows []ChatRuleRow) ([]chat.Rule, error) {
	c := &domain.Check{}
	out := make([]chat.Rule, 0, len(rows))
	for i, row := range rows {
		r := chat.Rule{Action: chat.Action(row.Action), URL: row.URL, OnlyIfNoOperator: row.OnlyIfNoOperator,
			Countries: []string{}}
		f := "items." + strconv.Itoa(i) + "."
		if r.Action == chat.AutoOpen {
			n, err := strconv.Atoi(row.Delay)
			c.Require(err == nil, f+"delay_s", "must be a whole number of seconds")
			r.DelayS = n
		}
		if row.Chatbot != "" {
			id, err := strconv.ParseInt(row.Chatbot, 10, 64)
			c.Require(err == nil, f+"chatbot_id", "no such chatbot")
			r.ChatbotID = &id
		}
		for _, code := range strings.FieldsFunc(row.Countries, func(r rune) bool { return r == ',' || r == ' ' }) {
			r.Countries = append(r.Countries, code)
		}
		out = append(out, r)
	}
	if err := c.Merge("", chat.CheckRules(out)); err != nil {
		return nil, err
	}
	return out, c.Err()
}

// settingsChannelRules saves a channel's rules, or applies a reorder, add
// or remove button and shows the result unsaved.
func (u *UI) settingsChannelRules(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return err
	}
	v, err := u.channelView(r, id)
	if err != nil {
		return err
	}
	rows, edited := editRules(ruleRowsFrom(r.PostForm), r.PostForm.Get("op"))
	v.Rules = numbered(rows)
	if edited {
		v.RulesNote = "Not saved yet: press “Save rules” to keep these changes."
		return u.render(w, r, http.StatusOK, "settings_chat_channel", "", v)
	}
	in, err := rules(rows)
	if err == nil {
		_, err = u.s.Chats.SetRules(r.Context(), id, in)
	}
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		v.Errors, v.RulesError = fieldErrors(ve.Fields, func(k string) bool { return strings.HasPrefix(k, "items.") && k != "items" })
		return u.render(w, r, http.StatusUnprocessableEntity, "settings_chat_channel", "", v)
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, channelURL(id)+"?done=rules-saved#rules", http.StatusSeeOther)
	return nil
}
