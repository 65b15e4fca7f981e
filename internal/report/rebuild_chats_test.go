package report_test

import (
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/report"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// TestRebuildReplaysChats deletes the chat facts of the fixed chat
// history (sessions, days, histograms), rebuilds, and expects the chat
// report, the operator analysis and the sessions list as they were.
func TestRebuildReplaysChats(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newChatDesk(t, d)
		chatHistory(k)
		f, err := k.s.Reports.Check(k.ctx, admin, report.Query{From: "2026-03-29", To: "2026-04-01"})
		if err != nil {
			t.Fatal(err)
		}
		figures := func() string {
			r, err := k.s.Reports.Chats(k.ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			ops, _ := k.s.Reports.ChatOperators(k.ctx, f)
			list, _ := k.s.Reports.Sessions(k.ctx, f, report.SessionQuery{})
			return brief(r) + brief(ops) + brief(list)
		}
		before := figures()
		if r, _ := k.s.Reports.Chats(k.ctx, f); r.Totals.Sessions != 4 || r.Totals.Offline != 1 {
			t.Fatalf("the history has %d sessions and %d offline messages, want 4 and 1", r.Totals.Sessions, r.Totals.Offline)
		}
		for _, q := range []string{`DELETE FROM report_chat_sessions`, `DELETE FROM report_chat_days`,
			`DELETE FROM report_durations WHERE metric IN ('chat_wait', 'chat_duration')`} {
			if _, err := k.s.DB.Write.ExecContext(k.ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		if r, _ := k.s.Reports.Chats(k.ctx, f); r.Totals.Sessions != 0 {
			t.Fatalf("after deleting the chat facts %d sessions remain", r.Totals.Sessions)
		}
		n, err := k.s.Reports.RebuildChats(k.ctx, nil)
		if err != nil || n != 4 {
			t.Fatalf("rebuild: %d chats, %v; want 4", n, err)
		}
		if after := figures(); after != before {
			t.Errorf("the chat report after a rebuild\n got %s\nwant %s", after, before)
		}
		// The ticket rebuild leaves the chats alone, and a second chat
		// rebuild counts nothing twice.
		if _, err := k.s.Reports.Rebuild(k.ctx, nil); err != nil {
			t.Fatal(err)
		}
		if _, err := k.s.Reports.RebuildChats(k.ctx, nil); err != nil {
			t.Fatal(err)
		}
		if after := figures(); after != before {
			t.Errorf("the chat report after two rebuilds\n got %s\nwant %s", after, before)
		}
		offline, err := k.s.Tickets.List(k.ctx, ticket.Filter{Facts: &ticket.Facts{Kind: "offline", From: "2026-03-30",
			To: "2026-03-30", TeamID: k.support.ID, Priority: -1}, Limit: 50})
		if err != nil || len(offline.Items) != 1 || offline.Items[0].Subject != "Message from Ola" {
			t.Errorf("the offline messages of the 30th list %s, %v; want Ola's ticket", brief(offline.Items), err)
		}
	})
}
