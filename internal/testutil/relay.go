package testutil

import (
	"io"
	"sync"

	"github.com/emersion/go-smtp"
)

// Delivery is what the recording relay accepted: envelope and data.
type Delivery struct {
	From string
	To   []string
	Data []byte
}

// Relay is an SMTP backend standing in for the smarthost: served by a
// real go-smtp server on loopback, it records what it accepts and refuses
// on demand.
type Relay struct {
	mu         sync.Mutex
	got        []Delivery
	refuseData int
	rejectRcpt map[string]bool
}

// Deliveries returns what the relay accepted so far.
func (r *Relay) Deliveries() []Delivery {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Delivery(nil), r.got...)
}

// RefuseData makes the next n DATA commands answer 451.
func (r *Relay) RefuseData(n int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.refuseData = n
}

// RejectRcpt makes RCPT TO:<addr> answer 550.
func (r *Relay) RejectRcpt(addr string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.rejectRcpt == nil {
		r.rejectRcpt = map[string]bool{}
	}
	r.rejectRcpt[addr] = true
}

// NewSession implements smtp.Backend.
func (r *Relay) NewSession(*smtp.Conn) (smtp.Session, error) { return r.Session(), nil }

// Session is a session that records into r, for a backend that wraps it
// (with AUTH, say).
func (r *Relay) Session() *RelaySession { return &RelaySession{relay: r} }

// RelaySession is one SMTP conversation with a Relay.
type RelaySession struct {
	relay *Relay
	cur   Delivery
}

func (s *RelaySession) Reset()        { s.cur = Delivery{} }
func (s *RelaySession) Logout() error { return nil }
func (s *RelaySession) Mail(from string, _ *smtp.MailOptions) error {
	s.cur.From = from
	return nil
}

func (s *RelaySession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.relay.mu.Lock()
	defer s.relay.mu.Unlock()
	if s.relay.rejectRcpt[to] {
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such user"}
	}
	s.cur.To = append(s.cur.To, to)
	return nil
}

func (s *RelaySession) Data(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.relay.mu.Lock()
	defer s.relay.mu.Unlock()
	if s.relay.refuseData > 0 {
		s.relay.refuseData--
		return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "try again later"}
	}
	s.cur.Data = data
	s.relay.got = append(s.relay.got, s.cur)
	return nil
}
