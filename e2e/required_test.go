package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// api sends one REST request as the admin and decodes the answer into out.
func api(t *testing.T, token, method, path string, body any, out any) {
	t.Helper()
	raw, _ := json.Marshal(body)
	req, _ := http.NewRequest(method, srv.url+"/api/v1"+path, bytes.NewReader(raw))
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode >= 300 {
		var e any
		_ = json.NewDecoder(res.Body).Decode(&e)
		t.Fatalf("%s %s: %d %v", method, path, res.StatusCode, e)
	}
	if out != nil {
		if err := json.NewDecoder(res.Body).Decode(out); err != nil {
			t.Fatal(err)
		}
	}
}

// dragTo drops ticket id's card on the column named col, as the browser
// would dispatch the drag events (see TestBoardMoves).
func dragTo(p *page, id int64, col string) {
	p.t.Helper()
	p.do(chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => {
		const card = document.getElementById("ticket-%d");
		const target = document.querySelector('.column[data-name=%q] .column-head');
		const dt = new DataTransfer();
		const fire = (el, type) => el.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: dt}));
		fire(card, "dragstart"); fire(target, "dragenter"); fire(target, "dragover"); fire(target, "drop"); fire(card, "dragend");
	})()`, id, col)))
}

// deals is the pipeline and ticket TestBoardAsksForRequiredProperties
// made, which TestTicketPageAsksForRequiredProperties goes on with.
var deals struct{ pipeline, ticket, number int64 }

// A card dragged into a status that requires an assignee and a priority
// asks for them in a dialog: cancelled, the card stays; given, it moves.
// Its own pipeline and team keep the seeded tickets out of it.
func TestBoardAsksForRequiredProperties(t *testing.T) {
	p := newPage(t)
	out, err := exec.CommandContext(context.Background(), srv.bin, "token", "create", "--db", srv.db,
		"--email", adminEmail).Output()
	if err != nil {
		t.Fatal(err)
	}
	token := strings.TrimSpace(string(out))
	var pl struct{ ID int64 }
	api(t, token, http.MethodPost, "/pipelines", map[string]any{"name": "Deals", "statuses": []map[string]any{
		{"name": "Lead", "kind": "open"},
		{"name": "Qualified", "kind": "open", "required": []string{"assignee", "priority"}},
		{"name": "Won", "kind": "closed", "required": []string{"tags"}}}}, &pl)
	api(t, token, http.MethodPost, "/teams", map[string]any{"name": "Deals", "pipeline_id": pl.ID}, nil)
	var tk struct{ ID, Number int64 }
	api(t, token, http.MethodPost, "/tickets", map[string]any{"subject": "Fleet renewal, 40 vans", "team": "deals",
		"description": "Renewing our fleet plan.", "contact": map[string]string{"email": "fleet@example.com"}}, &tk)

	p.signIn(adminEmail, adminPassword)
	p.open(fmt.Sprintf("/pipelines/%d/board", pl.ID))
	p.do(chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf("#ticket-%d", tk.ID))))

	dragTo(p, tk.ID, "Qualified")
	p.do(chromedp.WaitVisible(chromedp.CSS("#missing-dialog #req-assignee")))
	title := get(p, chromedp.Text(chromedp.CSS("#missing-title")))
	if !strings.Contains(title, "to Qualified") {
		t.Errorf("the dialog is titled %q", title)
	}
	if !get(p, chromedp.Evaluate[bool](`document.getElementById("missing-dialog").matches(":modal")`)) {
		t.Error("the dialog is not modal")
	}
	if col := columnOf(p, tk.ID); col != "Lead" {
		t.Errorf("while asking, the card is in %q, want Lead", col)
	}
	p.checkAxe("the board's required-properties dialog")
	p.screenshot("board-required-dialog")

	p.do(chromedp.Click(chromedp.CSS("#missing-dialog [data-cancel]")))
	p.do(chromedp.WaitNotVisible(chromedp.CSS("#missing-dialog")))
	if col := columnOf(p, tk.ID); col != "Lead" {
		t.Errorf("after Cancel the card is in %q, want Lead", col)
	}

	dragTo(p, tk.ID, "Qualified")
	p.do(
		chromedp.WaitVisible(chromedp.CSS("#missing-dialog #req-priority")),
		chromedp.SetValue(chromedp.CSS("#req-priority"), "2"),
		chromedp.Click(chromedp.CSS("#missing-dialog button[type=submit]")),
	)
	// Without an assignee it asks again, saying what is still missing: the
	// answer replaces the form, the priority no longer marked.
	p.do(chromedp.WaitNotPresent(chromedp.CSS("#req-priority-error")))
	waitOrDump(p, "#req-assignee-error")
	if v := get(p, chromedp.Evaluate[string](`document.getElementById("req-priority").value`)); v != "2" {
		t.Errorf("the asked-again form lost the priority: %q", v)
	}
	if msg := get(p, chromedp.Text(chromedp.CSS("#req-assignee-error"))); !strings.Contains(msg, "Required to enter Qualified") {
		t.Errorf("the assignee's message is %q", msg)
	}
	p.do(
		chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById("req-assignee");
			s.value = [...s.options].find(o => o.value !== "").value; })()`),
		chromedp.Click(chromedp.CSS("#missing-dialog button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`.column[data-name="Qualified"] #ticket-%d`, tk.ID))),
	)
	if open := get(p, chromedp.Evaluate[bool](`document.getElementById("missing-dialog").open`)); open {
		t.Error("the dialog stayed open after the move")
	}
	if status := get(p, chromedp.Text(chromedp.CSS("#board-status"))); !strings.Contains(status, "moved to Qualified") {
		t.Errorf("the live region says %q", status)
	}
	p.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#board .kcard")))
	if col := columnOf(p, tk.ID); col != "Qualified" {
		t.Errorf("after a reload the card is in %q, want Qualified", col)
	}
	meta := get(p, chromedp.Text(chromedp.CSS(fmt.Sprintf("#ticket-%d .kcard-meta", tk.ID))))
	if strings.Contains(meta, "Unassigned") {
		t.Errorf("the moved card is still unassigned: %q", meta)
	}
	p.screenshot("board-required-moved")
	deals.pipeline, deals.ticket, deals.number = pl.ID, tk.ID, tk.Number
}

