package ui

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/domain"
)

func (u *UI) settingsChatView(r *http.Request) (ChatChannelsView, error) {
	v := ChatChannelsView{SettingsBase: u.settingsBase(r, "chat")}
	chs, err := u.s.Chats.Channels(r.Context())
	if err != nil {
		return v, err
	}
	ops, err := u.s.Operators.List(r.Context())
	if err != nil {
		return v, err
	}
	names := operatorNames(ops)
	for _, c := range chs {
		v.Channels = append(v.Channels, channelRow(c, names, me(r).ID))
	}
	return v, nil
}

// settingsChat lists the chat channels.
func (u *UI) settingsChat(w http.ResponseWriter, r *http.Request) error {
	v, err := u.settingsChatView(r)
	if err != nil {
		return err
	}
	v.Flash = notice(r)
	return u.render(w, r, http.StatusOK, "settings_chat", "", v)
}

// settingsChatCreate makes a standalone channel.
func (u *UI) settingsChatCreate(w http.ResponseWriter, r *http.Request) error {
	in := chat.NewChannel{Name: r.PostFormValue("name"), Slug: r.PostFormValue("slug")}
	ch, err := u.s.Chats.CreateChannel(r.Context(), in)
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		v, verr := u.settingsChatView(r)
		if verr != nil {
			return verr
		}
		v.New = in
		v.Errors, v.Error = fieldErrors(ve.Fields, func(k string) bool { return k == "name" || k == "slug" })
		return u.render(w, r, http.StatusUnprocessableEntity, "settings_chat", "", v)
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, channelURL(ch.ID)+"?done=channel-created", http.StatusSeeOther)
	return nil
}

func channelURL(id int64) string { return "/settings/chat/" + strconv.FormatInt(id, 10) }

func (u *UI) channelView(r *http.Request, id int64) (ChatChannelView, error) {
	v := ChatChannelView{SettingsBase: u.settingsBase(r, "chat")}
	c, err := u.s.Chats.Channel(r.Context(), id)
	if err != nil {
		return v, err
	}
	ops, err := u.s.Operators.List(r.Context())
	if err != nil {
		return v, err
	}
	v.Channel = channelRow(c, operatorNames(ops), me(r).ID)
	v.Name = chat.NewChannel{Name: c.Name, Slug: c.Slug}
	v.Options = optionInputs(c.Options, v.Errors)
	rs, err := u.s.Chats.Rules(r.Context(), id)
	if err != nil {
		return v, err
	}
	v.Rules, v.GeoIP = ruleRows(rs), u.s.GeoIP.Loaded()
	v.Chatbots, err = u.s.Chatbots.List(r.Context())
	return v, err
}

// settingsChannel is one channel's page.
func (u *UI) settingsChannel(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	v, err := u.channelView(r, id)
	if err != nil {
		return err
	}
	v.Flash = notice(r)
	return u.render(w, r, http.StatusOK, "settings_chat_channel", "", v)
}
