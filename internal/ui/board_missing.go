package ui

import (
	"errors"
	"net/http"
	"slices"
	"strings"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// missingForm turns a refused move into the form asking for what the
// status requires, or returns nil when the refusal is about something
// else. A resubmitted form (it names what it asked) keeps asking, with
// each input's error, until the move goes through or is cancelled.
func (u *UI) missingForm(r *http.Request, t ticket.Ticket, refusal error) (*MissingForm, error) {
	var missing *ticket.MissingError
	var ve *domain.ValidationError
	ask := slices.Clone(r.PostForm["ask"])
	switch {
	case errors.As(refusal, &missing):
		for _, name := range missing.Missing {
			if !slices.Contains(ask, name) {
				ask = append(ask, name)
			}
		}
	case len(ask) == 0 || !errors.As(refusal, &ve):
		return nil, nil
	}
	errors.As(refusal, &ve)
	pl, err := u.s.Pipelines.Get(r.Context(), t.PipelineID)
	if err != nil {
		return nil, err
	}
	st, ok := pl.Find(strings.TrimSpace(r.PostFormValue("status")))
	if !ok {
		return nil, nil // the status itself is wrong: say so as any refusal
	}
	f := &MissingForm{CSRF: csrfToken(r), TicketID: t.ID, Number: t.Number, StatusID: st.ID, StatusName: st.Name,
		Ask: ask, Back: boardURL(t.PipelineID)}
	if f.Inputs, err = u.propInputs(r.Context(), ask, r.PostForm, ve.Fields); err != nil {
		return nil, err
	}
	for field, m := range ve.Fields {
		if !slices.Contains(ask, strings.TrimPrefix(field, "fields.")) {
			f.Error = sentence(field, m)
		}
	}
	return f, nil
}

// askMissing answers a refused move with the form: alone for the board's
// script, which shows it in a dialog; else within the board page.
func (u *UI) askMissing(w http.ResponseWriter, r *http.Request, t ticket.Ticket, f *MissingForm) error {
	if r.Header.Get(fetchHeader) != "" {
		w.Header().Set("Cache-Control", "no-store")
		return u.pages.block(w, http.StatusUnprocessableEntity, "board", "missing", f)
	}
	v, err := u.boardView(r.Context(), u.base(r, csrfToken(r)), t.PipelineID, viewer(r), boardQuery{})
	if err != nil {
		return err
	}
	v.Missing = f
	return u.render(w, r, http.StatusUnprocessableEntity, "board", "", v)
}
