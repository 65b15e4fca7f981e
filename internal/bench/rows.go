package bench

import (
	"fmt"
	"math/rand/v2"
	"time"
)

type contactRow struct {
	id                        int64
	first, last, email, phone string
	externalID                *string
	created                   time.Time
}

type ticketRow struct {
	id, number, teamID, pipelineID, statusID int64
	contactID                                int64
	isOpen                                   bool
	priority                                 int
	assignee                                 *int64
	subject, channel, token                  string
	created, activity                        time.Time
	closed                                   *time.Time
}

type messageRow struct {
	id, ticketID int64
	kind         string
	operatorID   *int64
	contactID    *int64
	body         string
	created      time.Time
}

var firstNames = []string{"Ada", "Ben", "Chloe", "Dev", "Emma", "Farid", "Grace", "Hugo", "Ines", "Jonas",
	"Kira", "Liam", "Maya", "Noah", "Olga", "Priya", "Quentin", "Rosa", "Sven", "Tariq", "Uma", "Victor"}
var lastNames = []string{"Lovelace", "Okafor", "Martin", "Patel", "Schmidt", "Rossi", "Nguyen", "Silva",
	"Kowalski", "Haddad", "Berg", "Tanaka", "Moreau", "Novak", "Ibrahim", "Fischer", "Costa", "Larsen"}
var channelNames = []string{"email", "email", "email", "web_form", "widget", "chat", "manual", "api"}
var messageKinds = []string{"customer", "reply", "note", "customer", "reply"}

func genContact(r *rand.Rand, id int64, epoch time.Time) contactRow {
	first, last := firstNames[r.IntN(len(firstNames))], lastNames[r.IntN(len(lastNames))]
	c := contactRow{id: id, first: first, last: last, created: epoch,
		email: fmt.Sprintf("%s.%s.%d@customer%d.example", lower(first), lower(last), id, id%500)}
	if id%3 == 0 {
		c.phone = fmt.Sprintf("+44 20 7946 %04d", id%10000)
	}
	if id%4 == 0 {
		ext := fmt.Sprintf("cust-%d", id)
		c.externalID = &ext
	}
	return c
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

// genTicket makes ticket id and its messages: most tickets are closed, as
// in any helpdesk that has run for years; priorities lean low.
func (g *generator) genTicket(r *rand.Rand, id int64) (ticketRow, []messageRow) {
	created := g.epoch.Add(time.Duration(r.Int64N(int64(3 * 365 * 24 * time.Hour))))
	t := ticketRow{id: id, number: 1000 + id, teamID: g.teams[r.IntN(len(g.teams))], pipelineID: g.pipelineID,
		contactID: 1 + r.Int64N(g.contacts), subject: g.vocab.Subject(r), token: fmt.Sprintf("bench%027d", id),
		channel: channelNames[r.IntN(len(channelNames))], created: created, priority: pickPriority(r)}
	st := g.statuses[r.IntN(len(g.statuses))]
	if r.IntN(100) < 78 {
		st = g.closed
	}
	t.statusID, t.isOpen = st.id, st.open
	if r.IntN(10) < 7 {
		op := g.operators[r.IntN(len(g.operators))]
		t.assignee = &op
	}
	msgs := make([]messageRow, g.perTicket)
	at := created
	for i := range msgs {
		m := messageRow{id: (id-1)*int64(g.perTicket) + int64(i) + 1, ticketID: id, created: at,
			kind: messageKinds[i%len(messageKinds)], body: g.vocab.Sentence(20 + r.IntN(25))}
		if m.kind == "customer" {
			m.contactID = &t.contactID
		} else {
			op := g.operators[r.IntN(len(g.operators))]
			m.operatorID = &op
		}
		msgs[i] = m
		at = at.Add(time.Duration(1+r.IntN(48)) * time.Hour)
	}
	t.activity = msgs[len(msgs)-1].created
	if !t.isOpen {
		t.closed = &t.activity
	}
	return t, msgs
}

func pickPriority(r *rand.Rand) int {
	switch n := r.IntN(100); {
	case n < 50:
		return 0
	case n < 80:
		return 1
	case n < 95:
		return 2
	}
	return 3
}
