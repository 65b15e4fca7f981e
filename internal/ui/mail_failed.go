package ui

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/mail/inbound"
)

// FailedMailView lists mails that could not be filed, with a retry each.
type FailedMailView struct {
	Base
	Mails []inbound.FailedMail
	Next  string // the next page's URL, "" on the last
	// Bounces are the latest delivery reports about no mail of ours.
	Bounces []inbound.FailedMail
}

const failedPage = 50

func (u *UI) mailFailed(w http.ResponseWriter, r *http.Request) error {
	before, _ := strconv.ParseInt(r.URL.Query().Get("before"), 10, 64)
	mails, err := u.s.Mail.Failed(r.Context(), before, failedPage+1)
	if err != nil {
		return err
	}
	v := FailedMailView{Base: u.base(r, csrfToken(r)), Mails: mails}
	if v.Bounces, err = u.s.Mail.UnmatchedBounces(r.Context(), 20); err != nil {
		return err
	}
	v.Section = "mail"
	if v.Flash, err = u.retried(r); err != nil {
		return err
	}
	if len(mails) > failedPage {
		v.Mails = mails[:failedPage]
		v.Next = "/mail/failed?before=" + strconv.FormatInt(v.Mails[failedPage-1].ID, 10)
	}
	return u.render(w, r, http.StatusOK, "mail_failed", "", v)
}

// retried says what became of the mail a retry just sent back (?retried=ID).
func (u *UI) retried(r *http.Request) (string, error) {
	id, err := strconv.ParseInt(r.URL.Query().Get("retried"), 10, 64)
	if err != nil || id <= 0 {
		return "", nil
	}
	res, err := u.s.Mail.Outcome(r.Context(), id)
	if err != nil {
		return "", err
	}
	switch res.Status {
	case inbound.StatusProcessed:
		return fmt.Sprintf("Mail %d filed on ticket #%d.", id, res.Number), nil
	case inbound.StatusIgnored:
		return fmt.Sprintf("Mail %d ignored: %s.", id, res.Reason), nil
	case inbound.StatusFailed:
		return fmt.Sprintf("Mail %d failed again: %s", id, res.Reason), nil
	}
	return fmt.Sprintf("Mail %d is queued and will be tried again shortly.", id), nil
}
