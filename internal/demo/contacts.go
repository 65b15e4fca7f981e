package demo

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// person is a demo customer; id is set once the contact exists.
type person struct {
	id                 int64
	first, last, email string
	phone, externalID  string
	company            string
	notes              string
}

type companySpec struct {
	name    string
	domains []string
}

var companySpecs = []companySpec{
	{"Harbor Coffee Roasters", []string{"harborcoffee.example"}},
	{"Northwind Property Management", []string{"northwind-pm.example", "northwind.example"}},
	{"Alder & Finch Architects", []string{"alderfinch.example"}},
	{"Kestrel Logistics", []string{"kestrel-logistics.example"}},
	{"Bluebell Dental Clinics", []string{"bluebelldental.example"}},
	{"Summit Student Housing", []string{"summithousing.example"}},
}

var firstNames = []string{"Emma", "Noah", "Olivia", "Lucas", "Ava", "Mateo", "Isabella", "Elias", "Mia", "Leon",
	"Charlotte", "Hugo", "Amelia", "Arjun", "Sophie", "Kenji", "Chloe", "Tariq", "Hannah", "Oscar", "Zara", "Felix",
	"Grace", "Ibrahim", "Lena", "Marco", "Nora", "Samuel", "Yuki", "Aisha", "Finn", "Clara", "Diego", "Freya",
	"Julia", "Kwame", "Ines", "Rafael", "Maja", "Theo"}

var lastNames = []string{"Schneider", "Johansson", "Rossi", "Dubois", "Kowalski", "Nguyen", "Murphy", "Fischer",
	"Silva", "Andersen", "Moreau", "Petrov", "Okoye", "Tanaka", "Brennan", "Haddad", "Lindqvist", "Costa", "Weber",
	"Novak", "Garcia", "Walsh", "Yilmaz", "Berg", "Laurent", "Mensah", "Kaur", "Meyer", "Horvat", "Sato",
	"Van Dijk", "O'Connor", "Ferreira", "Nowak", "Jensen", "Bianchi"}

var personalDomains = []string{"example.com", "example.net", "example.org", "mail.example", "inbox.example"}

var contactNotes = []string{
	"Prefers phone calls in the afternoon.",
	"Runs 14 Loop Hubs across their rental flats; check the whole account before answering.",
	"Beta tester for firmware 3.9. Happy to try fixes early.",
	"Had a rough start with two damaged deliveries in 2023; be extra careful.",
	"Writes in English, but German is their first language.",
	"Installer by trade: technical answers welcome, skip the basics.",
}

// ensureCompanies creates the demo companies; one whose domain is taken
// already exists and is left alone.
func (f *filler) ensureCompanies(ctx context.Context) error {
	for _, c := range companySpecs {
		_, err := f.s.Contacts.CreateCompany(ctx, c.name, c.domains)
		var ve *domain.ValidationError
		if errors.As(err, &ve) && ve.Fields["domains"] != "" {
			err = nil
		}
		if err != nil {
			return err
		}
	}
	f.sum.Companies = len(companySpecs)
	return nil
}

// ensureContacts creates the customers, reusing a contact that has the
// address already. Contacts at a company domain join that company.
func (f *filler) ensureContacts(ctx context.Context) error {
	f.taken = map[string]bool{}
	f.contacts = map[int64]bool{}
	for range f.opts.Contacts {
		p := f.newPerson()
		found, _, err := f.s.Contacts.List(ctx, contact.Filter{Email: p.email, Limit: 1})
		if err != nil {
			return err
		}
		if len(found) == 1 {
			p.id = found[0].ID
		} else if p.id, err = f.createContact(ctx, p); err != nil {
			return err
		}
		f.people = append(f.people, p)
		f.contacts[p.id] = true
	}
	return nil
}

func (f *filler) createContact(ctx context.Context, p *person) (int64, error) {
	extra := contact.Patch{}
	if p.notes != "" {
		extra.Notes = &p.notes
	}
	c, err := f.s.Contacts.Create(ctx, contact.Identity{Email: p.email, FirstName: p.first, LastName: p.last,
		Phone: p.phone, ExternalID: p.externalID}, extra)
	return c.ID, err
}

// newPerson makes up a customer with an address no other demo person has.
func (f *filler) newPerson() *person {
	p := &person{first: pick(f.rng, firstNames), last: pick(f.rng, lastNames)}
	first := strings.ToLower(p.first)
	last := strings.ToLower(strings.NewReplacer(" ", "", "'", "").Replace(p.last))
	var local, host string
	if f.chance(0.3) {
		c := pick(f.rng, companySpecs)
		p.company, host = c.name, pick(f.rng, c.domains)
		local = pick(f.rng, []string{first + "." + last, first[:1] + last, first})
	} else {
		host = pick(f.rng, personalDomains)
		local = pick(f.rng, []string{first + "." + last, first + last + fmt.Sprint(f.rng.IntN(90)+10),
			first[:1] + "." + last, first + "_" + last[:1]})
	}
	p.email = local + "@" + host
	for n := 2; f.taken[p.email]; n++ {
		p.email = fmt.Sprintf("%s%d@%s", local, n, host)
	}
	f.taken[p.email] = true
	f.fillDetails(p)
	return p
}

// fillDetails gives some people a phone, an id in the customer's own
// site (the widget passes it) or a note.
func (f *filler) fillDetails(p *person) {
	if f.chance(0.4) {
		p.phone = f.phone()
	}
	if f.chance(0.35) {
		p.externalID = fmt.Sprintf("usr_%08x", f.rng.Uint32())
	}
	if f.chance(0.12) {
		p.notes = pick(f.rng, contactNotes)
	}
}

// phone returns a number from the ranges set aside for fiction.
func (f *filler) phone() string {
	switch f.rng.IntN(3) {
	case 0:
		return fmt.Sprintf("+1 415 555 01%02d", f.rng.IntN(100))
	case 1:
		return fmt.Sprintf("+44 20 7946 0%03d", f.rng.IntN(1000))
	default:
		return fmt.Sprintf("+49 30 23125 %03d", f.rng.IntN(1000))
	}
}
