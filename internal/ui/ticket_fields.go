package ui

import (
	"errors"
	"net/http"
	"strings"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// ticketFields saves the Fields card. The domain checks each value by its
// field's type and records each change in the history; a refusal shows
// the page again with what was typed and a message on each bad field.
func (u *UI) ticketFields(w http.ResponseWriter, r *http.Request) error {
	id, err := u.ticketID(r)
	if err != nil {
		return err
	}
	defs, err := u.s.Fields.List(r.Context())
	if err != nil {
		return err
	}
	values := customFromForm(defs, r.PostForm)
	sc, _ := fromContext(r.Context())
	_, err = u.s.Tickets.Update(r.Context(), id, ticket.Patch{Custom: values, ActorID: sc.operator.ID})
	var ve *domain.ValidationError
	if !errors.As(err, &ve) {
		if err != nil {
			return err
		}
		http.Redirect(w, r, ticketPath(r)+"#fields", http.StatusSeeOther)
		return nil
	}
	v, err := u.workspace(r, id)
	if err != nil {
		return err
	}
	for i, in := range v.Custom {
		for _, d := range defs {
			if d.Name == in.Name {
				v.Custom[i] = customInput(d, formTyped(values[d.Name]))
			}
		}
		if msg, ok := ve.Fields["fields."+in.Name]; ok {
			v.Custom[i].Error = sentence(in.Label, msg)
		}
	}
	if msg := otherFieldErrors(ve.Fields, v.Custom); msg != "" {
		v.CustomError = msg
	}
	return u.render(w, r, http.StatusUnprocessableEntity, "ticket", "", v)
}

// otherFieldErrors words the refusals no input of the card shows (a
// field deleted or moved to another pipeline meanwhile).
func otherFieldErrors(fields map[string]string, shown []CustomInput) string {
	var out []string
	for k, msg := range fields {
		name := strings.TrimPrefix(k, "fields.")
		known := false
		for _, in := range shown {
			known = known || in.Name == name
		}
		if !known {
			out = append(out, sentence(name, msg))
		}
	}
	return strings.Join(out, " ")
}
