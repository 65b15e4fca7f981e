package ui

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/mail/mailbox"
)

// settingsMailboxSave adds a mailbox to the team (no {mid}) or changes one.
func (u *UI) settingsMailboxSave(w http.ResponseWriter, r *http.Request) error {
	teamID, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var editID int64
	if r.PathValue("mid") != "" {
		if editID, err = pathID(r, "mid"); err != nil {
			return err
		}
	}
	if err := r.ParseForm(); err != nil {
		return err
	}
	f := mailboxFormFrom(r.PostForm)
	if editID == 0 {
		_, err = u.s.Mailboxes.Create(r.Context(), teamID, f.input())
	} else {
		_, err = u.s.Mailboxes.Update(r.Context(), teamID, editID, f.input())
	}
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		v, verr := u.mailboxesView(r, teamID, editID, f)
		if verr != nil {
			return verr
		}
		v.Form.Password = ""
		v.Errors, v.Error = fieldErrors(ve.Fields, isMailboxField)
		return u.render(w, r, http.StatusUnprocessableEntity, "settings_mailboxes", "", v)
	} else if err != nil {
		return err
	}
	done := "mailbox-saved"
	if editID == 0 {
		done = "mailbox-added"
	}
	http.Redirect(w, r, mailboxesURL(teamID)+"?done="+done, http.StatusSeeOther)
	return nil
}

func mailboxesURL(teamID int64) string {
	return "/settings/teams/" + strconv.FormatInt(teamID, 10) + "/mailboxes"
}

// teamMailbox reads {id} and {mid}: mailbox mid of team id, or not found.
func (u *UI) teamMailbox(r *http.Request) (int64, mailbox.Mailbox, error) {
	teamID, err := pathID(r, "id")
	if err != nil {
		return 0, mailbox.Mailbox{}, err
	}
	mid, err := pathID(r, "mid")
	if err != nil {
		return 0, mailbox.Mailbox{}, err
	}
	m, err := u.s.Mailboxes.Get(r.Context(), mid)
	if err == nil && m.TeamID != teamID {
		err = mailbox.ErrNotFound
	}
	return teamID, m, err
}
