package inbound

import (
	"context"
	"database/sql"
	"errors"
	"regexp"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/mail/outbound"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// subjectToken is the [#1042] our mails put in their subject.
var subjectToken = regexp.MustCompile(`\[#(\d{1,18})\]`)

// maxReferences bounds the ids looked up from one mail's References.
const maxReferences = 30

// thread finds the ticket a mail belongs to, 0 for a new one. In order:
// a reply address's token (those prepare let through: the envelope's and
// a few of the headers', see headerTokens); a Message-ID in In-Reply-To
// or References (nearest first); the subject's [#number]. A Message-ID or
// number is public (anyone the customer wrote to has it), so it threads
// only a sender already on the ticket (its contact or a participant) or,
// for a mail of ours, anyone it was sent to; an operator's From is easily
// forged and does not count: operators answer through the reply address.
// A stranger quoting someone's Message-ID or ticket number opens a new
// ticket, so a newsletter reply never lands in it.
func (in *Intake) thread(ctx context.Context, tx *db.Tx, mi *mailIn) (int64, error) {
	for _, rt := range mi.tokens {
		if id, ok, err := ticketByToken(ctx, tx, rt); ok || err != nil {
			return id, err
		}
	}
	if id, err := in.byMessageIDs(ctx, tx, mi); id != 0 || err != nil {
		return id, err
	}
	return in.bySubject(ctx, tx, mi)
}

// referenced lists In-Reply-To, then References from the newest.
func referenced(mi *mailIn) []string {
	ids := []string{}
	if mi.msg.InReplyTo != "" {
		ids = append(ids, mi.msg.InReplyTo)
	}
	refs := mi.msg.References
	for i := len(refs) - 1; i >= 0 && len(ids) < maxReferences; i-- {
		ids = append(ids, refs[i])
	}
	return ids
}

// byMessageIDs finds the ticket of the nearest referenced mail the sender
// may join: a mail of ours threads its recipients (a Cc'd person answering
// our reply), any mail threads the ticket's own people.
func (in *Intake) byMessageIDs(ctx context.Context, tx *db.Tx, mi *mailIn) (int64, error) {
	for _, mid := range referenced(mi) {
		sent, ours, err := outbound.FindSent(ctx, tx, []string{mid})
		if err != nil {
			return 0, err
		}
		id := sent.TicketID
		if ours && sent.WentTo(mi.sender) {
			// A relink since gave the ticket to another customer: those our
			// mail went to before are strangers to it now.
			moved, err := ticket.RelinkedSince(ctx, tx, id, sent.Queued)
			if err != nil || !moved {
				return id, err
			}
		}
		if !ours {
			err = tx.QueryRowContext(ctx, `SELECT ticket_id FROM messages WHERE mail_message_id = $1
				ORDER BY id DESC LIMIT 1`, mid).Scan(&id)
		}
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return 0, err
		}
		if known, err := ticket.IsKnownSender(ctx, tx, id, mi.sender); known || err != nil {
			return id, err
		}
	}
	return 0, nil
}

func (in *Intake) bySubject(ctx context.Context, tx *db.Tx, mi *mailIn) (int64, error) {
	for _, match := range subjectToken.FindAllStringSubmatch(mi.msg.Subject, 3) {
		number, _ := strconv.ParseInt(match[1], 10, 64)
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM tickets WHERE number = $1`, number).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return 0, err
		}
		known, err := ticket.IsKnownSender(ctx, tx, id, mi.sender)
		if err != nil || known {
			return id, err
		}
	}
	return 0, nil
}

// duplicate finds an earlier mail with the same Message-ID and body in the
// same team: the same mail delivered twice (through two routes, or resent
// with new trace headers) is one message.
func duplicate(ctx context.Context, tx *db.Tx, mi *mailIn) (Result, error) {
	if mi.msg.MessageID == "" {
		return Result{}, nil
	}
	if tx.Dialect == db.Postgres {
		// Two copies processed at once on two workers: the second waits.
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext($1))`, mi.msg.MessageID); err != nil {
			return Result{}, err
		}
	}
	var r Result
	err := tx.QueryRowContext(ctx, `SELECT m.id, m.ticket_id FROM messages m JOIN tickets t ON t.id = m.ticket_id
		WHERE m.mail_message_id = $1 AND t.team_id = $2 AND m.body_text = $3 LIMIT 1`,
		mi.msg.MessageID, mi.teamID, mi.body).Scan(&r.MessageID, &r.TicketID)
	if errors.Is(err, sql.ErrNoRows) {
		return Result{}, nil
	}
	r.Status, r.Reason = StatusIgnored, "duplicate of a mail already on the ticket"
	return r, err
}

// open starts a ticket from the mail.
func (in *Intake) open(ctx context.Context, tx *db.Tx, mi *mailIn) (Result, error) {
	first, last := splitName(mi.senderName)
	subject := clip(mi.msg.Subject, 4*ticket.MaxSubject)
	if len([]rune(subject)) > ticket.MaxSubject {
		subject = string([]rune(subject)[:ticket.MaxSubject])
	}
	if subject == "" {
		subject = "(no subject)"
	}
	id, msgID, err := in.Tickets.CreateTx(ctx, tx, ticket.NewTicket{Subject: subject, Description: mi.body,
		DescriptionHTML: mi.html, Team: strconv.FormatInt(mi.teamID, 10), Channel: ticket.Email,
		Contact:     contact.Identity{Email: mi.sender, FirstName: first, LastName: last},
		Attachments: mi.files, Mail: mi.headers, Words: mi.words})
	if err != nil {
		return Result{}, err
	}
	if err := in.addPeople(ctx, tx, id, mi); err != nil {
		return Result{}, err
	}
	return Result{Status: StatusProcessed, TicketID: id, MessageID: msgID, New: true}, nil
}

// add puts the mail on ticket id: a public reply when an operator wrote
// it, else a customer message (which reopens a closed ticket).
func (in *Intake) add(ctx context.Context, tx *db.Tx, id int64, mi *mailIn) (Result, error) {
	m := ticket.NewMessage{Kind: ticket.Customer, Body: mi.body, BodyHTML: mi.html,
		Attachments: mi.files, Mail: mi.headers, Words: mi.words}
	if mi.operatorID != 0 {
		m.Kind, m.OperatorID = ticket.Reply, mi.operatorID
	} else {
		first, last := splitName(mi.senderName)
		cid, err := in.Contacts.Resolve(ctx, tx, contact.Identity{Email: mi.sender, FirstName: first, LastName: last})
		if err != nil {
			return Result{}, err
		}
		m.ContactID = cid
	}
	msgID, err := in.Tickets.AddMessageTx(ctx, tx, id, m)
	if err != nil {
		return Result{}, err
	}
	if err := in.addPeople(ctx, tx, id, mi); err != nil {
		return Result{}, err
	}
	return Result{Status: StatusProcessed, TicketID: id, MessageID: msgID}, nil
}

// addPeople records the mail's other recipients on the ticket, and a
// customer sender who is not its contact; the sender's address, working,
// is no longer bouncing. Machine mail adds nobody: a mailing list must not
// start receiving replies.
func (in *Intake) addPeople(ctx context.Context, tx *db.Tx, id int64, mi *mailIn) error {
	if mi.auto {
		return nil
	}
	if err := contact.ClearBouncing(ctx, tx, mi.sender); err != nil {
		return err
	}
	people := mi.others
	if mi.operatorID == 0 && !mi.impostor {
		people = append(people, ticket.Participant{Email: mi.sender, Name: mi.senderName})
	}
	return ticket.AddParticipants(ctx, tx, id, people)
}
