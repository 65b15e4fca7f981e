package inbound

import (
	"context"
	"errors"
	"strings"

	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/team"
)

// ReplyAddress is the address that threads a mail into a ticket whatever
// its headers say: the team alias with the ticket's public token after a
// plus (support+<token>@example.com).
func ReplyAddress(alias, token string) string {
	local, domain, ok := strings.Cut(alias, "@")
	if !ok {
		return alias
	}
	return local + "+" + token + "@" + domain
}

// splitReply reads a reply address into its alias and token.
func splitReply(addr string) (alias, token string, ok bool) {
	at := strings.LastIndexByte(addr, '@')
	if at < 0 {
		return "", "", false
	}
	base, tok, plus := strings.Cut(addr[:at], "+")
	if !plus || tok == "" || base == "" {
		return "", "", false
	}
	return strings.ToLower(base + addr[at:]), tok, true
}

// Recipient finds the team of a recipient address: its alias, or a reply
// address (then token is the ticket token it carries).
func (in *Intake) Recipient(ctx context.Context, addr string) (t team.Team, token string, err error) {
	addr = strings.Trim(strings.TrimSpace(addr), "<>")
	t, err = in.Teams.ByAlias(ctx, addr)
	if !errors.Is(err, team.ErrNotFound) {
		return t, "", err
	}
	alias, tok, ok := splitReply(addr)
	if !ok {
		return t, "", team.ErrNotFound
	}
	t, err = in.Teams.ByAlias(ctx, alias)
	return t, tok, err
}

// ErrTooManyGuesses refuses a reply address when its sender has spent its
// guesses of ticket tokens.
var ErrTooManyGuesses = errors.New("too many reply addresses naming no ticket")

// AcceptsRecipient reports whether mail to addr is ours to take: the alias
// of a team with its email channel on, or such a team's reply address whose
// token names a ticket of that team (see ticketByToken). The answer says
// whether a token exists, so a reply address is looked up within guesses,
// keyed by the client's address: a miss spends one, a hit gives it back.
func (in *Intake) AcceptsRecipient(ctx context.Context, addr string, guesses httpx.Limiter, client string) (bool, error) {
	t, token, err := in.Recipient(ctx, addr)
	if errors.Is(err, team.ErrNotFound) || (err == nil && !t.Channels.Email) {
		return false, nil // no such alias, or the team takes no mail
	}
	if err != nil || token == "" {
		return err == nil, err
	}
	if !guesses.Allow(ctx, client) {
		return false, ErrTooManyGuesses
	}
	_, found, err := ticketByToken(ctx, in.DB.Read, replyToken{token: token, teamID: t.ID})
	if found || err != nil {
		guesses.Refund(ctx, client) // only a miss is a guess
	}
	return found, err
}