// The ticket page: closing as Won (it requires a tag) without a tag is
// refused on the form, which keeps the choice and marks the tags; with
// a tag it goes through. Then the pipeline's settings.
func TestTicketPageAsksForRequiredProperties(t *testing.T) {
	if deals.ticket == 0 {
		t.Fatal("TestBoardAsksForRequiredProperties did not run or failed")
	}
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	tk, pl := struct{ ID, Number int64 }{deals.ticket, deals.number}, struct{ ID int64 }{deals.pipeline}

	// The ticket page: closing as Won without a tag is refused on the
	// form, which keeps the choice and marks the tags.
	p.open(fmt.Sprintf("/tickets/%d", tk.Number))
	p.do(
		chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById("status");
			s.value = [...s.options].find(o => o.text === "Won").value;
			s.dispatchEvent(new Event("change", {bubbles: true})); })()`),
		chromedp.WaitVisible(chromedp.CSS("#missing-notice")),
	)
	if msg := get(p, chromedp.Text(chromedp.CSS("#missing-notice"))); !strings.Contains(msg, "Won needs at least one tag") {
		t.Errorf("the ticket page says %q", msg)
	}
	if msg := get(p, chromedp.Text(chromedp.CSS("#tags-error"))); !strings.Contains(msg, "Required to enter Won") {
		t.Errorf("the tags say %q", msg)
	}
	p.screenshot("ticket-required-refused")
	p.do(
		chromedp.SendKeys(chromedp.CSS("#tags"), "fleet"),
		chromedp.Click(chromedp.CSS("form.props button[type=submit]")),
		chromedp.WaitNotPresent(chromedp.CSS("#missing-notice")),
	)
	if st := get(p, chromedp.Evaluate[string](`document.getElementById("status").selectedOptions[0].text`)); st != "Won" {
		t.Errorf("after adding a tag the ticket is in %q, want Won", st)
	}

	p.open(fmt.Sprintf("/settings/pipelines/%d", pl.ID))
	p.do(chromedp.WaitVisible(chromedp.CSS(".required-props")))
	p.screenshot("settings-pipeline-required")
	p.open("/settings/pipelines")
	p.do(chromedp.WaitVisible(chromedp.CSS(".pipelines-table")))
	p.screenshot("settings-pipelines-order")
}

// waitOrDump waits for sel, and on failure says what the board shows.
func waitOrDump(p *page, sel string) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 15*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(sel))); err == nil {
		return
	}
	state := get(p, chromedp.Evaluate[string](`JSON.stringify({dialog: document.getElementById("missing-dialog").outerHTML,
		error: document.getElementById("board-error").textContent, status: document.getElementById("board-status").textContent})`))
	p.t.Fatalf("no %s; the board: %s", sel, state)
}
