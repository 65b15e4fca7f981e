package portal

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/form"
	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/ticket"
	"github.com/frontdesk/frontdesk/internal/widget"
)

// submit checks a sent form and opens the ticket: a wrong answer shows
// the form again as typed with a message per field; success redirects
// to a page with the ticket's number and public link, or, when the
// address typed belongs to an existing customer, to one saying the link
// comes by mail (tokenForVisitor).
func (f *Forms) submit(w http.ResponseWriter, r *http.Request) error {
	p, err := f.load(r.Context(), r.PathValue("slug"))
	if err != nil {
		return err
	}
	if !fromOurSite(r, f.origin, false) { // "null": an opaque, sandboxed or foreign page
		return httpx.NewError(http.StatusForbidden, "cross_site", "This form can only be sent from its own page.")
	}
	ip := clientIP(r)
	if !f.submits.Allow(r.Context(), ip) {
		return httpx.TooMany(w, formWindow/formBurst,
			"You have sent this form several times in a short while. Please wait a few minutes and try again.")
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
	defer httpx.DropForm(r) // refused or stored, the files go
	if err := r.ParseMultipartForm(1 << 20); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		return httpx.NewError(http.StatusRequestEntityTooLarge, "too_large",
			"What you sent is too large. Files may be at most 10 MB each.")
	}
	if !validFormToken(p.widget.Secret, p.team.Slug, r.PostFormValue("_form"), f.now()) {
		f.submits.Refund(r.Context(), ip)
		v := f.view(r, p, answers(r.PostForm), nil)
		v.Error = "This form was open too long or did not come from this page. Please check your answers and send it again."
		return f.render(w, http.StatusForbidden, "portal_form", v)
	}
	if r.PostFormValue(form.Honeypot) != "" {
		// Accepted as far as the sender can tell, and dropped.
		http.Redirect(w, r, "/support/"+p.team.Slug+"/sent", http.StatusSeeOther)
		return nil
	}
	a := answers(r.PostForm)
	fileAnswers(r.MultipartForm, p.form.Fields, a)
	t, errs, err := f.open(r, p, a)
	if err != nil {
		return err
	}
	if errs != nil {
		f.submits.Refund(r.Context(), ip) // a person correcting a typo is not a flood
		v := f.view(r, p, a, errs)
		v.Error = "Please correct the marked fields."
		return f.render(w, http.StatusUnprocessableEntity, "portal_form", v)
	}
	sent := "/support/" + p.team.Slug + "/sent"
	if tokenForVisitor(t, widget.Unsigned) {
		sent += "?ticket=" + url.QueryEscape(t.PublicToken)
	}
	http.Redirect(w, r, sent, http.StatusSeeOther)
	return nil
}

func answers(v url.Values) form.Answers {
	a := form.Answers{}
	for k, vs := range v {
		if len(vs) > 0 {
			a[k] = vs[0]
		}
	}
	return a
}

// open reads the answers and the files and opens the ticket; a wrong
// answer comes back as messages by field name.
func (f *Forms) open(r *http.Request, p published, a form.Answers) (ticket.Ticket, map[string]string, error) {
	res, err := p.form.Read(a)
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		return ticket.Ticket{}, ve.Fields, nil
	} else if err != nil {
		return ticket.Ticket{}, nil, err
	}
	files, errs := customerFiles.Form(r.MultipartForm, res.Files...)
	if len(errs) > 0 {
		return ticket.Ticket{}, errs, nil
	}
	in := formTicket(res, p.team.Slug, ticket.WebForm)
	if in.Attachments, err = customerFiles.Store(f.s.Blobs, files); err != nil {
		return ticket.Ticket{}, nil, err
	}
	t, err := f.s.Tickets.Create(r.Context(), in)
	if errors.As(err, &ve) {
		return t, byTarget(p.form, ve.Fields), nil
	}
	return t, nil, err
}

// formTicket is the ticket a valid submission opens, from the website
// form or the widget.
func formTicket(res form.Result, team string, ch ticket.Channel) ticket.NewTicket {
	in := ticket.NewTicket{Subject: res.Subject, Description: res.Description, Team: team,
		Priority: res.Priority, Channel: ch, Contact: contact.Identity{Email: res.Email,
			FirstName: res.FirstName, LastName: res.LastName, Phone: res.Phone}}
	for _, x := range res.Extras {
		in.Fields = append(in.Fields, ticket.Field{Label: x.Label, Value: x.Value})
	}
	in.Custom = res.Custom
	return in
}

// byTarget puts the ticket's own messages ("contact.phone") beside the
// field that filled the value.
func byTarget(fm form.Form, fields map[string]string) map[string]string {
	out := map[string]string{}
	for k, msg := range fields {
		name := ""
		for _, fl := range fm.Fields {
			if string(fl.Target) == k || "fields."+strings.TrimPrefix(string(fl.Target), form.CustomPrefix) == k ||
				(k == "subject" && fl.Target == form.Subject) ||
				(k == "description" && fl.Target == form.Description) {
				name = fl.Name
			}
		}
		if name == "" && len(fm.Fields) > 0 {
			name = fm.Fields[0].Name
		}
		out[name] = strings.ToUpper(msg[:1]) + strings.TrimSuffix(msg[1:], ".") + "."
	}
	return out
}
