package report_test

import (
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/report"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// Satisfaction over the fixed history: three closes (T1 once, T2 twice)
// and two mail ratings, T1 (Ada's) Satisfied, T2 Okay then changed to
// Dissatisfied; and the chat history's ratings (3 of 4 sessions, 1
// Satisfied).
func TestSatisfaction(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newChatDesk(t, d)
		history(k.desk)
		chatHistory(k)
		t1, t2 := ticketBySubjectOrder(k, 0), ticketBySubjectOrder(k, 3)
		rate := func(id int64, r, comment string, changed bool) {
			t.Helper()
			got, err := k.s.Reports.RateTicket(k.ctx, id, r, comment, at("2026-03-31 12:00"))
			if err != nil || got.Changed != changed {
				t.Fatalf("rate %d %s: changed %v, %v; want changed %v", id, r, got.Changed, err, changed)
			}
		}
		rate(t1, "satisfied", "", true)
		rate(t1, "satisfied", "", false) // a second click of the same face: nothing
		rate(t2, "okay", "Slow but fine", true)
		rate(t2, "dissatisfied", "", true) // changed their mind: the count moves, the comment stays
		if r, _, _ := k.s.Reports.TicketRatingOf(k.ctx, t2); r.Rating != "dissatisfied" || r.Comment != "Slow but fine" {
			t.Errorf("T2's rating: %+v", r)
		}
		if _, err := k.s.Reports.RateTicket(k.ctx, t1, "great", "", at("2026-03-31 12:00")); err == nil {
			t.Error("an unknown rating was taken")
		}

		f, _ := k.s.Reports.Check(k.ctx, admin, report.Query{From: "2026-03-27", To: "2026-03-31"})
		r, err := k.s.Reports.Tickets(k.ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		// Mail: 2 ratings of 3 closes (66.7 %), 1 Satisfied of 2 (50 %).
		// Chat: 3 of 4 sessions (75 %), 1 of 3 (33.3 %). All: 5 of 7
		// (71.4 %), 2 of 5 Satisfied (40 %).
		want := `{"mail":{"rated":2,"satisfied":1,"okay":0,"dissatisfied":1,"rated_pct":66.7,"satisfied_pct":50},` +
			`"chat":{"rated":3,"satisfied":1,"okay":1,"dissatisfied":1,"rated_pct":75,"satisfied_pct":33.3},` +
			`"all":{"rated":5,"satisfied":2,"okay":1,"dissatisfied":2,"rated_pct":71.4,"satisfied_pct":40}}`
		if got := brief(r.Satisfaction); got != want {
			t.Errorf("satisfaction\n got %s\nwant %s", got, want)
		}
		// A channel filter leaves the chats out.
		fe, _ := k.s.Reports.Check(k.ctx, admin, report.Query{From: "2026-03-27", To: "2026-03-31", Channel: "email"})
		if r, _ := k.s.Reports.Tickets(k.ctx, fe); r.Satisfaction.Chat != nil || r.Satisfaction.Mail.Rated != 1 {
			t.Errorf("email only: %s", brief(r.Satisfaction))
		}
		ops, _ := k.s.Reports.Operators(k.ctx, f)
		// Ada: T1 rated of her 1 close; chats: 3 of her 4 sessions.
		if len(ops) != 1 || brief(ops[0].Satisfaction.Mail) != `{"rated":1,"satisfied":1,"okay":0,"dissatisfied":0,"rated_pct":100,"satisfied_pct":100}` ||
			ops[0].Satisfaction.Chat.Rated != 3 {
			t.Errorf("Ada's satisfaction: %s", brief(ops))
		}
	})
}

// ticketBySubjectOrder is the n-th ticket created (0: the first).
func ticketBySubjectOrder(k *chatDesk, n int) int64 {
	var id int64
	if err := k.s.DB.Read.QueryRowContext(k.ctx, `SELECT id FROM tickets ORDER BY id LIMIT 1 OFFSET $1`, n).Scan(&id); err != nil {
		k.t.Fatal(err)
	}
	return id
}
