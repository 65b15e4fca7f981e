package ui_test

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

func TestBoard(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		low := e.open("Low thing", 0, "")
		high := e.open("Printer on fire", 3, "agent@example.com")
		waiting := e.open("<b>Waiting</b> on parts", 1, "")
		if _, err := e.s.Tickets.Update(ctx, waiting.ID, ticket.Patch{Status: testutil.Ptr("Waiting")}); err != nil {
			t.Fatal(err)
		}
		board := fmt.Sprintf("/pipelines/%d/board", high.PipelineID)

		res, _ := e.do(e.client("agent"), http.MethodGet, "/board", nil, nil)
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != board {
			t.Fatalf("/board: %d to %q, want %s", res.StatusCode, res.Header.Get("Location"), board)
		}
		cases := []struct {
			name, as, path       string
			status               int
			contains, notContain []string
		}{
			{"needs a session", "", board, http.StatusSeeOther, nil, []string{"Printer on fire"}},
			{"unknown pipeline", "agent", "/pipelines/999999/board", http.StatusNotFound, nil, nil},
			{"not a number", "agent", "/pipelines/x/board", http.StatusNotFound, nil, nil},
			{"columns and cards", "agent", board, http.StatusOK, []string{`aria-current="page">Board`,
				fmt.Sprintf(`href="/tickets/%d"`, high.Number), "Priority: urgent (3 of 3)", "Ada Lovelace", "The agent",
				"Unassigned", fmt.Sprintf(`href="/tickets/%d"`, low.Number), `<template id="move-menu">`, `name="_csrf"`,
				`draggable="true"`,
				"&lt;b&gt;Waiting&lt;/b&gt; on parts"}, []string{"<b>Waiting"}},
		}
		for _, tc := range cases {
			res, body := e.do(e.client(tc.as), http.MethodGet, tc.path, nil, nil)
			if res.StatusCode != tc.status {
				t.Fatalf("%s: %d, want %d: %s", tc.name, res.StatusCode, tc.status, body)
			}
			expect(t, tc.name, body, tc.contains, tc.notContain)
		}
		_, body := e.do(e.client("agent"), http.MethodGet, board, nil, nil)
		// Columns in pipeline order; in "New" the urgent card before the low one.
		expectOrder(t, "board", body, []string{`<h2 id="col-`, ">New</h2>", "Printer on fire", "Low thing",
			">In Progress</h2>", ">Waiting</h2>", "Waiting&lt;/b&gt; on parts", ">Closed</h2>", "closed"})
	})
}

func TestBoardMove(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		sales, err := e.s.Pipelines.Create(ctx, "Sales", []pipeline.StatusInput{{Name: "Lead", Kind: pipeline.Open},
			{Name: "Won", Kind: pipeline.Closed}})
		if err != nil {
			t.Fatal(err)
		}
		tk := e.open("Refund please", 1, "")
		pl, err := e.s.Pipelines.Get(ctx, tk.PipelineID)
		if err != nil {
			t.Fatal(err)
		}
		waiting, _ := pl.Find("Waiting")
		board := fmt.Sprintf("/pipelines/%d/board", tk.PipelineID)
		move := fmt.Sprintf("/tickets/%d/status", tk.Number)
		fetch := map[string]string{"X-Frontdesk-Fetch": "1"}
		cases := []struct {
			name       string
			form       url.Values
			csrf       bool
			hdr        map[string]string
			status     int
			location   string
			contains   []string
			wantStatus string
		}{
			{"no csrf", url.Values{"status": {fmt.Sprint(waiting.ID)}}, false, nil, http.StatusForbidden, "", nil, "New"},
			{"no csrf from script", url.Values{"status": {fmt.Sprint(waiting.ID)}}, false, fetch, http.StatusForbidden, "", nil, "New"},
			{"form", url.Values{"status": {fmt.Sprint(waiting.ID)}}, true, nil, http.StatusSeeOther,
				board + fmt.Sprintf("?moved=%d#ticket-%d", tk.ID, tk.ID), nil, "Waiting"},
			{"other pipeline's status", url.Values{"status": {fmt.Sprint(sales.Statuses[0].ID)}}, true, nil,
				http.StatusUnprocessableEntity, "", []string{`role="alert"`, "was not moved", "Refund please"}, "Waiting"},
			{"script", url.Values{"status": {"In Progress"}}, true, fetch, http.StatusNoContent, "", nil, "In Progress"},
			{"script refused", url.Values{"status": {"Won"}}, true, fetch, http.StatusUnprocessableEntity, "",
				[]string{`"Won" belongs to pipeline "Sales", not to this ticket's pipeline "Support".`}, "In Progress"},
		}
		for _, tc := range cases {
			c := e.client("agent")
			if tc.csrf {
				tc.form.Set("_csrf", e.csrf(c, board))
			}
			res, body := e.do(c, http.MethodPost, move, tc.form, tc.hdr)
			if res.StatusCode != tc.status {
				t.Fatalf("%s: %d, want %d: %s", tc.name, res.StatusCode, tc.status, body)
			}
			if loc := res.Header.Get("Location"); loc != tc.location {
				t.Errorf("%s: to %q, want %q", tc.name, loc, tc.location)
			}
			expect(t, tc.name, body, tc.contains, nil)
			got, err := e.s.Tickets.Get(ctx, tk.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Status.Name != tc.wantStatus {
				t.Errorf("%s: status %q, want %q", tc.name, got.Status.Name, tc.wantStatus)
			}
		}
		_, body := e.do(e.client("agent"), http.MethodGet, board+fmt.Sprintf("?moved=%d", tk.ID), nil, nil)
		expect(t, "flash", body, []string{"is now in In Progress."}, nil)
		events, err := e.s.Tickets.History(ctx, tk.ID)
		if err != nil {
			t.Fatal(err)
		}
		var moves []string
		for _, ev := range events {
			if ev.Kind == ticket.EventStatus {
				moves = append(moves, fmt.Sprint(ev.Data["to"]))
				if ev.Actor == nil || ev.Actor.ID != e.ids["agent"] {
					t.Errorf("status event by %+v, want the agent", ev.Actor)
				}
			}
		}
		if fmt.Sprint(moves) != "[Waiting In Progress]" {
			t.Errorf("history of moves: %v", moves)
		}
	})
}

