package ui

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/frontdesk/frontdesk/internal/notification"
)

// bellDelay gathers a burst of events into one look at the unread count.
const bellDelay = 150 * time.Millisecond

// bell keeps the top bar's unread count live: notices are written in the
// transaction of the ticket change that caused them, and the change's
// event is published after its commit, so on each event the stream looks
// again and sends the count when it changed, with the newest notice when
// one arrived.
type bell struct {
	n    *notification.Service
	opID int64
	last int // -1 until the first look
}

// BellUpdate is the "notifications" event's data.
type BellUpdate struct {
	Unread int         `json:"unread"`
	Latest *BellNotice `json:"latest,omitempty"`
}

// BellNotice is a new notice as the toast shows it.
type BellNotice struct {
	URL  string `json:"url"`
	Text string `json:"text"`
}

// message is the event to send, or "" when nothing changed.
func (b *bell) message(ctx context.Context) string {
	n, err := b.n.Unread(ctx, b.opID)
	if err != nil || n == b.last {
		return ""
	}
	up := BellUpdate{Unread: n}
	if b.last >= 0 && n > b.last {
		if ns, err := b.n.Find(ctx, b.opID, notification.Filter{Unread: true, Limit: 1}); err == nil && len(ns) == 1 {
			up.Latest = &BellNotice{URL: "/notifications/" + strconv.FormatInt(ns[0].ID, 10), Text: noticeText(ns[0])}
		}
	}
	b.last = n
	data, _ := json.Marshal(up)
	return fmt.Sprintf("event: notifications\ndata: %s\n\n", data)
}

// noticeText says what a notice is about in one line.
func noticeText(n notification.Notification) string {
	who := n.ActorName
	if who == "" {
		who = "Someone"
	}
	what := " opened a ticket for you or your team: #"
	if n.Kind == notification.Mention {
		what = " mentioned you on #"
	}
	return who + what + strconv.FormatInt(n.TicketNumber, 10) + " " + n.Subject
}
