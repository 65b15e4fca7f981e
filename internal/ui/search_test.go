package ui_test

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// The top bar's search lists the customers and the tickets a query finds,
// escaped, and says so when nothing matches; strangers are sent to sign in.
func TestSearchPage(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ines := contact.Identity{Email: "ines@yilmaz.example", FirstName: "Ines", LastName: "Yilmaz"}
		tk := e.openFor("Invoice <b>twice</b>", 1, ines)
		other := e.openFor("Parcel lost", 0, contact.Identity{Email: "ben@other.example"})
		link := fmt.Sprintf(`href="/tickets/%d"`, tk.Number)
		cases := []struct {
			name, as, q          string
			status               int
			contains, notContain []string
		}{
			{"number", "agent", fmt.Sprint(tk.Number), 200, []string{link, "Invoice &lt;b&gt;twice&lt;/b&gt;"},
				[]string{"Parcel lost", "<b>twice"}},
			{"full name", "agent", "Ines Yilmaz", 200, []string{link, `href="/contacts/`, "ines@yilmaz.example"},
				[]string{"Parcel lost"}},
			{"email", "agent", "ben@other.example", 200, []string{fmt.Sprintf(`href="/tickets/%d"`, other.Number)},
				[]string{link}},
			{"nothing", "agent", "zebra <i>", 200, []string{"Nothing matches “zebra &lt;i&gt;”"}, []string{"<i>"}},
			{"empty", "agent", "", 200, []string{"Search tickets and customers"}, nil},
			{"needs a session", "", "Ines", http.StatusSeeOther, nil, []string{"ines@yilmaz.example"}},
		}
		for _, tc := range cases {
			res, body := e.do(e.client(tc.as), http.MethodGet, "/search?q="+url.QueryEscape(tc.q), nil, nil)
			if res.StatusCode != tc.status {
				t.Fatalf("%s: %d, want %d", tc.name, res.StatusCode, tc.status)
			}
			expect(t, tc.name, body, tc.contains, tc.notContain)
		}
	})
}
