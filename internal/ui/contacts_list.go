package ui

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/contact"
)

// contactsPage is how many contacts the list shows at once.
const contactsPage = 50

// contactsList searches the contacts, newest first. ?q matches the start
// of a first name, last name or email address. With HX-Request only the
// rows are sent: what "Load more" appends.
func (u *UI) contactsList(w http.ResponseWriter, r *http.Request) error {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	after, _ := strconv.ParseInt(r.URL.Query().Get("after"), 10, 64)
	items, next, err := u.s.Contacts.List(r.Context(), contact.Filter{Q: q, Limit: contactsPage, After: after})
	if err != nil {
		return err
	}
	v := ContactsView{Base: u.base(r, csrfToken(r)), Q: q, Rows: contactRows(items, 0)}
	v.Section = "contacts"
	if next > 0 {
		query := url.Values{"after": {strconv.FormatInt(next, 10)}}
		if q != "" {
			query.Set("q", q)
		}
		v.NextURL = "/contacts?" + query.Encode()
	}
	return u.render(w, r, http.StatusOK, "contacts", "contact-rows", v)
}
