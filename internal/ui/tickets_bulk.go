package ui

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// ticketsBulk applies one change to the checked tickets of the inbox,
// each in its own update, so each ticket's pipeline decides whether a
// status name fits. A ticket the change does not fit is reported by
// number and reason. The answer is a redirect (303) to the inbox with
// the summary, so reloading the page does not apply the change again.
func (u *UI) ticketsBulk(w http.ResponseWriter, r *http.Request) error {
	back, _ := url.Parse(safeInboxURL(r.PostFormValue("back")))
	p, problem := bulkPatch(r)
	if problem != "" {
		return u.inboxPage(w, r, back.Query(), problem, http.StatusUnprocessableEntity)
	}
	sc, _ := fromContext(r.Context())
	p.ActorID = sc.operator.ID
	updated, skipped := 0, []string{}
	for _, raw := range r.PostForm["ids"] {
		id, err := strconv.ParseInt(raw, 10, 64)
		if err != nil {
			continue
		}
		t, err := u.s.Tickets.Get(r.Context(), id)
		if errors.Is(err, domain.ErrNotFound) {
			skipped = append(skipped, "ticket "+raw+" no longer exists")
			continue
		} else if err != nil {
			return err
		}
		_, err = u.s.Tickets.Update(r.Context(), id, p)
		var ve *domain.ValidationError
		switch {
		case errors.As(err, &ve):
			skipped = append(skipped, bulkRefusal(t, p, err, ve))
		case err != nil:
			return err
		default:
			updated++
		}
	}
	u.setFlash(w, bulkSummary(updated, skipped))
	http.Redirect(w, r, back.String(), http.StatusSeeOther)
	return nil
}

// bulkPatch reads the change to make, or says what is missing; empty
// fields change nothing.
func bulkPatch(r *http.Request) (ticket.Patch, string) {
	var p ticket.Patch
	if len(r.PostForm["ids"]) == 0 {
		return p, "Select at least one ticket first."
	}
	if a := strings.TrimSpace(r.PostFormValue("assignee")); a != "" {
		if a == "none" {
			a = ""
		}
		p.Assignee = &a
	}
	if st := strings.TrimSpace(r.PostFormValue("status")); st != "" {
		p.Status = &st
	}
	if v := r.PostFormValue("priority"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > ticket.MaxPriority {
			return p, "Choose a priority from 0 to 3."
		}
		p.Priority = &n
	}
	if p.Assignee == nil && p.Status == nil && p.Priority == nil {
		return p, "Choose what to change: assignee, status or priority."
	}
	return p, ""
}

// bulkRefusal says why one ticket was left as it was.
func bulkRefusal(t ticket.Ticket, p ticket.Patch, err error, ve *domain.ValidationError) string {
	num := "#" + id64(t.Number)
	var missing *ticket.MissingError
	if errors.As(err, &missing) {
		return fmt.Sprintf("%s lacks %s to enter %s", num, joinAnd(missing.Missing), missing.Status.Name)
	}
	if _, bad := ve.Fields["status"]; bad && p.Status != nil {
		return fmt.Sprintf("%s has no status '%s'", num, *p.Status)
	}
	for f, m := range ve.Fields {
		return num + ": " + strings.TrimSuffix(sentence(f, m), ".")
	}
	return num + ": " + ve.Error()
}

// bulkSummary is "7 tickets updated, 1 skipped: #1042 has no status 'Waiting'".
func bulkSummary(updated int, skipped []string) string {
	s := fmt.Sprintf("%d tickets updated", updated)
	if updated == 1 {
		s = "1 ticket updated"
	}
	if len(skipped) > 0 {
		s += fmt.Sprintf(", %d skipped: %s", len(skipped), strings.Join(skipped, "; "))
	}
	return s + "."
}
