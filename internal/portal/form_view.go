package portal

import (
	"context"
	"errors"
	"net/http"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/form"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/upload"
	"github.com/frontdesk/frontdesk/internal/widget"
)

// FormView is the public form of one team.
type FormView struct {
	FormBase
	Slug   string
	Token  string
	Fields []FieldView
	Error  string // about the whole submission
}

// FieldView is one question as the customer sees it, with what they
// typed and what is wrong with it.
type FieldView struct {
	form.Field
	Value string
	Error string
	// ShowIfLabel is the label of the field this one depends on.
	ShowIfLabel string
}

// ID is the input's id.
func (v FieldView) ID() string { return "f-" + v.Name }

// Checked says whether a checkbox is ticked.
func (v FieldView) Checked() bool { return v.Value != "" }

// Is reports whether the field's input type is t.
func (v FieldView) Is(t string) bool { return string(v.Type) == t }

// Accept lists the file types a file input offers.
func (v FieldView) Accept() string { return upload.Accept }

// published is a team and its form, when the form is open to customers.
type published struct {
	team   team.Team
	form   form.Form
	widget widget.Settings
}

// errNoForm hides whether the team exists: an unknown slug, a form that
// is unpublished and a channel that is off look the same.
var errNoForm = domain.NotFound("form")

func (f *Forms) load(ctx context.Context, slug string) (published, error) {
	var p published
	t, err := f.s.Teams.Find(ctx, f.s.DB.Read, slug)
	if errors.Is(err, domain.ErrNotFound) || (err == nil && (t.Slug != slug || !t.Channels.Form)) {
		return p, errNoForm
	}
	if err != nil {
		return p, err
	}
	if p.form, err = f.s.Forms.Get(ctx, t.ID); err != nil {
		return p, err
	}
	if !p.form.Published {
		return p, errNoForm
	}
	p.team = t
	p.widget, err = f.s.Widgets.Get(ctx, t.ID)
	return p, err
}

// view is the form with answers a (nil: each field's default) and
// per-field errors.
func (f *Forms) view(r *http.Request, p published, a form.Answers, errs map[string]string) FormView {
	v := FormView{FormBase: f.base(r.Context(), p.team.Name), Slug: p.team.Slug,
		Token: formToken(p.widget.Secret, p.team.Slug, f.now())}
	v.Title = "Contact " + p.team.Name
	for _, fl := range p.form.Fields {
		fv := FieldView{Field: fl, Value: fl.Default, Error: errs[fl.Name]}
		if a != nil && fl.Type != form.File {
			fv.Value = a[fl.Name]
		}
		if dep, ok := p.form.Field(fl.ShowIf); ok {
			fv.ShowIfLabel = dep.Label
		}
		v.Fields = append(v.Fields, fv)
	}
	return v
}
