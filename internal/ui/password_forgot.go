package ui

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/mail/outbound"
	"github.com/frontdesk/frontdesk/internal/operator"
)

// Requests for a "forgot password" link: 3 per address and 10 per client
// address in 15 minutes, so the form mails nobody a flood of links.
const (
	forgotBurstEmail = 3
	forgotBurstIP    = 10
	forgotWindow     = 15 * time.Minute
)

// ForgotView is the "forgot password" form, then its one answer.
type ForgotView struct {
	Base
	Email string
	Error string
	Sent  bool
}

func (u *UI) forgotShow(w http.ResponseWriter, r *http.Request) error {
	return u.render(w, r, http.StatusOK, "password_forgot", "", ForgotView{Base: u.base(r, u.anonCSRF(w, r))})
}

// forgotSubmit mails a single-use link to the operator with that address.
// The answer is the same whether or not the address has an account, and
// the mail leaves after it, so neither words nor timing tell.
func (u *UI) forgotSubmit(w http.ResponseWriter, r *http.Request) error {
	v := ForgotView{Base: u.base(r, csrfToken(r)), Email: strings.TrimSpace(r.PostFormValue("email"))}
	if v.Email == "" || !strings.Contains(v.Email, "@") {
		v.Error = "Enter the email address of your account."
		return u.render(w, r, http.StatusUnprocessableEntity, "password_forgot", "", v)
	}
	key := strings.ToLower(v.Email)
	if !u.forgotByEmail.Allow(r.Context(), key) || !u.forgotByIP.Allow(r.Context(), clientIP(r)) {
		w.Header().Set("Retry-After", "900")
		v.Error = "Too many requests for a link. Wait a quarter of an hour, then try again."
		return u.render(w, r, http.StatusTooManyRequests, "password_forgot", "", v)
	}
	token, op, err := u.s.Operators.StartReset(r.Context(), v.Email)
	if err == nil {
		go u.mailReset(context.WithoutCancel(r.Context()), op, u.baseURL+"/login/reset/"+token)
	} else if !errors.Is(err, operator.ErrNotFound) {
		return err
	}
	v.Sent = true
	return u.render(w, r, http.StatusOK, "password_forgot", "", v)
}

// mailReset sends the link. Without a relay nothing can be mailed: the
// link goes to the server's log, for whoever runs the install.
func (u *UI) mailReset(ctx context.Context, op operator.Operator, link string) {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	body := fmt.Sprintf("Hello %s,\n\nsomeone (we hope you) asked to set a new password for your Frontdesk account.\n"+
		"Open this link within an hour to choose one; it works once:\n\n%s\n\n"+
		"If you did not ask, ignore this mail: your password stays as it is.\n", op.Name, link)
	err := u.s.AccountMail.SendText(ctx, op.Email, "Set a new Frontdesk password", body)
	if errors.Is(err, outbound.ErrNoRelay) {
		u.log.Warn("no SMTP relay: the password link was not mailed; it is here instead", "operator", op.Email, "link", link)
	} else if err != nil {
		u.log.Error("mail password link", "operator", op.Email, "err", err)
	}
}
