package ui

import (
	"errors"
	"net/http"
	"slices"
	"strings"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// ticketUpdate saves the properties form, whole (without script) or one
// field as soon as it changes (the page's script, which gets a plain
// answer). Only fields the form sent are patched; the domain records a change only where a value differs, and
// checks every rule (a status of another pipeline, an unknown team).
func (u *UI) ticketUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := u.ticketID(r)
	if err != nil {
		return err
	}
	t, err := u.s.Tickets.Get(r.Context(), id)
	if err != nil {
		return err
	}
	sc, _ := fromContext(r.Context())
	p, bad := patchFromForm(r, t)
	p.ActorID = sc.operator.ID
	if p.Custom, err = u.askedFields(r.Context(), r.PostForm); err != nil {
		return err
	}
	if len(bad) == 0 {
		_, err = u.s.Tickets.Update(r.Context(), id, p)
	}
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		bad = ve.Fields
	} else if err != nil {
		return err
	}
	if r.Header.Get(fetchHeader) != "" {
		if errors.As(err, new(*ticket.MissingError)) {
			// The page's own form asks for what the status lacks; the
			// script posts the form whole to get it.
			w.Header().Set(askHeader, "1")
		}
		return fetchAnswer(w, bad)
	}
	if len(bad) > 0 {
		refusal := err
		v, err := u.workspace(r, id)
		if err != nil {
			return err
		}
		for f, m := range bad {
			base, _, _ := strings.Cut(f, "[") // "tags[2]": one of the tags
			v.fail(base, sentence(f, m))
		}
		if err := u.showMissing(r, &v, refusal); err != nil {
			return err
		}
		return u.render(w, r, http.StatusUnprocessableEntity, "ticket", "", v)
	}
	http.Redirect(w, r, ticketPath(r), http.StatusSeeOther)
	return nil
}

// fetchAnswer is the plain answer to a change sent by script: 204, or 422
// and the refusal as sentences, one per line.
// askHeader on a script's refused change says the status lacks required
// properties, which the page shows with inputs when the form is posted.
const askHeader = "X-Frontdesk-Ask"

func fetchAnswer(w http.ResponseWriter, bad map[string]string) error {
	if len(bad) == 0 {
		w.WriteHeader(http.StatusNoContent)
		return nil
	}
	msgs := make([]string, 0, len(bad))
	for f, m := range bad {
		msgs = append(msgs, sentence(f, m))
	}
	slices.Sort(msgs)
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusUnprocessableEntity)
	_, _ = w.Write([]byte(strings.Join(msgs, "\n")))
	return nil
}

// patchFromForm reads the posted fields into a patch, and the ones that
// cannot be read into field errors.
func patchFromForm(r *http.Request, t ticket.Ticket) (ticket.Patch, map[string]string) {
	var p ticket.Patch
	bad := map[string]string{}
	form := r.PostForm
	// The status is left out when unchanged, so moving to a team with
	// another pipeline is not refused for the old pipeline's status.
	if st, ok := formValue(form, "status"); ok && st != id64(t.Status.ID) && !strings.EqualFold(st, t.Status.Name) {
		p.Status = &st
	}
	if v, ok := formValue(form, "priority"); ok {
		n := strings.Index("0123", v)
		if len(v) != 1 || n < 0 {
			bad["priority"] = "must be 0, 1, 2 or 3"
		}
		p.Priority = &n
	}
	if v, ok := formValue(form, "assignee"); ok {
		p.Assignee = &v
	}
	if v, ok := formValue(form, "team"); ok {
		p.Team = &v
	}
	if v, ok := formValue(form, "tags"); ok {
		tags := splitTags(v)
		p.Tags = &tags
	}
	return p, bad
}

func formValue(form map[string][]string, key string) (string, bool) {
	v, ok := form[key]
	if !ok || len(v) == 0 {
		return "", false
	}
	return strings.TrimSpace(v[0]), true
}

var fieldNames = map[string]string{"body": "The message", "status": "The status", "priority": "The priority",
	"assignee": "The assignee", "team": "The team", "tags": "The tags", "kind": "The kind of message"}

// sentence makes a domain message ("is required") read as one.
func sentence(field, msg string) string {
	if strings.HasPrefix(msg, "is ") || strings.HasPrefix(msg, "must ") || strings.HasPrefix(msg, "contains ") {
		name, ok := fieldNames[field]
		if !ok && strings.HasPrefix(field, "tags[") {
			name = "Each tag"
		} else if !ok {
			name = field
		}
		return name + " " + msg + "."
	}
	if msg != "" {
		msg = strings.ToUpper(msg[:1]) + msg[1:]
	}
	return strings.TrimSuffix(msg, ".") + "."
}
