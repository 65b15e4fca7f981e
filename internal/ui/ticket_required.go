package ui

import (
	"errors"
	"net/http"
	"strings"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// MissingNotice explains on the ticket page why a status change was
// refused, with inputs for the required custom fields (the built-in ones
// are the form's own controls, marked with their message).
type MissingNotice struct {
	Text   string
	Inputs []PropInput
}

// showMissing fills v after a refused move: what the status needs, the
// operator's typed values kept so they fill in the rest and save again.
func (u *UI) showMissing(r *http.Request, v *TicketView, refusal error) error {
	var missing *ticket.MissingError
	if !errors.As(refusal, &missing) {
		return nil
	}
	keepTyped(r, &v.Controls)
	var names, custom []string
	for _, name := range missing.Missing {
		switch name {
		case pipeline.Assignee:
			names = append(names, "an assignee")
		case pipeline.Priority:
			names = append(names, "a priority above Low")
		case pipeline.Tags:
			names = append(names, "at least one tag")
		default:
			custom = append(custom, name)
		}
	}
	var ve *domain.ValidationError
	errors.As(refusal, &ve)
	inputs, err := u.propInputs(r.Context(), custom, r.PostForm, ve.Fields)
	if err != nil {
		return err
	}
	for _, in := range inputs {
		names = append(names, in.Label)
	}
	v.Missing = &MissingNotice{Inputs: inputs,
		Text: missing.Status.Name + " needs " + joinAnd(names) + " before this ticket can enter it. Fill them in and save again."}
	return nil
}

// keepTyped selects in c what the refused form sent, so nothing typed is lost.
func keepTyped(r *http.Request, c *Controls) {
	for _, s := range []*Select{&c.Status, &c.Assignee, &c.Team} {
		v, ok := formValue(r.PostForm, s.ID)
		for i := range s.Options {
			if ok {
				s.Options[i].Selected = s.Options[i].Value == v
			}
		}
	}
	if v, ok := formValue(r.PostForm, "priority"); ok {
		for i := range c.Priority {
			c.Priority[i].Checked = c.Priority[i].Value == v
		}
	}
	if v, ok := formValue(r.PostForm, "tags"); ok {
		c.Tags = v
	}
}

// joinAnd is "a, b and c".
func joinAnd(parts []string) string {
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}
