package chat

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// Rules reads a channel's rules in their order.
func (s *Service) Rules(ctx context.Context, channelID int64) ([]Rule, error) {
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT action, delay_s, url, countries, chatbot_id, only_if_no_operator
		FROM chat_rules WHERE channel_id = $1 ORDER BY position`, channelID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Rule{}
	for rows.Next() {
		var r Rule
		var countries string
		if err := rows.Scan(&r.Action, &r.DelayS, &r.URL, &countries, &r.ChatbotID, &r.OnlyIfNoOperator); err != nil {
			return nil, err
		}
		r.Countries = []string{}
		if countries != "" {
			r.Countries = strings.Split(countries, ",")
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// SetRules replaces a channel's rules with these, in this order.
func (s *Service) SetRules(ctx context.Context, channelID int64, rules []Rule) ([]Rule, error) {
	if err := CheckRules(rules); err != nil {
		return nil, err
	}
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		if _, err := s.channelTx(ctx, tx, channelID); err != nil {
			return err
		}
		if err := botsExist(ctx, tx, rules); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM chat_rules WHERE channel_id = $1`, channelID); err != nil {
			return err
		}
		for i, r := range rules {
			_, err := tx.ExecContext(ctx, `INSERT INTO chat_rules (channel_id, position, action, delay_s, url,
				countries, chatbot_id, only_if_no_operator) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
				channelID, i, r.Action, r.DelayS, r.URL, strings.Join(r.Countries, ","), r.ChatbotID, r.OnlyIfNoOperator)
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	s.rules.Forget()
	return s.Rules(ctx, channelID)
}

func (s *Service) channelTx(ctx context.Context, tx *db.Tx, id int64) (int64, error) {
	err := tx.QueryRowContext(ctx, `SELECT id FROM chat_channels WHERE id = $1`, id).Scan(&id)
	return id, notFoundChannel(err)
}

// botsExist names the rules whose chatbot is gone, on their fields, from
// one read of the scripts' ids (an install has a handful of scripts).
func botsExist(ctx context.Context, tx *db.Tx, rules []Rule) error {
	if !slices.ContainsFunc(rules, func(r Rule) bool { return r.ChatbotID != nil }) {
		return nil
	}
	ids, err := db.Int64s(ctx, tx, `SELECT id FROM chatbots`)
	if err != nil {
		return err
	}
	c := &domain.Check{}
	for i, r := range rules {
		if r.ChatbotID != nil {
			c.Require(slices.Contains(ids, *r.ChatbotID), fmt.Sprintf("items.%d.chatbot_id", i), "no such chatbot")
		}
	}
	return c.Err()
}

// Decision is what the widget does on one page: the matching rule's
// action, and whether a chat started there begins with a chatbot.
type Decision struct {
	Action    Action `json:"action"`
	DelayS    int    `json:"delay_s"`
	Chatbot   bool   `json:"chatbot"`
	ChatbotID *int64 `json:"-"`
	// IfNoOperator: the chatbot is the rule's only while no operator has
	// a free seat (the presence given mattered).
	IfNoOperator bool `json:"-"`
}

// Decide applies the channel's rules to a visit. No rule matching keeps
// the channel's default: the button with its notification text. A rule's
// chatbot is used always, or, with OnlyIfNoOperator, only while no
// operator has a free seat (pr). The rules come compiled from memory:
// a page view reads nothing (ruleSet).
func (s *Service) Decide(ctx context.Context, channelID int64, v Visit, pr Presence) (Decision, error) {
	rs, err := s.ruleSet(ctx, channelID)
	if err != nil {
		return Decision{}, err
	}
	return rs.decide(v, pr), nil
}

// ruleSet is the channel's rules, compiled, kept between page views:
// SetRules on this node drops them at once; a save on another node
// shows within db.Memo's time to live (5 seconds).
func (s *Service) ruleSet(ctx context.Context, channelID int64) (RuleSet, error) {
	return s.rules.Get(channelID, func() (RuleSet, error) {
		rules, err := s.Rules(ctx, channelID)
		return Compile(rules), err
	})
}

func (rs RuleSet) decide(v Visit, pr Presence) Decision {
	r, ok := rs.Match(v)
	if !ok {
		return Decision{Action: Notify}
	}
	d := Decision{Action: r.Action, DelayS: r.DelayS}
	if r.ChatbotID != nil && (!r.OnlyIfNoOperator || !pr.Available) {
		d.Chatbot, d.ChatbotID, d.IfNoOperator = true, r.ChatbotID, r.OnlyIfNoOperator
	}
	return d
}
