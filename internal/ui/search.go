package ui

import (
	"net/http"
	"strings"

	"github.com/frontdesk/frontdesk/internal/contact"
)

// How many contacts and tickets one search lists; a search that finds
// more is too broad to read, and says so.
const (
	searchContacts = 8
	searchTickets  = 25
)

// SearchView is the top bar's search: the people, then the tickets.
type SearchView struct {
	Base
	Q        string
	Contacts []ContactRow
	Tickets  []TicketRow
	Full     bool // a list reached its limit: more may match
}

// search finds tickets by number, customer (full name, a prefix of it,
// address or domain) and words, open or closed, with the matching
// contacts; the contacts found lead to their tickets.
func (u *UI) search(w http.ResponseWriter, r *http.Request) error {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	v := SearchView{Base: u.base(r, csrfToken(r)), Q: q}
	v.Section, v.SearchQ = "search", q
	if q == "" {
		return u.render(w, r, http.StatusOK, "search", "", v)
	}
	people, _, err := u.s.Contacts.List(r.Context(), contact.Filter{Q: q, Limit: searchContacts})
	if err != nil {
		return err
	}
	ids := make([]int64, len(people))
	for i, c := range people {
		ids[i] = c.ID
	}
	found, err := u.s.Tickets.Find(r.Context(), q, ids, searchTickets)
	if err != nil {
		return err
	}
	v.Contacts, v.Tickets = contactRows(people, 0), ticketRows(found, u.now())
	v.Full = len(people) == searchContacts || len(found) == searchTickets
	return u.render(w, r, http.StatusOK, "search", "", v)
}
