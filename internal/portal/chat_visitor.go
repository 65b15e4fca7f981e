package portal

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/widget"
)

// chatChannelView is a channel as the widget shows it: effective options,
// and whether someone can chat now.
type chatChannelView struct {
	Slug             string        `json:"slug"`
	Name             string        `json:"name"`
	Team             *chat.TeamRef `json:"team"`
	NotificationText string        `json:"notification_text"`
	ButtonColor      string        `json:"button_color"`
	HeaderColor      string        `json:"header_color"`
	WelcomeMessage   string        `json:"welcome_message"`
	InputPlaceholder string        `json:"input_placeholder"`
	Prechat          struct {
		Name  chat.Prechat `json:"name"`
		Email chat.Prechat `json:"email"`
	} `json:"prechat"`
	DirectURL string `json:"direct_url"`
}

func channelView(ch chat.Channel) chatChannelView {
	o := ch.Options.Effective()
	v := chatChannelView{Slug: ch.Slug, Name: ch.Name, Team: ch.Team, NotificationText: o.NotificationText,
		ButtonColor: o.ButtonColor, HeaderColor: o.HeaderColor, WelcomeMessage: o.WelcomeMessage,
		InputPlaceholder: o.InputPlaceholder, DirectURL: ch.DirectURL}
	v.Prechat.Name, v.Prechat.Email = o.PrechatName, o.PrechatEmail
	return v
}

func (p *Portal) chatChannel(w http.ResponseWriter, r *http.Request, ch chat.Channel) error {
	if !ch.Enabled {
		return errChatClosed
	}
	pr, err := p.s.Chats.ChannelPresence(r.Context(), ch.ID)
	if err != nil {
		return err
	}
	rule, err := p.s.Chats.Decide(r.Context(), ch.ID, p.visit(r, r.URL.Query().Get("page")), pr)
	if err != nil {
		return err
	}
	httpx.WriteJSON(w, http.StatusOK, map[string]any{"channel": channelView(ch), "available": pr.Available,
		"queue": pr.Queue, "waiting": pr.Waiting, "rule": rule})
	return nil
}

// visit is what the channel's rules look at: the host page's path and
// query (the widget sends them; a full URL is cut to them), and the
// country of the client's address (the same address every limit uses).
func (p *Portal) visit(r *http.Request, page string) chat.Visit {
	if u, err := url.Parse(page); err == nil && u.Host != "" {
		page = u.RequestURI()
	}
	if !strings.HasPrefix(page, "/") {
		page = "/" + page
	}
	if len(page) > 2000 {
		page = page[:2000] // as a chat's page URL; the patterns need no more
	}
	return chat.Visit{Path: page, Country: p.s.GeoIP.Country(clientIP(r))}
}

var errChatClosed = httpx.NewError(http.StatusForbidden, "closed", "this chat is closed")

type chatStartInput struct {
	Visitor  string   `json:"visitor"`
	Name     string   `json:"name"`
	Email    string   `json:"email"`
	Identity Identity `json:"identity"`
	Page     struct {
		URL   string `json:"url"`
		Title string `json:"title"`
	} `json:"page"`
	Message  string `json:"message"`
	ClientID string `json:"client_id"`
}

// chatStart opens a chat within the limits on new chats per address and
// per visitor id; the identity is trusted only as far as it is signed.
func (p *Portal) chatStart(w http.ResponseWriter, r *http.Request, ch chat.Channel) error {
	if !ch.Enabled {
		return errChatClosed
	}
	var in chatStartInput
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	ctx := r.Context()
	// No visitor id (callers other than the widget): the address limit
	// alone, not one bucket shared by every such caller.
	if !p.chatStartsByAddr.Allow(ctx, "addr:"+clientIP(r)) || (in.Visitor != "" && !p.chatStarts.Allow(ctx, "visitor:"+in.Visitor)) {
		return httpx.TooMany(w, chatStartWindow/chatStartBurst, "too many new chats from here; wait a few minutes")
	}
	nc, err := p.newChat(r, ch, in)
	if err != nil {
		return err
	}
	c, token, err := p.s.Chats.Start(ctx, nc)
	if err != nil {
		return err
	}
	httpx.WriteJSON(w, http.StatusCreated, map[string]any{"chat": c, "token": token,
		"socket": p.socketURL(token)})
	return nil
}

