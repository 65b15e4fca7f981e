package ui

import (
	"errors"
	"net/http"
	"slices"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/chatbot"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/field"
)

// ChatbotsView is Settings → Chatbots: every script.
type ChatbotsView struct {
	SettingsBase
	Scripts []chatbot.Script
}

// ChatbotView is one script's editor and its preview pane.
type ChatbotView struct {
	SettingsBase
	ID      int64
	Form    ChatbotForm
	Note    string // edited, not saved yet
	Preview PreviewView
	Fields  []field.Def // the ticket fields a step's answer may fill
}

// FieldKnown reports whether a step's field is one of the ticket fields
// (a field deleted since the script was saved is shown as such).
func (v ChatbotView) FieldKnown(name string) bool {
	return slices.ContainsFunc(v.Fields, func(d field.Def) bool { return d.Name == name })
}

// TakesAnswer reports whether steps of type t take an answer a ticket
// field can keep (the field's box shows only for them).
func (ChatbotView) TakesAnswer(t string) bool { return chatbot.StepType(t).TakesAnswer() }

// chatbotView is the editor's view with the ticket fields to offer.
func (u *UI) chatbotView(r *http.Request, id int64) (ChatbotView, error) {
	v := ChatbotView{SettingsBase: u.settingsBase(r, "chatbots"), ID: id}
	var err error
	v.Fields, err = u.s.Fields.List(r.Context())
	return v, err
}

// StepError is the message on one input of step i ("message", "answers").
func (v ChatbotView) StepError(i int, field string) string {
	return v.Errors["steps."+strconv.Itoa(i)+"."+field]
}

// Types lists the step types for the selects.
func (ChatbotView) Types() []struct{ Value, Label string } { return StepTypes }

func chatbotURL(id int64) string { return "/settings/chatbots/" + strconv.FormatInt(id, 10) }

func (u *UI) settingsChatbots(w http.ResponseWriter, r *http.Request) error {
	v := ChatbotsView{SettingsBase: u.settingsBase(r, "chatbots")}
	var err error
	if v.Scripts, err = u.s.Chatbots.List(r.Context()); err != nil {
		return err
	}
	v.Flash = notice(r)
	return u.render(w, r, http.StatusOK, "settings_chatbots", "", v)
}

// settingsChatbot shows the editor: a new script (no id) starts with a
// question, the most common first step.
func (u *UI) settingsChatbot(w http.ResponseWriter, r *http.Request) error {
	id, err := optionalPathID(r)
	if err != nil {
		return err
	}
	v, err := u.chatbotView(r, id)
	if err != nil {
		return err
	}
	if id == 0 {
		v.Form = ChatbotForm{Steps: numberedSteps([]StepRow{{Type: string(chatbot.Question)}})}
		return u.render(w, r, http.StatusOK, "settings_chatbot", "", v)
	}
	sc, err := u.s.Chatbots.Get(r.Context(), id)
	if err != nil {
		return err
	}
	v.Form, v.Flash = chatbotForm(sc), notice(r)
	v.Preview = startPreview(sc)
	return u.render(w, r, http.StatusOK, "settings_chatbot", "", v)
}

// settingsChatbotSave creates or saves a script, or applies an add, move
// or remove button and shows the result unsaved.
func (u *UI) settingsChatbotSave(w http.ResponseWriter, r *http.Request) error {
	id, err := optionalPathID(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return err
	}
	v, err := u.chatbotView(r, id)
	if err != nil {
		return err
	}
	v.Form = chatbotFormFrom(r.PostForm)
	if v.Form.edit(r.PostForm.Get("op")) {
		v.Note = "Not saved yet: press “Save chatbot” to keep these changes."
		return u.render(w, r, http.StatusOK, "settings_chatbot", "", v)
	}
	in, err := v.Form.input()
	var sc chatbot.Script
	if err == nil && id == 0 {
		sc, err = u.s.Chatbots.Create(r.Context(), in)
	} else if err == nil {
		sc, err = u.s.Chatbots.Update(r.Context(), id, in)
	}
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		v.Errors = stepErrors(ve.Fields)
		v.Error = "The chatbot was not saved: see the messages below."
		return u.render(w, r, http.StatusUnprocessableEntity, "settings_chatbot", "", v)
	} else if err != nil {
		return err
	}
	done := "chatbot-saved"
	if id == 0 {
		done = "chatbot-created"
	}
	http.Redirect(w, r, chatbotURL(sc.ID)+"?done="+done, http.StatusSeeOther)
	return nil
}

func (u *UI) settingsChatbotDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	err = u.s.Chatbots.Delete(r.Context(), id)
	if errors.Is(err, domain.ErrConflict) {
		http.Redirect(w, r, chatbotURL(id)+"?done=chatbot-in-use", http.StatusSeeOther)
		return nil
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/settings/chatbots?done=chatbot-deleted", http.StatusSeeOther)
	return nil
}