// A column's count is the status's total, though it shows 20 cards;
// each card moves through a menu, not a select. "Show more" gives the
// next 20 in place (HX-Request: the cards alone) or, without script, the
// board with the column at them.
func TestBoardCountsTotals(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		var tk ticket.Ticket
		for i := range 52 {
			tk = e.open(fmt.Sprintf("Question %02d", i), 0, "")
		}
		board := fmt.Sprintf("/pipelines/%d/board", tk.PipelineID)
		body := e.getAs("agent", board, http.StatusOK)
		expect(t, "board", body, []string{`title="Tickets in New">52<span class="sr"> tickets</span>`,
			`class="move-menu"`, `aria-keyshortcuts="m"`, `Show more<span class="sr"> New tickets</span>`},
			[]string{`<select id="move-`, "Back to the first cards"})
		if n := strings.Count(body, `<li class="kcard`); n != 20 {
			t.Errorf("the board shows %d cards, want 20", n)
		}
		// The newest first at equal priority: 51 down to 32, then 31 down to 12.
		expectOrder(t, "first cards", body, []string{"Question 51", "Question 32"})
		expect(t, "first cards", body, nil, []string{"Question 31"})
		more := showMoreURL(t, body)
		hx := map[string]string{"HX-Request": "true"}
		res, cards := e.do(e.client("agent"), http.MethodGet, more, nil, hx)
		if res.StatusCode != http.StatusOK || strings.Contains(cards, "<html") {
			t.Fatalf("show more: %d, want the cards alone: %s", res.StatusCode, cards)
		}
		if n := strings.Count(cards, `<li class="kcard`); n != 20 {
			t.Errorf("show more gives %d cards, want 20", n)
		}
		expectOrder(t, "next cards", cards, []string{"Question 31", "Question 12", "Show more"})
		_, last := e.do(e.client("agent"), http.MethodGet, showMoreURL(t, cards), nil, hx)
		if n := strings.Count(last, `<li class="kcard`); n != 12 || strings.Contains(last, "Show more") {
			t.Errorf("the last cards: %d cards, want 12 and no Show more:\n%s", n, last)
		}
		// Without script the link is a page: the board, that column at its next cards.
		page := e.getAs("agent", more, http.StatusOK)
		expect(t, "no script", page, []string{"<html", "Question 31", "Back to the first cards", `title="Tickets in New">52<`},
			[]string{"Question 32"})
		for _, bad := range []string{board + "?column=999999&cursor=x", board + "?column=" + fmt.Sprint(tk.Status.ID) + "&cursor=nonsense"} {
			for _, h := range []map[string]string{nil, hx} {
				if res, body := e.do(e.client("agent"), http.MethodGet, bad, nil, h); res.StatusCode < 400 || res.StatusCode >= 500 {
					t.Errorf("%s (%v): %d, want a 4xx: %s", bad, h, res.StatusCode, body)
				}
			}
		}
	})
}

// showMoreURL is the address of the Show more link in body.
func showMoreURL(t *testing.T, body string) string {
	t.Helper()
	m := regexp.MustCompile(`href="([^"]+)" hx-get="[^"]+"[^>]*>Show more`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no Show more link:\n%s", body)
	}
	return html.UnescapeString(m[1])
}
