package chat

import (
	"context"
	"net/mail"
	"strings"
	"unicode/utf8"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// OfflineMessage is the form a visitor fills when nobody can chat, or
// after a missed chat: it becomes a ticket on the team (channel "chat").
type OfflineMessage struct {
	Name, Email, Message string
	Files                []ticket.NewAttachment // already stored and checked
}

func (in *OfflineMessage) validate(missed bool) error {
	c := &domain.Check{}
	in.Name, in.Email, in.Message = strings.TrimSpace(in.Name), strings.TrimSpace(in.Email), strings.TrimSpace(in.Message)
	c.Require(in.Name != "", "name", "is required")
	c.Require(utf8.RuneCountInString(in.Name) <= 200, "name", "must be at most 200 characters")
	a, err := mail.ParseAddress(in.Email)
	c.Require(in.Email != "", "email", "is required")
	c.Require(in.Email == "" || (err == nil && a.Address == in.Email), "email", "is not an email address")
	c.Require(missed || in.Message != "" || len(in.Files) > 0, "message", "is required")
	c.Require(utf8.RuneCountInString(in.Message) <= MaxBody, "message", "must be at most 10,000 characters")
	return c.Err()
}

// Offline turns an offline message into a ticket on the channel's team.
func (s *Service) Offline(ctx context.Context, channelSlug string, in OfflineMessage) (ticket.Ticket, error) {
	ch, err := s.ChannelBySlug(ctx, channelSlug)
	if err != nil {
		return ticket.Ticket{}, err
	}
	if !ch.Enabled {
		return ticket.Ticket{}, domain.Forbidden("this chat channel is closed")
	}
	if err := in.validate(false); err != nil {
		return ticket.Ticket{}, err
	}
	team, _, err := s.ticketTeam(ctx, s.DB.Read, Chat{TeamID: ch.TeamID})
	if err != nil {
		return ticket.Ticket{}, err
	}
	var id int64
	err = s.DB.WithTx(ctx, func(tx *db.Tx) (err error) {
		id, _, err = s.Tickets.CreateTx(ctx, tx, offlineTicket(in, team, "Message from "+in.Name, in.Message))
		if err != nil || s.Reports == nil {
			return err
		}
		var teamID int64
		if ch.TeamID != nil {
			teamID = *ch.TeamID
		}
		return s.Reports.ChatOffline(ctx, tx, teamID, id, s.now())
	})
	if err != nil {
		return ticket.Ticket{}, err
	}
	s.Tickets.Announce("ticket.created", id)
	return s.Tickets.Get(ctx, id)
}

func offlineTicket(in OfflineMessage, team, subject, description string) ticket.NewTicket {
	first, last, _ := strings.Cut(in.Name, " ")
	return ticket.NewTicket{Subject: clip(subject, 200), Description: clip(description, ticket.MaxBody), Team: team,
		Channel: ticket.Chat, Attachments: in.Files,
		Contact: contact.Identity{Email: in.Email, FirstName: first, LastName: last}}
}

// MissedOffline is the offline form after a missed chat: one ticket with
// what the visitor adds and the transcript. A chat that already became a
// ticket (the visitor had given an email) is a conflict.
func (s *Service) MissedOffline(ctx context.Context, chatID int64, in OfflineMessage) (ticket.Ticket, error) {
	if err := in.validate(true); err != nil {
		return ticket.Ticket{}, err
	}
	var id int64
	_, err := s.change(ctx, chatID, func(tx *db.Tx, c Chat, ch *changes) error {
		if c.State != Missed {
			return domain.Conflict("the chat was not missed")
		}
		if c.Ticket != nil {
			return domain.Conflict("this chat is already ticket #%d", c.Ticket.Number)
		}
		c.Visitor.Name, c.Visitor.Email, c.ExternalID = in.Name, in.Email, ""
		var err error
		id, _, err = s.ticketFromChat(ctx, tx, c, "", in.Message, 0)
		ch.chat(chatID)
		return err
	})
	if err != nil {
		return ticket.Ticket{}, err
	}
	s.Tickets.Announce("ticket.created", id)
	return s.Tickets.Get(ctx, id)
}
