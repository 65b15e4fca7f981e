package portal

import (
	"net/http"
	"strconv"
	"time"
)

// Comments allowed per ticket and per client address, earned back evenly
// over commentWindow. A customer writing in earnest sends a few an hour;
// a script posting hundreds would bury the thread and flood the team.
const (
	commentBurstTicket = 20
	commentBurstIP     = 60
	commentWindow      = time.Hour
)

const commentsTooMany = "Many comments were sent here in a short time. " +
	"Wait a few minutes, then send yours again: it is kept below."

// allowComment spends one comment of the ticket's budget and of the client
// address's; when either is spent it sets Retry-After and says no.
func (p *Portal) allowComment(w http.ResponseWriter, r *http.Request, ticketID int64) bool {
	ctx, ip, key := r.Context(), clientIP(r), strconv.FormatInt(ticketID, 10)
	if p.commentsByTicket.Allow(ctx, key) {
		if p.commentsByIP.Allow(ctx, ip) {
			return true
		}
		p.commentsByTicket.Refund(ctx, key)
	}
	w.Header().Set("Retry-After", strconv.Itoa(int(commentWindow.Seconds())/commentBurstTicket))
	return false
}

// refundComment gives back what allowComment spent, for a comment that
// was refused as invalid: correcting it is no flood.
func (p *Portal) refundComment(r *http.Request, ticketID int64) {
	p.commentsByTicket.Refund(r.Context(), strconv.FormatInt(ticketID, 10))
	p.commentsByIP.Refund(r.Context(), clientIP(r))
}
