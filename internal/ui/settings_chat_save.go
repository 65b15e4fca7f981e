package ui

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// settingsChannelSave renames a channel and stores its options. The
// "Reset to default" button beside an option blanks that one option
// (a blank option is its default) and keeps what else was typed.
func (u *UI) settingsChannelSave(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	name := chat.NewChannel{Name: r.PostFormValue("name"), Slug: r.PostFormValue("slug")}
	o, err := optionsFrom(r)
	if err == nil {
		_, err = u.s.Chats.RenameChannel(r.Context(), id, name)
	}
	if err == nil {
		_, err = u.s.Chats.SetOptions(r.Context(), id, o)
	}
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		v, verr := u.channelView(r, id)
		if verr != nil {
			return verr
		}
		v.Errors, v.Error = fieldErrors(ve.Fields, func(string) bool { return true })
		v.Name, v.Options = name, optionInputs(o, v.Errors)
		if o.MissedAfter == 0 {
			v.Options[len(v.Options)-1].Value = r.PostFormValue("missed_after")
		}
		return u.render(w, r, http.StatusUnprocessableEntity, "settings_chat_channel", "", v)
	} else if err != nil {
		return err
	}
	done := "channel-saved"
	if r.PostFormValue("reset") != "" {
		done = "option-reset"
	}
	http.Redirect(w, r, channelURL(id)+"?done="+done, http.StatusSeeOther)
	return nil
}

// optionsFrom reads the options form; a seconds field that is no number
// is refused here, since the domain sees only integers.
func optionsFrom(r *http.Request) (chat.Options, error) {
	reset := r.PostFormValue("reset")
	val := func(k string) string {
		if k == reset {
			return ""
		}
		return strings.TrimSpace(r.PostFormValue(k))
	}
	o := chat.Options{NotificationText: val("notification_text"), ButtonColor: val("button_color"),
		HeaderColor: val("header_color"), WelcomeMessage: val("welcome_message"),
		InputPlaceholder: val("input_placeholder"), PrechatName: chat.Prechat(val("prechat_name")),
		PrechatEmail: chat.Prechat(val("prechat_email"))}
	if s := val("missed_after"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			return o, domain.Invalid("missed_after", "must be a whole number of seconds")
		}
		o.MissedAfter = n
	}
	return o, nil
}

// channelJoin and channelLeave put the signed-in operator in or out of a
// channel: any operator may, from the channel page or the Chats page.
func (u *UI) channelJoin(w http.ResponseWriter, r *http.Request) error {
	return u.channelMembership(w, r, u.s.Chats.Join, "joined")
}

func (u *UI) channelLeave(w http.ResponseWriter, r *http.Request) error {
	return u.channelMembership(w, r, u.s.Chats.Leave, "left")
}

func (u *UI) channelMembership(w http.ResponseWriter, r *http.Request,
	do func(ctx context.Context, channelID, operatorID int64) error, done string) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := u.s.Chats.Channel(r.Context(), id); err != nil {
		return err
	}
	if err := do(r.Context(), id, me(r).ID); err != nil {
		return err
	}
	back := backTo(r)
	sep := "?"
	if strings.Contains(back, "?") {
		sep = "&"
	}
	http.Redirect(w, r, back+sep+"done=channel-"+done, http.StatusSeeOther)
	return nil
}
