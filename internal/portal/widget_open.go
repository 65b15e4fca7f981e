package portal

import (
	"context"
	"fmt"
	"mime/multipart"
	"strings"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/form"
	"github.com/frontdesk/frontdesk/internal/ticket"
	"github.com/frontdesk/frontdesk/internal/widget"
)

// GivenEmailLabel names, on a ticket, an email a signed visitor typed
// but the site did not sign: kept for the operator to read, never used
// to find a contact nor added to one.
const GivenEmailLabel = "Email given by the visitor (not verified)"

// widgetOpenInput is what the widget sends to open a ticket: the values
// of the team's form fields, by what they fill, and the extra fields by
// name (docs/widget.md).
type widgetOpenInput struct {
	Identity Identity `json:"identity"`
	Email    string   `json:"email"`
	Name     string   `json:"name"`
	LastName string   `json:"last_name"`
	Phone    string   `json:"phone"`
	Subject  string   `json:"subject"`
	Message  string   `json:"message"`
	Priority string   `json:"priority"`
	Fields   []struct {
		Name  string `json:"name"`  // the form field's name
		Label string `json:"label"` // ignored: the ticket keeps the form's label
		Value string `json:"value"`
	} `json:"fields"`
}

// answers puts what the widget sent under the team's form fields, as the
// website form receives them, so both go through form.Read. A value for
// a field the form does not publish is refused in c, beside its key.
func (in widgetOpenInput) answers(c *domain.Check, fm form.Form, mf *multipart.Form) form.Answers {
	a := form.Answers{}
	for _, v := range []struct {
		key    string
		target form.Target
		value  string
	}{{"name", form.FirstName, in.Name}, {"last_name", form.LastName, in.LastName}, {"email", form.Email, in.Email},
		{"phone", form.Phone, in.Phone}, {"subject", form.Subject, in.Subject},
		{"message", form.Description, in.Message}, {"priority", form.Priority, in.Priority}} {
		if v.value == "" {
			continue
		}
		i := fieldFilling(fm, v.target)
		c.Require(i >= 0, v.key, "This team's form has no such field.")
		if i >= 0 {
			a[fm.Fields[i].Name] = v.value
		}
	}
	for i, f := range in.Fields {
		fl, ok := fm.Field(f.Name)
		_, custom := fl.Target.CustomName()
		ok = ok && (fl.Target == form.Extra || custom) && fl.Type != form.File
		c.Require(ok, fmt.Sprintf("fields[%d]", i), fmt.Sprintf("%q is not a field of this team's form.", f.Name))
		if ok {
			a[fl.Name] = f.Value
		}
	}
	if mf != nil {
		for part := range mf.File {
			fl, ok := fm.Field(part)
			c.Require(ok && fl.Type == form.File, part, "This team's form has no such file field.")
		}
	}
	fileAnswers(mf, fm.Fields, a)
	return a
}

// fieldFilling is the index of the field that fills t, or -1.
func fieldFilling(fm form.Form, t form.Target) int {
	for i, fl := range fm.Fields {
		if fl.Target == t {
			return i
		}
	}
	return -1
}

// prefill gives a signed visitor's empty name and email the identity's,
// as the widget's own fields are prefilled; only into fields the form
// has, since answers refuses any other (the contact takes the signed name
// anyway, in identify).
func (in *widgetOpenInput) prefill(signed widget.Signed, fm form.Form) {
	if signed == widget.Unsigned {
		return
	}
	if strings.TrimSpace(in.Email) == "" && fieldFilling(fm, form.Email) >= 0 {
		in.Email = in.Identity.Email
	}
	if strings.TrimSpace(in.Name) == "" && fieldFilling(fm, form.FirstName) >= 0 {
		in.Name = in.Identity.Name
	}
}

// identify links the ticket to a signed visitor by what the site signed
// only: the external id, and the email when it is signed with it. An
// email the visitor typed otherwise stays on the ticket as given, so no
// one can reach another customer's tickets, or claim an address before
// its owner writes, by typing it. An anonymous visitor is a stranger
// writing in, as through the website form: their email finds the contact.
func identify(nt *ticket.NewTicket, id Identity, signed widget.Signed) {
	if signed == widget.Unsigned {
		return
	}
	given := nt.Contact.Email
	nt.Contact.ExternalID, nt.Contact.Email = id.ExternalID, ""
	if signed == widget.ExternalIDAndEmail {
		nt.Contact.Email = id.Email
	}
	nt.Contact.FirstName = firstNonEmpty(id.Name, nt.Contact.FirstName)
	if given != "" && !strings.EqualFold(given, nt.Contact.Email) {
		nt.Fields = append(nt.Fields, ticket.Field{Label: GivenEmailLabel, Value: given})
	}
}

// widgetForm is the form the widget shows: the team's published form,
// else the default one (what GET /widget/v1/{team}/form leads to).
func (p *Portal) widgetForm(ctx context.Context, slug string) (form.Form, error) {
	t, err := p.s.Teams.Find(ctx, p.s.DB.Read, slug)
	if err != nil {
		return form.Form{}, err
	}
	fm, err := p.s.Forms.Get(ctx, t.ID)
	if err == nil && (!fm.Published || !t.Channels.Form || t.Slug != slug) {
		fm.Fields = form.Default()
	}
	return fm, err
}
