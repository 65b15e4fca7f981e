package ui

import (
	"cmp"
	"fmt"
	"html/template"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/mail/auth"
	"github.com/frontdesk/frontdesk/internal/ticket"
	"github.com/frontdesk/frontdesk/internal/upload"
)

// TicketView is the ticket workspace: the thread, the composer, the
// controls and the customer beside them.
type TicketView struct {
	Base
	Ticket   ticket.Ticket
	URL      string // the workspace's own address, where its forms post
	Priority Priority
	Channel  string
	Created  Stamp
	Thread   []ThreadItem
	Composer Composer
	Controls Controls
	Customer Customer
	Relink   Relink
	Errors   map[string]string // per control: status, priority, assignee, team, tags
	Fields   []ticket.Field    // extra answers of a website form
	// Custom are the inputs of the custom fields of the ticket's pipeline.
	Custom      []CustomInput
	CustomError string         // a refusal no input shows
	Missing     *MissingNotice // a status change refused for required properties
	SLA         []SLATargetRow // each SLA target, times in the policy's hours' zone
}

// Stamp is a moment shown as people read it, with the exact time on hover.
type Stamp struct{ Relative, ISO, Full string }

func stampOf(t, now time.Time) Stamp {
	return Stamp{Relative: relativeTime(t, now), ISO: t.UTC().Format(time.RFC3339),
		Full: t.UTC().Format("2 Jan 2006, 15:04 UTC")}
}

// ThreadItem is one message or one history event, or the fold that
// stands for the middle of a long thread; exactly one is set.
type ThreadItem struct {
	Message *ThreadMessage
	Event   *ThreadEvent
	Fold    *ThreadFold
	at      time.Time
}

// ThreadFold is the middle of a long thread, folded: what it holds and
// the address of the whole thread.
type ThreadFold struct{ Label, URL string }

// A thread longer than threadFoldAt items shows its first message (and
// the events before it), then a fold, then its latest threadTail items,
// as mail clients fold long conversations: the latest are what an answer
// needs, and rendering every message of a thread of 100 was most of the
// ticket page's time.
const threadFoldAt, threadTail = 40, 20

