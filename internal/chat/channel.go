package chat

import (
	"context"
	"database/sql"
	"errors"
	"regexp"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// Channel is where visitors start chats: a team's (its "chat" switch) or
// a standalone one an admin made.
type Channel struct {
	ID        int64     `json:"id"`
	TeamID    *int64    `json:"-"`
	Team      *TeamRef  `json:"team"`
	Name      string    `json:"name"`
	Slug      string    `json:"slug"`
	Enabled   bool      `json:"enabled"`
	Options   Options   `json:"options"`
	DirectURL string    `json:"direct_url"`
	Operators []int64   `json:"operators"`
	CreatedAt time.Time `json:"created_at"`
}

// TeamRef names a channel's team.
type TeamRef struct {
	ID   int64  `json:"id"`
	Slug string `json:"slug"`
	Name string `json:"name"`
}

// Prechat says whether the pre-chat form asks for a value.
type Prechat string

// Pre-chat field modes.
const (
	PrechatOff      Prechat = "off"
	PrechatOptional Prechat = "optional"
	PrechatRequired Prechat = "required"
)

// Options are a channel's texts and colours as stored: "" means the
// default (Effective fills it), so a reset writes "".
type Options struct {
	NotificationText string  `json:"notification_text"`
	ButtonColor      string  `json:"button_color"`
	HeaderColor      string  `json:"header_color"`
	WelcomeMessage   string  `json:"welcome_message"`
	InputPlaceholder string  `json:"input_placeholder"`
	PrechatName      Prechat `json:"prechat_name"`
	PrechatEmail     Prechat `json:"prechat_email"`
	MissedAfter      int     `json:"missed_after"` // seconds
}

// Defaults are what an empty option shows.
var Defaults = Options{
	NotificationText: "Have a question? Chat with us.",
	ButtonColor:      "#2563eb",
	HeaderColor:      "#2563eb",
	WelcomeMessage:   "How may I help you?",
	InputPlaceholder: "Type a message…",
	PrechatName:      PrechatOff,
	PrechatEmail:     PrechatOff,
	MissedAfter:      60,
}

// Effective fills every empty option with its default.
func (o Options) Effective() Options {
	pick := func(v, d string) string {
		if v == "" {
			return d
		}
		return v
	}
	d := Defaults
	o.NotificationText = pick(o.NotificationText, d.NotificationText)
	o.ButtonColor = pick(o.ButtonColor, d.ButtonColor)
	o.HeaderColor = pick(o.HeaderColor, d.HeaderColor)
	o.WelcomeMessage = pick(o.WelcomeMessage, d.WelcomeMessage)
	o.InputPlaceholder = pick(o.InputPlaceholder, d.InputPlaceholder)
	o.PrechatName = Prechat(pick(string(o.PrechatName), string(d.PrechatName)))
	o.PrechatEmail = Prechat(pick(string(o.PrechatEmail), string(d.PrechatEmail)))
	if o.MissedAfter == 0 {
		o.MissedAfter = d.MissedAfter
	}
	return o
}

var colorRE = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// validate checks the options, field by field.
func (o *Options) validate() error {
	c := &domain.Check{}
	for field, v := range map[string]*string{"button_color": &o.ButtonColor, "header_color": &o.HeaderColor} {
		*v = strings.TrimSpace(*v)
		c.Require(*v == "" || colorRE.MatchString(*v), field, "must be a colour like #2563eb")
	}
	for field, v := range map[string]*string{"notification_text": &o.NotificationText,
		"welcome_message": &o.WelcomeMessage, "input_placeholder": &o.InputPlaceholder} {
		*v = strings.TrimSpace(*v)
		c.Require(len([]rune(*v)) <= 500, field, "must be at most 500 characters")
	}
	for field, v := range map[string]*Prechat{"prechat_name": &o.PrechatName, "prechat_email": &o.PrechatEmail} {
		if *v == "" {
			*v = PrechatOff
		}
		c.Require(*v == PrechatOff || *v == PrechatOptional || *v == PrechatRequired, field,
			"must be off, optional or required")
	}
	c.Require(o.MissedAfter == 0 || (o.MissedAfter >= 10 && o.MissedAfter <= 3600), "missed_after",
		"must be between 10 and 3600 seconds")
	return c.Err()
}

var slugRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,62}$`)

// NewChannel is an admin's standalone channel, or a rename.
type NewChannel struct {
	Name string
	Slug string
}

func (in *NewChannel) validate() error {
	c := &domain.Check{}
	in.Name, in.Slug = strings.TrimSpace(in.Name), strings.ToLower(strings.TrimSpace(in.Slug))
	c.Require(in.Name != "", "name", "is required")
	c.Require(len([]rune(in.Name)) <= 100, "name", "must be at most 100 characters")
	c.Require(slugRE.MatchString(in.Slug), "slug", "must be lowercase letters, digits and dashes")
	return c.Err()
}

// ensureTeamChannel enables the team's channel, creating it named after
// the team on first use. The team package calls it (through its own small
// interface) inside the transaction that flips the switch.
func ensureTeamChannel(ctx context.Context, tx *db.Tx, teamID int64, on bool, now time.Time) error {
	res, err := tx.ExecContext(ctx, `UPDATE chat_channels SET enabled = $1, updated_at = $2 WHERE team_id = $3`,
		on, now, teamID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n > 0 || !on {
		return nil
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO chat_channels (team_id, name, slug, enabled, created_at, updated_at)
		SELECT id, name, slug, TRUE, $2, $2 FROM teams WHERE id = $1`, teamID, now)
	if db.IsUniqueViolation(err, "chat_channels_slug") {
		return domain.Invalid("channels.chat", "a chat channel already uses the team's slug; rename it first")
	}
	return err
}

