package inbound

import (
	"context"
	"errors"
	"io"
	"net"
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
	// A temporary answer: an honest server whose address a guesser
	// shares retries later, and its mail is not lost.
	errGuessing = &smtp.SMTPError{Code: 450, EnhancedCode: smtp.EnhancedCode{4, 7, 1},
		Message: "Too many unknown reply addresses from your address, try again later"}
	errNoSuchUser = &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1},
		Message: "No such mailbox here"}
	errTemporary = &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0},
		Message: "Could not store the mail, try again later"}
	// A line over the limit will be as long when sent again: permanent.
	errLineTooLong = &smtp.SMTPError{Code: 500, EnhancedCode: smtp.EnhancedCode{5, 5, 2},
		Message: "Line too long: lines of a mail may have at most 1000 characters (RFC 5321)"}
)

func (ss *session) Mail(from string, _ *smtp.MailOptions) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if !ss.s.rate.Allow(ctx, ss.ip) {
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
	ok, err := ss.s.in.AcceptsRecipient(ctx, to, ss.s.guesses, ss.ip)
	if errors.Is(err, ErrTooManyGuesses) {
		return errGuessing
	}
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
	end := time.Now().Add(ss.s.cfg.DataTimeout)
	ctx, cancel := context.WithDeadline(context.Background(), end.Add(time.Minute)) // reading, then storing
	defer cancel()
	if dc := deadlineConnOf(ss.conn.Conn()); dc != nil {
		dc.end.Store(&end)
		defer dc.end.Store(nil)
	}
	_, err := ss.s.in.AcceptFrom(ctx, r, Source{Kind: SourceSMTP, EnvelopeFrom: ss.from, EnvelopeTo: ss.to,
		ClientIP: ss.ip, Helo: ss.conn.Hostname()})
	var reply *smtp.SMTPError
	var netErr net.Error
	switch {
	case errors.As(err, &reply):
		return reply // too large: 552
	case errors.Is(err, smtp.ErrTooLongLine):
		return errLineTooLong
	case errors.As(err, &netErr) && netErr.Timeout():
		// Too slow: hang up, which frees the slot; the sender tries again later.
		_ = ss.conn.Close()
		return errTemporary
	}
	if err != nil {
		ss.s.log.Error("smtp accept", "err", err, "from", ss.from)
		return errTemporary
	}
	return nil
}

func (ss *session) Reset() { ss.from, ss.to = "", nil }

func (ss *session) Logout() error { return nil }
