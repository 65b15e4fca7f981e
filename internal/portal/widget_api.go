package portal

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/form"
	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/ticket"
	"github.com/frontdesk/frontdesk/internal/widget"
)

// widgetTicket is a ticket as the widget shows it. The token lets the
// visitor's browser come back to it; bodies are plain text, which the
// widget puts in the page as text.
type widgetTicket struct {
	Number   int64           `json:"number"`
	Subject  string          `json:"subject"`
	Status   string          `json:"status"`
	Open     bool            `json:"open"`
	Token    string          `json:"token,omitempty"` // empty: mailed to the address's owner instead (widgetOpen)
	Messages []widgetMessage `json:"messages,omitempty"`
}

type widgetMessage struct {
	Author   string       `json:"author"`
	FromTeam bool         `json:"from_team"`
	Body     string       `json:"body"`
	At       time.Time    `json:"created_at"`
	Files    []widgetFile `json:"files,omitempty"`
}

// toWidget is t as the visitor sees it: its status by the name customers
// see (names holds the pipelines read so far in this request).
func (p *Portal) toWidget(ctx context.Context, t ticket.Ticket, names map[int64]pipeline.Pipeline) (widgetTicket, error) {
	pl, ok := names[t.PipelineID]
	if !ok {
		var err error
		if pl, err = p.s.Tickets.PipelineOf(ctx, t); err != nil {
			return widgetTicket{}, err
		}
		names[t.PipelineID] = pl
	}
	return widgetTicket{Number: t.Number, Subject: t.Subject, Status: publicStatus(pl, t), Open: t.IsOpen(),
		Token: t.PublicToken}, nil
}

// widgetOpen opens a ticket for the visitor with the team's form, read
// as the website form reads it; the contact is found by what the host
// site signed (identify). A multipart post carries the form's files,
// each part named after its file field.
func (p *Portal) widgetOpen(w http.ResponseWriter, r *http.Request, s WidgetSettings) error {
	ctx, ip := r.Context(), clientIP(r)
	// Counted before the body is read: a post with files may be 51 MB.
	if !p.opens.Allow(ctx, ip) {
		return httpx.TooMany(w, openWindow/openBurst, "too many new tickets from here; wait a few minutes")
	}
	t, signed, err := p.openFromWidget(r, s)
	if err != nil {
		if !isMultipart(r) {
			p.opens.Refund(ctx, ip) // a refused JSON post is small: a person may correct it
		}
		return err
	}
	v, err := p.toWidget(ctx, t, map[int64]pipeline.Pipeline{})
	if err != nil {
		return err
	}
	if !tokenForVisitor(t, signed) {
		v.Token = ""
	}
	httpx.WriteJSON(w, http.StatusCreated, v)
	return nil
}

// openFromWidget reads the post and opens its ticket; the form is looked
// up before the body is read.
func (p *Portal) openFromWidget(r *http.Request, s WidgetSettings) (ticket.Ticket, widget.Signed, error) {
	fm, err := p.widgetForm(r.Context(), s.TeamSlug)
	if err != nil {
		return ticket.Ticket{}, widget.Unsigned, err
	}
	var in widgetOpenInput
	if err := decodeWidget(r, &in); err != nil {
		return ticket.Ticket{}, widget.Unsigned, err
	}
	signed, err := in.Identity.verify(s)
	if err != nil {
		return ticket.Ticket{}, widget.Unsigned, err
	}
	in.prefill(signed, fm)
	c := &domain.Check{} // every wrong answer at once, by field
	res, err := fm.Read(in.answers(c, fm, r.MultipartForm))
	if err := firstErr(c.Merge("", err), c.Err()); err != nil {
		return ticket.Ticket{}, widget.Unsigned, err
	}
	files, errs := customerFiles.Form(r.MultipartForm, res.Files...)
	if len(errs) > 0 {
		return ticket.Ticket{}, widget.Unsigned, &domain.ValidationError{Fields: errs}
	}
	nt := formTicket(res, s.TeamSlug, ticket.Widget)
	identify(&nt, in.Identity, signed)
	if nt.Attachments, err = customerFiles.Store(p.s.Blobs, files); err != nil {
		return ticket.Ticket{}, widget.Unsigned, err
	}
	t, err := p.s.Tickets.Create(r.Context(), nt)
	return t, signed, customByName(fm, err)
}

// customByName puts a custom field's refusal ("fields.reason") on the
// form field that filled it, where the widget shows its messages.
func customByName(fm form.Form, err error) error {
	var ve *domain.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	out := map[string]string{}
	for k, msg := range ve.Fields {
		for _, fl := range fm.Fields {
			if name, ok := fl.Target.CustomName(); ok && "fields."+name == k {
				k = fl.Name
			}
		}
		out[k] = msg
	}
	return &domain.ValidationError{Fields: out}
}

