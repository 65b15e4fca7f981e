package chat

import (
	"context"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
)

const channelColumns = `c.id, c.team_id, t.slug, t.name, c.name, c.slug, c.enabled, c.notification_text,
	c.button_color, c.header_color, c.welcome_message, c.input_placeholder, c.prechat_name, c.prechat_email,
	c.missed_after, c.created_at`

const channelFrom = ` FROM chat_channels c LEFT JOIN teams t ON t.id = c.team_id `

func (s *Service) scanChannel(row interface{ Scan(...any) error }) (Channel, error) {
	var c Channel
	var tslug, tname *string
	o := &c.Options
	err := row.Scan(&c.ID, &c.TeamID, &tslug, &tname, &c.Name, &c.Slug, &c.Enabled, &o.NotificationText,
		&o.ButtonColor, &o.HeaderColor, &o.WelcomeMessage, &o.InputPlaceholder, &o.PrechatName, &o.PrechatEmail,
		&o.MissedAfter, &c.CreatedAt)
	if err != nil {
		return c, notFoundChannel(err)
	}
	if c.TeamID != nil && tslug != nil {
		c.Team = &TeamRef{ID: *c.TeamID, Slug: *tslug, Name: *tname}
	}
	c.DirectURL = strings.TrimRight(s.BaseURL, "/") + "/chat/" + c.Slug
	c.Operators = []int64{}
	return c, nil
}

// Channel reads a channel by id, with its operators.
func (s *Service) Channel(ctx context.Context, id int64) (Channel, error) {
	c, err := s.scanChannel(s.DB.Read.QueryRowContext(ctx, `SELECT `+channelColumns+channelFrom+`WHERE c.id = $1`, id))
	if err != nil {
		return c, err
	}
	return c, s.fillOperators(ctx, []*Channel{&c})
}

// ChannelBySlug reads a channel by its slug (the direct link's and the
// widget's name for it).
func (s *Service) ChannelBySlug(ctx context.Context, slug string) (Channel, error) {
	c, err := s.scanChannel(s.DB.Read.QueryRowContext(ctx,
		`SELECT `+channelColumns+channelFrom+`WHERE lower(c.slug) = lower($1)`, slug))
	if err != nil {
		return c, err
	}
	return c, s.fillOperators(ctx, []*Channel{&c})
}

// Channels lists every channel by name.
func (s *Service) Channels(ctx context.Context) ([]Channel, error) {
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT `+channelColumns+channelFrom+`ORDER BY lower(c.name), c.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Channel{}
	for rows.Next() {
		c, err := s.scanChannel(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	ptrs := make([]*Channel, len(out))
	for i := range out {
		ptrs[i] = &out[i]
	}
	return out, s.fillOperators(ctx, ptrs)
}

func (s *Service) fillOperators(ctx context.Context, cs []*Channel) error {
	byID := map[int64]*Channel{}
	for _, c := range cs {
		byID[c.ID] = c
	}
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT channel_id, operator_id FROM chat_channel_operators
		ORDER BY channel_id, operator_id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var ch, op int64
		if err := rows.Scan(&ch, &op); err != nil {
			return err
		}
		if c := byID[ch]; c != nil {
			c.Operators = append(c.Operators, op)
		}
	}
	return rows.Err()
}

// channelsOf lists the ids of the channels an operator joined.
func channelsOf(ctx context.Context, q db.Querier, operatorID int64) ([]int64, error) {
	return db.Int64s(ctx, q, `SELECT channel_id FROM chat_channel_operators WHERE operator_id = $1
		ORDER BY channel_id`, operatorID)
}