// newChat applies the widget's identity rules: a signed external id (and
// email, when signed together) names the visitor; a typed email is kept
// as given by them.
func (p *Portal) newChat(r *http.Request, ch chat.Channel, in chatStartInput) (chat.NewChat, error) {
	// One GeoIP lookup serves the chat's country and the rules.
	v := p.visit(r, in.Page.URL)
	nc := chat.NewChat{Channel: ch.Slug, VisitorKey: in.Visitor, Name: in.Name, Email: in.Email,
		PageURL: in.Page.URL, PageTitle: in.Page.Title, Message: in.Message, ClientID: in.ClientID,
		Country: v.Country}
	bot, err := p.chatbotFor(r, ch, v)
	if err != nil {
		return nc, err
	}
	nc.Bot = bot
	if ch.Team == nil || p.widgets == nil {
		return nc, nil
	}
	s, err := p.widgets.WidgetSettings(r.Context(), ch.Team.Slug)
	if err != nil {
		return nc, err
	}
	signed, err := in.Identity.verify(s)
	if err != nil || signed == widget.Unsigned {
		return nc, err
	}
	nc.ExternalID = in.Identity.ExternalID
	nc.Name = firstNonEmpty(in.Identity.Name, nc.Name)
	if signed == widget.ExternalIDAndEmail {
		nc.Email, nc.EmailSigned = in.Identity.Email, true
	}
	return nc, nil
}

// socketURL is the visitor's WebSocket address on this server.
func (p *Portal) socketURL(token string) string {
	base := strings.Replace(strings.Replace(p.origin, "https://", "wss://", 1), "http://", "ws://", 1)
	return base + "/widget/v1/chat/chats/" + token + "/socket"
}

func (p *Portal) chatShow(w http.ResponseWriter, _ *http.Request, c chat.Chat) error {
	httpx.WriteJSON(w, http.StatusOK, map[string]any{"chat": c})
	return nil
}

// chatMessages is the HTTP replay: public messages after a seq.
func (p *Portal) chatMessages(w http.ResponseWriter, r *http.Request, c chat.Chat) error {
	after, err := afterParam(r)
	if err != nil {
		return err
	}
	ms, err := p.s.Chats.Messages(r.Context(), c.ID, after, false)
	if err != nil {
		return err
	}
	httpx.WriteJSON(w, http.StatusOK, map[string]any{"items": ms})
	return nil
}

func afterParam(r *http.Request) (int64, error) {
	v := r.URL.Query().Get("after")
	if v == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		return 0, domain.Invalid("after", "must be a message number (0 or more)")
	}
	return n, nil
}

func (p *Portal) chatEnd(w http.ResponseWriter, r *http.Request, c chat.Chat) error {
	c, err := p.s.Chats.End(r.Context(), c.ID)
	if err != nil {
		return err
	}
	httpx.WriteJSON(w, http.StatusOK, map[string]any{"chat": c})
	return nil
}

func (p *Portal) chatRate(w http.ResponseWriter, r *http.Request, c chat.Chat) error {
	var in struct {
		Rating  chat.Rating `json:"rating"`
		Comment string      `json:"comment"`
	}
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	c, err := p.s.Chats.Rate(r.Context(), c.ID, in.Rating, in.Comment)
	if err != nil {
		return err
	}
	httpx.WriteJSON(w, http.StatusOK, map[string]any{"chat": c})
	return nil
}

func (p *Portal) chatTranscript(w http.ResponseWriter, r *http.Request, c chat.Chat) error {
	var in struct {
		Email string `json:"email"`
	}
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	// Per chat as well: a token holder rotating addresses must not turn the
	// transcript into mail to any address.
	if !p.chatStarts.Allow(r.Context(), "addr:"+clientIP(r)) ||
		!p.chatStarts.Allow(r.Context(), "transcript:"+strconv.FormatInt(c.ID, 10)) {
		return httpx.TooMany(w, chatStartWindow/chatStartBurst, "too many mails from here; wait a few minutes")
	}
	if err := p.s.Chats.MailTranscript(r.Context(), c.ID, in.Email); err != nil {
		return err
	}
	httpx.WriteJSON(w, http.StatusAccepted, map[string]any{})
	return nil
}

// chatSocket upgrades to the visitor's WebSocket.
func (p *Portal) chatSocket(w http.ResponseWriter, r *http.Request, c chat.Chat) error {
	return p.s.ChatHub.Visitor(w, r, c, clientIP(r))
}

// chatbotFor is the chatbot of the rule for the visitor's page, decided
// again here: the widget's word on it is not taken. The presence is read
// only for a rule whose chatbot is for when no operator is available
// (Start counts the operators online itself, for a chat without a bot).
func (p *Portal) chatbotFor(r *http.Request, ch chat.Channel, v chat.Visit) (*chat.Bot, error) {
	ctx := r.Context()
	d, err := p.s.Chats.Decide(ctx, ch.ID, v, chat.Presence{}) // as if nobody could answer
	if err != nil || d.ChatbotID == nil {
		return nil, err
	}
	if d.IfNoOperator {
		pr, err := p.s.Chats.ChannelPresence(ctx, ch.ID)
		if err != nil || pr.Available {
			return nil, err
		}
	}
	sc, err := p.s.Chatbots.Get(ctx, *d.ChatbotID)
	if err != nil {
		return nil, err
	}
	return &chat.Bot{Name: sc.Name, Steps: sc.Steps}, nil
}
