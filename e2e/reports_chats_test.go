package e2e

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// gardenSession is a visitor's chat on the garden channel, as the widget
// makes it: answered by the admin or not, ended by the visitor, rated.
func gardenSession(t *testing.T, name string, answer bool, rating, comment string) {
	t.Helper()
	var out struct {
		Chat struct {
			ID int64 `json:"id"`
		} `json:"chat"`
		Token string `json:"token"`
	}
	visitorPost(t, "/widget/v1/chat/channels/"+chatSlug+"/chats", map[string]any{"visitor": "v-report-" + name,
		"name": name, "message": "Do you sell rakes?"}, &out)
	if answer {
		if code := chatAPI(t, "POST", fmt.Sprintf("/chats/%d/messages", out.Chat.ID), map[string]any{"body": "We do!"}, nil); code >= 300 {
			t.Fatalf("answer: %d", code)
		}
	}
	visitorPost(t, "/widget/v1/chat/chats/"+out.Token+"/end", map[string]any{}, nil)
	if rating != "" {
		visitorPost(t, "/widget/v1/chat/chats/"+out.Token+"/rating", map[string]any{"rating": rating, "comment": comment}, nil)
	}
}

// TestChatReports opens Reports → Chats for the garden team today: its
// charts are drawn, the missed count opens a list of as many sessions,
// each with its transcript, and the CSV holds the numbers of the table.
func TestChatReports(t *testing.T) {
	chatTeam(t)
	gardenSession(t, "Rosa", true, "satisfied", "Quick and kind "+chatPayload)
	gardenSession(t, "Ivy", false, "", "")
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	p.open("/reports")
	p.do(
		chromedp.Click(chromedp.CSS(`nav.tabs a[href^="/reports/chats"]`)),
		chromedp.WaitVisible(chromedp.CSS("#chat-days-table")),
	)
	today := time.Now().UTC().Format(time.DateOnly)
	p.open("/reports/chats?team=" + chatSlug + "&from=" + today + "&to=" + today)
	charts := get(p, chromedp.Evaluate[[]string](`[...document.querySelectorAll("figure.chart h2")].map(h => h.textContent)`))
	if strings.Join(charts, ",") != "Sessions, answered and missed,Time to answer,Ratings" {
		t.Errorf("charts %q", charts)
	}
	bars := get(p, chromedp.Evaluate[int](`document.querySelectorAll("#chart-chat-sessions rect.bar").length`))
	if bars == 0 {
		t.Error("the sessions chart draws no bars")
	}
	if get(p, chromedp.Evaluate[bool](`window.__pwned === 1`)) {
		t.Fatal("a rating comment ran as script")
	}
	live := get(p, chromedp.Evaluate[string](`document.querySelector("#live-panel [data-live=online]").textContent`))
	if live == "0" {
		t.Error("the live panel counts nobody online, yet the admin is")
	}
	p.screenshot("reports-chats")

	csv := get(p, chromedp.Evaluate[string](`fetch(document.querySelector("#chat-days-table").closest("section").querySelector("a[download]").href).then(r => r.text())`,
		chromedp.EvalAwaitPromise))
	row := get(p, chromedp.Evaluate[string](`(tr => [tr.dataset.date, ...["sessions", "missed", "tickets", "offline"].map(c =>
		tr.querySelector("td[data-col=" + c + "]").textContent.trim())].join(","))(document.querySelector("#chat-days-table tbody tr"))`))
	lines := strings.Split(strings.TrimSpace(csv), "\n")
	if len(lines) != 2 {
		t.Fatalf("the CSV of one day:\n%s", csv)
	}
	c := strings.Split(lines[1], ",")
	if got := strings.Join([]string{c[0], c[1], c[3], c[4], c[5]}, ","); got != row {
		t.Errorf("the CSV reads %s, the table %s", got, row)
	}

	missed := get(p, chromedp.Evaluate[string](`document.querySelector("#chat-days-table td[data-col=missed]").textContent.trim()`))
	if n, _ := strconv.Atoi(missed); n < 1 {
		t.Fatalf("Ivy left unanswered, yet today's missed count is %q", missed)
	}
	p.do(
		chromedp.Click(chromedp.CSS("#chat-days-table td[data-col=missed] a")),
		chromedp.WaitVisible(chromedp.CSS("#sessions-table")),
	)
	if !strings.HasPrefix(p.path(), "/chats/history") {
		t.Fatalf("the missed count leads to %s", p.path())
	}
	rows := get(p, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#sessions-table tbody tr")].map(tr => tr.querySelector("td").textContent)`))
	if fmt.Sprint(len(rows)) != missed || !strings.Contains(strings.Join(rows, ","), "Ivy") || strings.Contains(strings.Join(rows, ","), "Rosa") {
		t.Errorf("the missed count %s opens %q", missed, rows)
	}
	p.screenshot("reports-chats-missed")
	p.do(
		chromedp.Click(chromedp.CSS(`#sessions-table a[aria-label^="Transcript"]`)),
		chromedp.WaitVisible(chromedp.CSS("main")),
	)
	if !strings.HasPrefix(p.path(), "/chats/") || strings.HasPrefix(p.path(), "/chats/history") {
		t.Errorf("a session's transcript link leads to %s", p.path())
	}
}
