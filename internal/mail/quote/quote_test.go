package quote_test

import (
	"testing"

	"github.com/frontdesk/frontdesk/internal/mail/quote"
)

func TestSplit(t *testing.T) {
	cases := []struct {
		name, text, fresh string
		folded            bool
	}{
		{"gmail", "Thanks, it works.\n\nOn Mon, 16 Nov 2026 at 10:00, Support <s@x.example> wrote:\n> Try again.\n", "Thanks, it works.", true},
		{"gmail wrapped", "Thanks.\n\nOn Mon, 16 Nov 2026 at 10:00, Support Team <support@example.com>\nwrote:\n> Try again.", "Thanks.", true},
		{"german", "Danke!\n\nAm 16.11.2026 um 10:00 schrieb Support <s@x.example>:\n> Bitte neu starten.", "Danke!", true},
		{"outlook", "It smokes.\n\n-----Original Message-----\nFrom: Support\nSent: Monday\n\nUnplug it.", "It smokes.", true},
		{"outlook headers", "It smokes.\n\nFrom: Support <s@x.example>\nSent: Monday, 16 November 2026 10:00\nTo: Alice\n\nUnplug it.", "It smokes.", true},
		{"signature", "See you.\n-- \nAlice Smith\nACME Inc.", "See you.", true},
		{"inline answers stay", "> Which model?\nLaserJet 4.\n> Which year?\n2019.", "> Which model?\nLaserJet 4.\n> Which year?\n2019.", false},
		{"nothing quoted", "Just a question.\nAnother line.", "Just a question.\nAnother line.", false},
		{"only a quote", "> everything quoted", "> everything quoted", false},
	}
	for _, c := range cases {
		p := quote.Split(c.text)
		if p.Fresh != c.fresh || (p.Quoted != "") != c.folded {
			t.Errorf("%s: Split = %+v, want fresh %q folded=%v", c.name, p, c.fresh, c.folded)
		}
	}
}
