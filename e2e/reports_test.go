package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestReports opens Reports from the navigation: the charts are drawn,
// today's created count opens an inbox list of as many tickets, and the
// CSV download holds the numbers of the days table.
func TestReports(t *testing.T) {
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	p.do(
		chromedp.Click(chromedp.CSS(`#main-nav a[href="/reports"]`)),
		chromedp.WaitVisible(chromedp.CSS("#days-table")),
	)
	p.open("/reports?period=today")
	charts := get(p, chromedp.Evaluate[[]string](`[...document.querySelectorAll("figure.chart:not(.heat-map)")].map(f =>
		f.querySelector("h2").textContent + ":" + f.querySelectorAll("svg rect.bar, svg circle.dot").length)`))
	if strings.Join(charts, ",") == "" || len(charts) != 4 {
		t.Fatalf("charts %q, want four", charts)
	}
	if !strings.HasPrefix(charts[0], "Created and closed:") || charts[0] == "Created and closed:0" {
		t.Errorf("the created and closed chart draws no bars: %q", charts)
	}
	hover := get(p, chromedp.Evaluate[string](`document.querySelector("#chart-volume rect.bar title").textContent`))
	if !strings.Contains(hover, "Created: ") {
		t.Errorf("a bar's hover text is %q, want the day's created count", hover)
	}
	busy := get(p, chromedp.Evaluate[int](`[...document.querySelectorAll("#chart-heat rect.heat")].filter(r => !r.classList.contains("h0")).length`))
	if busy == 0 {
		t.Error("the heat map shades no hour, yet tickets were created today")
	}
	p.screenshot("reports")
	created := get(p, chromedp.Evaluate[string](`document.querySelector("#days-table td[data-col=created]").textContent.trim()`))
	if created == "0" {
		t.Fatal("no ticket created today in the report, yet the tests seeded some")
	}

	csv := get(p, chromedp.Evaluate[string](`fetch(document.querySelector("a[download]").href).then(r => r.text())`,
		chromedp.EvalAwaitPromise))
	table := get(p, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#days-table tbody tr")].map(tr =>
		[tr.dataset.date, ...["created", "closed", "backlog"].map(c => tr.querySelector("td[data-col=" + c + "]").textContent.trim())].join(","))`))
	lines := strings.Split(strings.TrimSpace(csv), "\n")
	if len(lines) != len(table)+1 {
		t.Fatalf("the CSV has %d lines, want a header and %d days:\n%s", len(lines), len(table), csv)
	}
	for i, row := range table {
		cells := strings.Split(lines[i+1], ",")
		if got := strings.Join([]string{cells[0], cells[1], cells[2], cells[4]}, ","); got != row {
			t.Errorf("CSV day %d reads %s, the table %s", i, got, row)
		}
	}

	p.do(
		chromedp.Click(chromedp.CSS("#days-table td[data-col=created] a")),
		chromedp.WaitVisible(chromedp.CSS("main")),
	)
	if !strings.HasPrefix(p.path(), "/inbox") {
		t.Fatalf("the created count leads to %s, want the inbox", p.path())
	}
	rows := loadAllRows(p)
	if want := created; want != fmt.Sprint(rows) {
		t.Errorf("the inbox opened from %s created tickets lists %d", want, rows)
	}
	p.screenshot("reports-drilldown")

	p.open("/reports?from=2026-03-02&to=2026-03-01")
	msg := get(p, chromedp.Evaluate[string](`document.querySelector(".alert").textContent`))
	if !strings.Contains(msg, "To: must not be before from") {
		t.Errorf("a period ending before it starts says %q", msg)
	}
	p.screenshot("reports-error")
}

// loadAllRows presses the inbox's Load more until the list is whole and
// returns how many rows it holds.
func loadAllRows(p *page) int {
	p.t.Helper()
	count := func() int { return get(p, chromedp.Evaluate[int](`document.querySelectorAll("li.ticket").length`)) }
	rows := count()
	for range 40 {
		if !get(p, chromedp.Evaluate[bool](`!!document.querySelector("#tickets li.more a")`)) {
			return rows
		}
		p.do(chromedp.Click(chromedp.CSS("#tickets li.more a")))
		for deadline := time.Now().Add(10 * time.Second); count() == rows && time.Now().Before(deadline); {
			time.Sleep(100 * time.Millisecond)
		}
		rows = count()
	}
	return rows
}