// tokenForVisitor says whether whoever opened t may have its link. No one
// verified an unsigned visitor's address: when it belongs to a contact
// that existed before, the ticket still goes there (replies by mail must
// reach the address), but the link goes only by mail, to its owner.
func tokenForVisitor(t ticket.Ticket, signed widget.Signed) bool {
	return signed != widget.Unsigned || t.NewContact
}

func firstNonEmpty(a, b string) string {
	if a = strings.TrimSpace(a); a != "" {
		return a
	}
	return b
}

// widgetMine lists a signed visitor's tickets with this team. Anonymous
// visitors' tickets are the ones their browser kept the tokens of.
func (p *Portal) widgetMine(w http.ResponseWriter, r *http.Request, s WidgetSettings) error {
	var in struct {
		Identity Identity `json:"identity"`
	}
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	verified, err := in.Identity.verify(s)
	if err != nil || verified == widget.Unsigned {
		return firstErr(err, domain.Forbidden("only a visitor signed by the site has a list of tickets"))
	}
	out := []widgetTicket{}
	found, _, err := p.s.Contacts.List(r.Context(), contact.Filter{ExternalID: in.Identity.ExternalID, Limit: 1})
	if err != nil || len(found) == 0 {
		httpx.WriteJSON(w, http.StatusOK, map[string]any{"items": out})
		return err
	}
	page, err := p.s.Tickets.List(r.Context(), ticket.Filter{ContactID: found[0].ID, Team: s.TeamSlug, Limit: 50})
	if err != nil {
		return err
	}
	names := map[int64]pipeline.Pipeline{}
	for _, t := range page.Items {
		v, err := p.toWidget(r.Context(), t, names)
		if err != nil {
			return err
		}
		out = append(out, v)
	}
	httpx.WriteJSON(w, http.StatusOK, map[string]any{"items": out})
	return nil
}

func firstErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// widgetTicketOf looks the token up like the public page does, within the
// same limit on misses, and only among this team's tickets.
func (p *Portal) widgetTicketOf(w http.ResponseWriter, r *http.Request, s WidgetSettings) (ticket.Ticket, error) {
	ip := clientIP(r)
	if !p.misses.Allow(r.Context(), ip) {
		return ticket.Ticket{}, httpx.TooMany(w, app.TokenGuessWindow, "too many requests; wait a minute")
	}
	t, err := p.s.Tickets.ByToken(r.Context(), r.PathValue("token"))
	if errors.Is(err, domain.ErrNotFound) || (err == nil && t.Team.Slug != s.TeamSlug) {
		return ticket.Ticket{}, ticket.ErrNotFound
	}
	if err == nil {
		p.misses.Refund(r.Context(), ip)
	}
	return t, err
}

// widgetThread is one ticket and its public thread: never notes.
func (p *Portal) widgetThread(w http.ResponseWriter, r *http.Request, s WidgetSettings) error {
	t, err := p.widgetTicketOf(w, r, s)
	if err != nil {
		return err
	}
	msgs, err := p.s.Tickets.Messages(r.Context(), t.ID, true)
	if err != nil {
		return err
	}
	v, err := p.toWidget(r.Context(), t, map[int64]pipeline.Pipeline{})
	if err != nil {
		return err
	}
	for _, m := range msgs {
		if m.Kind.Public() {
			v.Messages = append(v.Messages, widgetMessage{Author: m.Author.Name, FromTeam: m.Kind == ticket.Reply,
				Body: m.Body, At: m.CreatedAt, Files: widgetFiles(t.PublicToken, m.Attachments)})
		}
	}
	httpx.WriteJSON(w, http.StatusOK, v)
	return nil
}

// widgetAnswer adds the visitor's answer as a customer message; a
// multipart post carries files in its "files" parts.
func (p *Portal) widgetAnswer(w http.ResponseWriter, r *http.Request, s WidgetSettings) error {
	t, err := p.widgetTicketOf(w, r, s) // before the body, which may be 51 MB
	if err != nil {
		return err
	}
	var in struct {
		Body string `json:"body"`
	}
	if err := decodeWidget(r, &in); err != nil {
		return err
	}
	files, errs := customerFiles.Form(r.MultipartForm, "files")
	if len(errs) > 0 {
		return &domain.ValidationError{Fields: errs}
	}
	// after the files' check, so a refused file costs no comment
	if !p.allowComment(w, r, t.ID) {
		return httpx.NewError(http.StatusTooManyRequests, "rate_limited", "too many comments here; wait a few minutes")
	}
	atts, err := customerFiles.Store(p.s.Blobs, files)
	if err != nil {
		return err
	}
	if _, err := p.s.Tickets.AddMessage(r.Context(), t.ID, ticket.NewMessage{Kind: ticket.Customer,
		Body: in.Body, ContactID: t.Contact.ID, Attachments: atts}); err != nil {
		return err
	}
	return p.widgetThread(w, r, s)
}
