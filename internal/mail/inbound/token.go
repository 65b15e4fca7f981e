package inbound

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/httpx"
)

// replyToken is the ticket token of a reply address a mail went to, with
// the team whose alias the address carries.
type replyToken struct {
	token  string
	teamID int64
}

// maxHeaderTokens bounds the reply addresses of one mail's To and Cc that
// are looked up. Those are not counted at RCPT like the envelope's, so each
// miss spends a guess too; a reply names one ticket, and a mail with
// hundreds of reply addresses in its headers is a guesser's.
const maxHeaderTokens = 3

// ticketByToken finds the ticket a reply address names: the one whose
// public token is token (case-sensitive, base64url; mail systems keep the
// local part's case), of the team whose alias the address carries, or
// mailed from that alias before it moved to another team. Another team's
// token in an alias threads nothing: each team's address reaches only its
// own tickets.
func ticketByToken(ctx context.Context, q db.Querier, rt replyToken) (int64, bool, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT t.id FROM tickets t WHERE t.public_token = $1 AND (t.team_id = $2
		OR EXISTS (SELECT 1 FROM mail_outbox o JOIN teams tm ON tm.id = $2
			WHERE o.ticket_id = t.id AND o.from_email = tm.email_alias))`, rt.token, rt.teamID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return id, err == nil, err
}

// headerTokens adds to mi.tokens the first of found (the reply addresses
// of the mail's To and Cc) that names a ticket, looking up at most
// maxHeaderTokens within the token-guess budget of the client that sent
// the mail, as RCPT does: a miss spends a guess, a hit gives it back. Once
// the budget is spent the rest are not looked up, and the mail threads by
// its other rules or opens a ticket: it is never lost. A mail with a reply
// address in its envelope threads by that one (counted at RCPT), so its
// headers cost nothing.
func (in *Intake) headerTokens(ctx context.Context, row rawRow, mi *mailIn, found []replyToken) error {
	if len(mi.tokens) > 0 {
		return nil
	}
	guesses, key := in.guesses(), guessKey(row, mi)
	for i, rt := range distinct(found) {
		if i == maxHeaderTokens || !guesses.Allow(ctx, key) {
			return nil
		}
		_, hit, err := ticketByToken(ctx, in.DB.Read, rt)
		if hit || err != nil {
			guesses.Refund(ctx, key) // only a miss is a guess
		}
		if hit {
			mi.tokens = append(mi.tokens, rt)
		}
		if hit || err != nil {
			return err
		}
	}
	return nil
}

// distinct drops the repeats of list (the same address in To and Cc).
func distinct(list []replyToken) []replyToken {
	seen := map[replyToken]bool{}
	out := list[:0:0]
	for _, rt := range list {
		if !seen[rt] {
			seen[rt] = true
			out = append(out, rt)
		}
	}
	return out
}

// guessKey is whom a mail's guesses count against: the SMTP client's
// address as stored at acceptance, the same key as its RCPTs; a mail
// fetched by IMAP or imported has none, so its sender's address.
func guessKey(row rawRow, mi *mailIn) string {
	if row.clientIP != "" {
		return row.clientIP
	}
	return mi.sender
}

// guesses is the token-guess budget: TokenGuesses, else one made once from
// Limits (in memory without), which the listener and processing share.
func (in *Intake) guesses() httpx.Limiter {
	in.guessOnce.Do(func() {
		in.ownGuesses = in.TokenGuesses
		if in.ownGuesses == nil {
			in.ownGuesses = in.limits()("token_guesses", 20, time.Minute)
		}
	})
	return in.ownGuesses
}

// limits makes the intake's rate limiters: Limits, in memory without.
func (in *Intake) limits() httpx.Limits {
	if in.Limits == nil {
		return httpx.MemoryLimits
	}
	return in.Limits
}
