package portal

import (
	"fmt"
	"html/template"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/brand"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/ticket"
	"github.com/frontdesk/frontdesk/internal/upload"
)

// TicketView is the public page of one ticket.
type TicketView struct {
	Number   int64
	Subject  string
	Team     string
	Status   string
	Open     bool
	Steps    []Step
	Thread   []MessageView
	URL      string // /t/{token}, the base of every form and file link
	Form     string // the form token
	Flash    string
	Comment  CommentForm
	MaxFiles int
	MaxSize  string
	Brand    brand.Brand // the install's name and logo over the page
}

// Accept lists the kinds of file the upload policy takes, as the file
// input's hint to the browser; the server decides.
func (TicketView) Accept() string { return upload.Accept }

// Step is one status on the way through the pipeline.
type Step struct {
	Name    string
	Done    bool
	Current bool
}

// MessageView is one public message.
type MessageView struct {
	Author   string
	FromTeam bool // a public reply, not the customer's own message
	// Body is the sanitised HTML stored with the message: made from text
	// by the ticket package, or cleaned with bluemonday when it came as
	// HTML. It is the one piece of markup the page does not escape.
	Body  template.HTML
	At    string
	ISO   string
	Files []FileView
}

// FileView is a downloadable attachment.
type FileView struct {
	URL  string
	Name string
	Size string
}

// CommentForm is what the customer typed, kept after an error.
type CommentForm struct {
	Body  string
	Error string
}

// steps lays the pipeline out for the customer, by the names customers
// see: its open statuses in order, then one closed step, the ticket's own
// when it is closed. Only steps the ticket really passed (passed holds the
// lower-cased names of the statuses its history went through) are ticked,
// and neighbouring statuses customers know by one name are one step.
func steps(p pipeline.Pipeline, t ticket.Ticket, passed map[string]bool) []Step {
	var out []Step
	add := func(st pipeline.Status) {
		cur := st.ID == t.Status.ID
		done := passed[strings.ToLower(st.Name)] && (!cur || !t.IsOpen())
		if n := len(out); n > 0 && out[n-1].Name == st.Public() {
			out[n-1].Done, out[n-1].Current = out[n-1].Done || done, out[n-1].Current || cur
			return
		}
		out = append(out, Step{Name: st.Public(), Done: done, Current: cur})
	}
	for _, st := range p.Statuses {
		if st.Kind == pipeline.Open {
			add(st)
		}
	}
	last := p.FirstClosed()
	if !t.IsOpen() {
		if own, ok := p.StatusByID(t.Status.ID); ok {
			last = own
		}
	}
	add(last)
	for i := range out {
		if out[i].Current {
			out[i].Done = out[i].Done && !t.IsOpen() // the step a ticket is in is not behind it, unless it is the end
		}
	}
	return out
}

// passedStatuses reads from the history the names of the statuses the
// ticket has been in, its current one included.
func passedStatuses(history []ticket.Event, current string) map[string]bool {
	out := map[string]bool{strings.ToLower(current): true}
	for _, e := range history {
		if e.Kind != ticket.EventStatus && e.Kind != ticket.EventReopened {
			continue
		}
		for _, k := range []string{"from", "to"} {
			if name, ok := e.Data[k].(string); ok {
				out[strings.ToLower(name)] = true
			}
		}
	}
	return out
}

// publicStatus is the name customers see for the ticket's status.
func publicStatus(p pipeline.Pipeline, t ticket.Ticket) string {
	if st, ok := p.StatusByID(t.Status.ID); ok {
		return st.Public()
	}
	return t.Status.Name
}

func messageView(url string, m ticket.Message) MessageView {
	v := MessageView{Author: m.Author.Name, FromTeam: m.Kind == ticket.Reply,
		Body: template.HTML(m.BodyHTML), At: m.CreatedAt.UTC().Format("2 Jan 2006, 15:04 UTC"),
		ISO: m.CreatedAt.UTC().Format(time.RFC3339)}
	for _, a := range m.Attachments {
		if a.Inline {
			continue // parts of a mail's HTML, not files the customer sent or got
		}
		v.Files = append(v.Files, FileView{URL: fmt.Sprintf("%s/files/%d", url, a.ID), Name: a.Filename, Size: size(a.Size)})
	}
	return v
}

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
