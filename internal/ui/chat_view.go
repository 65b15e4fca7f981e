package ui

import (
	"strings"
	"time"
	"unicode"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/geoip"
	"github.com/frontdesk/frontdesk/internal/team"
)

// ChatView is one chat: the thread, the visitor beside it and what the
// operator can do with it. chats.js follows it live from LastSeq.
type ChatView struct {
	Base
	Chat      chat.Chat
	Row       ChatRow
	Messages  []ChatMessage
	Pages     []ChatPage
	Customer  *Customer // the visitor's contact, when the chat is linked to one
	Earlier   []ChatRow // the contact's other chats
	Tickets   []TicketRow
	Operators []TransferOperator
	Teams     []team.Team
	Mine      bool // the signed-in operator holds it
	Open      bool // queued or active: messages may be sent
	TeamID    int64
	BaseURL   string // the chat service's, which /ticket's links start with: made links
}

// Country is the name of the visitor's country, from the GeoIP lookup
// made when the chat started.
func (v ChatView) Country() string { return geoip.CountryName(v.Chat.Visitor.Country) }

// TransferOperator is an operator a chat can be handed to now.
type TransferOperator struct {
	ID               int64
	Name             string
	Active, Capacity int
}

// ChatMessage is a message as the thread shows it.
type ChatMessage struct {
	Seq               int64
	Author, Who, Body string
	Private           bool
	Bot               bool     // the chatbot wrote it: its name and a "Bot" badge
	Choices           []string // the answers a bot's question offered
	At, AtISO         string
	Files             []chat.File
	ChatID            int64
	Parts             []TextPart // the body with the app's own links made links
}

// TextPart is a run of a message's text, or a link of this app in it.
type TextPart struct{ Text, URL string }

// appLinks splits body around links into this install (the ticket /ticket
// made); any other address stays text, so nobody's message links out.
func appLinks(body, base string) []TextPart {
	var out []TextPart
	for base != "" {
		i := strings.Index(body, base+"/")
		if i < 0 {
			break
		}
		end := i + strings.IndexFunc(body[i:]+" ", unicode.IsSpace)
		out = append(out, TextPart{Text: body[:i]}, TextPart{Text: body[i:end], URL: body[i:end]})
		body = body[end:]
	}
	return append(out, TextPart{Text: body})
}

// ChatPage is a page the visitor was on.
type ChatPage struct {
	URL, Title, At string
}

func chatMessages(c chat.Chat, ms []chat.Message, base string) []ChatMessage {
	out := make([]ChatMessage, 0, len(ms))
	for _, m := range ms {
		cm := ChatMessage{Seq: m.Seq, Author: string(m.Author), Body: m.Body, Private: m.Private, Files: m.Files,
			At: m.CreatedAt.UTC().Format("15:04"), AtISO: m.CreatedAt.UTC().Format(time.RFC3339), ChatID: c.ID,
			Parts: appLinks(m.Body, base), Bot: m.Bot}
		for _, c := range m.Choices {
			cm.Choices = append(cm.Choices, c.Label)
		}
		switch {
		case m.Author == chat.Visitor:
			cm.Who = visitorName(c)
		case m.Operator != nil:
			cm.Who = m.Operator.Name
		default:
			cm.Who = "Frontdesk"
		}
		out = append(out, cm)
	}
	return out
}

func chatPages(ps []chat.Page) []ChatPage {
	out := make([]ChatPage, 0, len(ps))
	for _, p := range ps {
		out = append(out, ChatPage{URL: safeURL(p.URL), Title: p.Title, At: p.VisitedAt.UTC().Format("15:04")})
	}
	return out
}

// safeURL keeps a visitor's page address only when it is a web address,
// so a "javascript:" page never becomes a link.
func safeURL(s string) string {
	if len(s) > 8 && (s[:7] == "http://" || s[:8] == "https://") {
		return s
	}
	return ""
}
