package ui

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// ContactsView is the contact list, or only its rows for "Load more".
type ContactsView struct {
	Base
	Q       string
	Rows    []ContactRow
	NextURL string
}

// ContactRow is one contact as the list shows it.
type ContactRow struct {
	ID                                      int64
	Name, Email, Company, ExternalID, Phone string
}

func contactRows(items []contact.Contact, skip int64) []ContactRow {
	rows := make([]ContactRow, 0, len(items))
	for _, c := range items {
		if c.ID == skip {
			continue
		}
		cu := contactCard(c)
		rows = append(rows, ContactRow{ID: c.ID, Name: cu.Name, Email: c.Email, Company: cu.Company,
			ExternalID: cu.ExternalID, Phone: c.Phone})
	}
	return rows
}

// ContactView is a contact's page: details, the edit form, the merge
// form and every ticket of the contact.
type ContactView struct {
	Base
	Contact  Customer
	Notes    string
	Form     ContactForm
	Errors   map[string]string // per form field: first_name, emails, phone…
	Tickets  []TicketRow
	Timeline []TimelineItem // tickets and chats by time
	NextURL  string         // the next page of tickets
	EditOpen bool
}

// MergeView is the merge step: search for the other contact, then both
// side by side before anything happens.
type MergeView struct {
	Base
	Into     Customer  // the contact that is kept
	From     *Customer // the one to fold into it, once chosen
	Query    string
	Searched bool
	Results  []ContactRow
	Error    string
}

// contactID reads {id} from the path; anything but a number is a contact
// that does not exist.
func contactID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, httpx.NewError(http.StatusNotFound, "not_found", "There is no contact at this address.")
	}
	return id, nil
}

func contactURL(id int64) string { return "/contacts/" + strconv.FormatInt(id, 10) }

// contactTicketsPage is how many tickets the contact page lists at once.
const contactTicketsPage = 25

// contactPage gathers what the contact page shows, with the tickets from
// cursor on. Handlers that fail validation call it, then refill the form.
func (u *UI) contactPage(r *http.Request, c contact.Contact, cursor string) (ContactView, error) {
	v := ContactView{Base: u.base(r, csrfToken(r)), Contact: contactCard(c), Notes: c.Notes,
		Form: contactFormOf(c), Errors: map[string]string{}}
	v.Section = "contacts"
	page, err := u.s.Tickets.List(r.Context(), ticket.Filter{ContactID: c.ID, Limit: contactTicketsPage, Cursor: cursor,
		Viewer: viewer(r), Load: ticket.Row})
	if err != nil {
		return v, err
	}
	v.Tickets = ticketRows(page.Items, u.now())
	if v.Timeline, err = u.timeline(r, c.ID, v.Tickets, cursor == ""); err != nil {
		return v, err
	}
	if page.NextCursor != "" {
		v.NextURL = contactURL(c.ID) + "?" + url.Values{"cursor": {page.NextCursor}}.Encode()
	}
	return v, nil
}

// sentenceCase starts a domain message with a capital and ends it with a
// full stop.
func sentenceCase(msg string) string {
	msg = strings.TrimSuffix(strings.TrimSpace(msg), ".")
	if msg == "" {
		return msg
	}
	return strings.ToUpper(msg[:1]) + msg[1:] + "."
}

// MergeCard is one side of the merge confirmation.
type MergeCard struct {
	Role, Class string
	Contact     Customer
}

// FromCard is the contact that will be folded in and removed.
func (v MergeView) FromCard() MergeCard {
	return MergeCard{Role: "Merged, then removed", Class: "merge-from", Contact: *v.From}
}

// IntoCard is the contact that is kept.
func (v MergeView) IntoCard() MergeCard {
	return MergeCard{Role: "Kept", Class: "merge-into", Contact: v.Into}
}

// contactCard is the contact as the contact pages show it: one known only
// by an external id is named by its number.
func contactCard(c contact.Contact) Customer {
	cu := customerOf(c)
	if strings.TrimSpace(cu.Name) == "" {
		cu.Name = "Contact #" + strconv.FormatInt(c.ID, 10)
	}
	return cu
}