// SetTeamChat is the team's live chat switch: on creates or enables the
// team's channel, off disables it (chats under way go on).
func (s *Service) SetTeamChat(ctx context.Context, teamID int64, on bool) error {
	return s.DB.WithTx(ctx, func(tx *db.Tx) error { return ensureTeamChannel(ctx, tx, teamID, on, s.now()) })
}

// SetTeamChatTx is SetTeamChat inside the caller's transaction.
func (s *Service) SetTeamChatTx(ctx context.Context, tx *db.Tx, teamID int64, on bool) error {
	return ensureTeamChannel(ctx, tx, teamID, on, s.now())
}

// CreateChannel makes a standalone channel.
func (s *Service) CreateChannel(ctx context.Context, in NewChannel) (Channel, error) {
	if err := in.validate(); err != nil {
		return Channel{}, err
	}
	var id int64
	now := s.now()
	err := s.DB.Write.QueryRowContext(ctx, `INSERT INTO chat_channels (name, slug, enabled, created_at, updated_at)
		VALUES ($1, $2, TRUE, $3, $3) RETURNING id`, in.Name, in.Slug, now).Scan(&id)
	if db.IsUniqueViolation(err, "chat_channels_slug") {
		return Channel{}, domain.Invalid("slug", "is taken by another channel")
	}
	if err != nil {
		return Channel{}, err
	}
	return s.Channel(ctx, id)
}

// RenameChannel changes a channel's name and slug.
func (s *Service) RenameChannel(ctx context.Context, id int64, in NewChannel) (Channel, error) {
	if err := in.validate(); err != nil {
		return Channel{}, err
	}
	res, err := s.DB.Write.ExecContext(ctx, `UPDATE chat_channels SET name = $1, slug = $2, updated_at = $3
		WHERE id = $4`, in.Name, in.Slug, s.now(), id)
	if db.IsUniqueViolation(err, "chat_channels_slug") {
		return Channel{}, domain.Invalid("slug", "is taken by another channel")
	}
	if err != nil {
		return Channel{}, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Channel{}, ErrNoChannel
	}
	return s.Channel(ctx, id)
}

// SetOptions stores a channel's options; empty values reset to defaults.
func (s *Service) SetOptions(ctx context.Context, id int64, o Options) (Channel, error) {
	if err := o.validate(); err != nil {
		return Channel{}, err
	}
	res, err := s.DB.Write.ExecContext(ctx, `UPDATE chat_channels SET notification_text = $1, button_color = $2,
		header_color = $3, welcome_message = $4, input_placeholder = $5, prechat_name = $6, prechat_email = $7,
		missed_after = $8, updated_at = $9 WHERE id = $10`, o.NotificationText, o.ButtonColor, o.HeaderColor,
		o.WelcomeMessage, o.InputPlaceholder, o.PrechatName, o.PrechatEmail, o.Effective().MissedAfter, s.now(), id)
	if err != nil {
		return Channel{}, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Channel{}, ErrNoChannel
	}
	return s.Channel(ctx, id)
}

// Join adds the operator to the channel's operators.
func (s *Service) Join(ctx context.Context, channelID, operatorID int64) error {
	_, err := s.DB.Write.ExecContext(ctx, `INSERT INTO chat_channel_operators (channel_id, operator_id, joined_at)
		VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, channelID, operatorID, s.now())
	if db.IsForeignKeyViolation(err) {
		return ErrNoChannel
	}
	return err
}

// Leave removes the operator from the channel; chats they hold go on.
func (s *Service) Leave(ctx context.Context, channelID, operatorID int64) error {
	_, err := s.DB.Write.ExecContext(ctx, `DELETE FROM chat_channel_operators WHERE channel_id = $1 AND operator_id = $2`,
		channelID, operatorID)
	return err
}

func notFoundChannel(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNoChannel
	}
	return err
}
