package ui

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// fetchHeader marks a move sent by the board's drag and drop: it gets a
// plain answer (204, or the refusal as text) instead of a page.
const fetchHeader = "X-Frontdesk-Fetch"

// ticketStatus moves a ticket to another status: the board's card form
// and its drag and drop. The domain checks the status belongs to the
// ticket's pipeline and that the ticket has what the status requires; a
// lack is asked for in a form (the board's dialog), any other refusal is
// shown on the board.
func (u *UI) ticketStatus(w http.ResponseWriter, r *http.Request) error {
	id, err := u.ticketID(r)
	if err != nil {
		return err
	}
	t, err := u.s.Tickets.Get(r.Context(), id)
	if err != nil {
		return err
	}
	sc, _ := fromContext(r.Context())
	st := strings.TrimSpace(r.PostFormValue("status"))
	p := ticket.Patch{Status: &st, ActorID: sc.operator.ID}
	patchValues(r.PostForm, &p) // the values a status requires, from its dialog
	if p.Custom, err = u.askedFields(r.Context(), r.PostForm); err != nil {
		return err
	}
	_, err = u.s.Tickets.Update(r.Context(), id, p)
	if f, ferr := u.missingForm(r, t, err); ferr != nil || f != nil {
		if ferr != nil {
			return ferr
		}
		return u.askMissing(w, r, t, f)
	}
	msg := ""
	if err != nil {
		e := httpx.Map(err)
		if e.Status >= 500 {
			return err
		}
		msg = sentence("", e.Message)
		for f, m := range e.Fields { // only the status can be wrong here
			msg = sentence(f, m)
		}
	}
	if r.Header.Get(fetchHeader) != "" {
		if msg != "" {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.WriteHeader(http.StatusUnprocessableEntity)
			_, _ = w.Write([]byte(msg))
			return nil
		}
		w.WriteHeader(http.StatusNoContent)
		return nil
	}
	if msg != "" {
		v, err := u.boardView(r.Context(), u.base(r, csrfToken(r)), t.PipelineID, viewer(r), boardQuery{})
		if err != nil {
			return err
		}
		v.Error = "#" + id64(t.Number) + " was not moved: " + msg
		return u.render(w, r, http.StatusUnprocessableEntity, "board", "", v)
	}
	http.Redirect(w, r, boardURL(t.PipelineID)+"?"+url.Values{"moved": {id64(id)}}.Encode()+"#ticket-"+id64(id),
		http.StatusSeeOther)
	return nil
}
