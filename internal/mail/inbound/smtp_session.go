package inbound

import (
	"context"
	"errors"
	"io"
	"time"

	"github.com/emersion/go-smtp"
)

// session is one SMTP connection's mail transaction.
type session struct {
	s    *SMTPServer
	conn *smtp.Conn
	ip   string
	from string
	to   []string
}

var (
	errRate = &smtp.SMTPError{Code: 421, EnhancedCode: smtp.EnhancedCode{4, 7, 0},
		Message: "Too many mails from your address, try again later"}
	errNoSuchUser = &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1},
		Message: "No such mailbox here"}
	errTemporary = &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0},
		Message: "Could not store the mail, try again later"}
)

func (ss *session) Mail(from string, _ *smtp.MailOptions) error {
	if !ss.s.rate.Allow(ss.ip) {
		return errRate
	}
	ss.from = from
	return nil
}

// Rcpt takes only team aliases and reply addresses of existing tickets,
// so the listener is no open relay and spam to random names ends here.
func (ss *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	ok, err := ss.s.in.AcceptsRecipient(ctx, to)
	if err != nil {
		ss.s.log.Error("smtp recipient lookup", "err", err)
		return errTemporary
	}
	if !ok {
		return errNoSuchUser
	}
	ss.to = append(ss.to, to)
	return nil
}

// Data answers only after the raw mail and its job are committed: a 250
// means the mail is safe.
func (ss *session) Data(r io.Reader) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	_, err := ss.s.in.AcceptFrom(ctx, r, Source{Kind: SourceSMTP, EnvelopeFrom: ss.from, EnvelopeTo: ss.to,
		ClientIP: ss.ip, Helo: ss.conn.Hostname()})
	var reply *smtp.SMTPError
	if errors.As(err, &reply) {
		return reply // too large: 552
	}
	if err != nil {
		ss.s.log.Error("smtp accept", "err", err, "from", ss.from)
		return errTemporary
	}
	return nil
}

func (ss *session) Reset() { ss.from, ss.to = "", nil }

func (ss *session) Logout() error { return nil }