// foldThread folds the middle of a long thread; all links to it whole.
func foldThread(items []ThreadItem, all string) []ThreadItem {
	head := 0
	for head < len(items) && items[head].Message == nil {
		head++ // the events before the first message, and that message
	}
	head++
	tail := len(items) - threadTail
	if len(items) <= threadFoldAt || head >= tail {
		return items
	}
	var msgs, events int
	for _, it := range items[head:tail] {
		if it.Message != nil {
			msgs++
		} else {
			events++
		}
	}
	label := fmt.Sprintf("Show %d earlier %s", msgs, plural(msgs, "message", "messages"))
	if events > 0 {
		label += fmt.Sprintf(" and %d %s", events, plural(events, "event", "events"))
	}
	out := append(items[:head:head], ThreadItem{Fold: &ThreadFold{Label: label, URL: all}})
	return append(out, items[tail:]...)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// ThreadMessage is one message of the thread. Body is plain text: the
// template escapes it and CSS keeps its line breaks, so no customer
// markup ever reaches the page as HTML.
type ThreadMessage struct {
	Kind   string // customer | reply | note | system
	Author string // "Frontdesk" for a message without one
	// WrittenBy is the operator who wrote a customer's request for them.
	WrittenBy string
	// Fresh is what the sender wrote now; Quoted the history or signature
	// below it, which the thread shows folded (the stored body stays whole):
	// split from body for the messages shown (finishThread).
	Fresh, Quoted string
	body          string
	At            Stamp
	Files         []FileLink
	Checks        *Checks // of a mail from outside; nil otherwise
	// Lead and Badge say what kind of message it is, before and after the
	// author: rendered once per kind (kindBadges), not per message.
	Lead, Badge template.HTML
}

// Checks is what DKIM, SPF and DMARC said about a message's mail: a
// compact line, the details for its tooltip, and whether the sender's
// domain vouched for it.
type Checks struct {
	Summary, Detail string
	Vouched         bool
}

func checksOf(r auth.Result, ok bool) *Checks {
	if !ok {
		return nil
	}
	return &Checks{Summary: r.Summary(), Detail: r.Detail, Vouched: r.Vouched()}
}

// FileLink is an attachment as the thread lists it.
type FileLink struct {
	URL, Name, Size string
	Image           bool
}

func filesOf(files []ticket.Attachment) []FileLink {
	out := make([]FileLink, 0, len(files))
	for _, f := range files {
		out = append(out, FileLink{URL: "/files/" + id64(f.ID) + "/" + url.PathEscape(f.Filename),
			Name: f.Filename, Size: byteSize(f.Size), Image: strings.HasPrefix(f.ContentType, "image/")})
	}
	return out
}

// byteSize reads like a file manager: 812 B, 14 KB, 3.2 MB.
func byteSize(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1000*1000:
		return fmt.Sprintf("%d KB", (n+500)/1000)
	default:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
}

// Relink is the change-customer form, open again after a refusal.
type Relink struct {
	Email, Error string
	Open         bool
}

// ThreadEvent is one line of history between messages.
type ThreadEvent struct {
	Actor string // empty when Frontdesk did it
	Text  string
	At    Stamp
}

// thread merges messages and events in time order. On a tie the event
// goes first: "created" belongs above the message that opened the ticket.
func thread(msgs []ticket.Message, events []ticket.Event, checks map[int64]auth.Result, now time.Time) []ThreadItem {
	out := make([]ThreadItem, 0, len(msgs)+len(events))
	for _, e := range events {
		out = append(out, ThreadItem{Event: eventOf(e, now), at: e.CreatedAt})
	}
	for _, m := range msgs {
		c, ok := checks[m.ID]
		out = append(out, ThreadItem{at: m.CreatedAt, Message: &ThreadMessage{Kind: string(m.Kind),
			Author: cmp.Or(m.Author.Name, "Frontdesk"), WrittenBy: m.Author.WrittenBy, body: m.Body,
			At: stampOf(m.CreatedAt, now), Files: filesOf(m.Attachments), Checks: checksOf(c, ok)}})
	}
	slices.SortStableFunc(out, func(a, b ThreadItem) int { return a.at.Compare(b.at) })
	return out
}

// Composer is the reply-or-note form, refilled after a failed send.
type Composer struct {
	Kind  string // reply | note
	Body  string
	Error string
	To    string // the address a reply goes to
}

// Accept lists the kinds of file the upload policy takes, as the file
// input's hint to the browser; the server decides.
func (Composer) Accept() string { return upload.Accept }

// Controls are the choices of the ticket's properties form.
type Controls struct {
	Status, Assignee, Team Select
	Priority               []PriorityChoice
	Tags                   string
	Next                   []NextStatus // the composer's "then" choices
}

// NextStatus is one status the composer can leave the ticket in, with
// what its button then says ("Send and close").
type NextStatus struct {
	Value, Label, Reply, Note string
	Selected                  bool
}

// Select is one labelled select and its error.
type Select struct {
	ID, Label, Error string
	Options          []Option
}

// fail shows msg next to field.
func (v *TicketView) fail(field, msg string) {
	v.Errors[field] = msg
	for _, s := range []*Select{&v.Controls.Status, &v.Controls.Assignee, &v.Controls.Team} {
		if s.ID == field {
			s.Error = msg
		}
	}
}

// Option is one entry of a select.
type Option struct {
	Value, Label string
	Selected     bool
}

// PriorityChoice is one radio of the priority stars.
type PriorityChoice struct {
	Priority
	Value   string
	Checked bool
}

func priorityChoices(current int) []PriorityChoice {
	out := make([]PriorityChoice, ticket.MaxPriority+1)
	for i := range out {
		out[i] = PriorityChoice{Priority: priorityOf(i), Value: strconv.Itoa(i), Checked: i == current}
	}
	return out
}

// Customer is the contact beside the thread and their other tickets.
type Customer struct {
	ID         int64
	Name       string
	Emails     []string
	Bounces    map[string]string // bouncing address: since when and why
	Phone      string
	Company    string
	ExternalID string
	Others     []OtherTicket
	More       bool // there are more than the ones listed
}

// OtherTicket is one of the customer's other tickets.
type OtherTicket struct {
	ID, Number      int64
	Subject, Status string
	Closed          bool
}

func customerOf(c contact.Contact) Customer {
	out := Customer{ID: c.ID, Name: c.DisplayName(), Emails: c.Emails, Phone: c.Phone}
	if len(out.Emails) == 0 && c.Email != "" {
		out.Emails = []string{c.Email}
	}
	if c.Company != nil {
		out.Company = c.Company.Name
	}
	out.Bounces = bounceNotes(c.Bounces)
	if c.ExternalID != nil {
		out.ExternalID = *c.ExternalID
	}
	return out
}

// bounceNotes says for each bouncing address since when and why.
func bounceNotes(bs []contact.Bounce) map[string]string {
	out := map[string]string{}
	for _, b := range bs {
		out[b.Email] = "Mail to this address came back on " + b.At.UTC().Format("2 Jan 2006 15:04 UTC")
		if b.Reason != "" {
			out[b.Email] += ": " + b.Reason
		}
	}
	return out
}
