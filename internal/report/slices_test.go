package report_test

import (
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/report"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// TestSlicesGiveTheFullKeysFigures writes a random history and expects
// every report a slice answers (no filter, a team, a channel, a priority,
// an operator; business and wall time; a period with a backlog carried
// in) to be the same read from the slices as from the full-key roll-ups,
// as the record writes them and after a rebuild.
func TestSlicesGiveTheFullKeysFigures(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		randomHistory(k, 300)
		check := func(when string) {
			for _, p := range []report.Query{{From: "2026-03-02", To: "2026-03-25"}, {From: "2026-03-10", To: "2026-03-16"}} {
				for _, q := range []report.Query{{}, {Team: "sales"}, {Channel: "email"}, {Channel: "chat"},
					{Priority: "2"}, {Priority: "0"}, {Operator: k.agent.Email}, {Team: "support", Priority: "3"},
					{Team: "sales", Channel: "web_form"}, {Team: "support", Operator: k.agent.Email}} {
					for _, tm := range []string{"business", "wall"} {
						q.From, q.To, q.Time = p.From, p.To, tm
						f, err := k.s.Reports.Check(k.ctx, admin, q)
						if err != nil {
							t.Fatal(err)
						}
						want, err := k.s.Reports.TicketsByFullKey(k.ctx, f)
						if err != nil {
							t.Fatal(err)
						}
						got := k.tickets(admin, q)
						if brief(got) != brief(want) {
							t.Errorf("%s, %+v: the slices say\n%s\nthe full key says\n%s", when, q, brief(got), brief(want))
						}
					}
				}
			}
		}
		check("live")
		if _, err := k.s.Reports.Rebuild(k.ctx, nil); err != nil {
			t.Fatal(err)
		}
		check("rebuilt")
	})
}
