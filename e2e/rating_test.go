package e2e

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// ratingPath is the closed mail's rating link of a ticket: its id signed
// with HMAC-SHA256 under the ticket's public token (docs/reports.md).
func ratingPath(id int64, publicURL string) string {
	token := publicURL[strings.LastIndex(publicURL, "/")+1:]
	m := hmac.New(sha256.New, []byte(token))
	m.Write([]byte("rating:" + strconv.FormatInt(id, 10)))
	return "/rate/" + strconv.FormatInt(id, 10) + "." + base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// TestRatingPage follows the rating link of a closed mail: one click
// records Satisfied, the page takes a change of mind with a comment, and
// the ticket report counts the rating.
func TestRatingPage(t *testing.T) {
	var tk struct {
		ID        int64  `json:"id"`
		PublicURL string `json:"public_url"`
	}
	if code := chatAPI(t, "POST", "/tickets", map[string]any{"subject": "Hedge trimmer <b>stuck</b>", "team": "support",
		"description": "It hums.", "contact": map[string]string{"email": "rater@example.com", "first_name": "Rae"}}, &tk); code != http.StatusCreated {
		t.Fatalf("create ticket: %d", code)
	}
	link := ratingPath(tk.ID, tk.PublicURL)
	p := newPage(t)
	p.open(link + "?r=satisfied")
	p.do(chromedp.WaitVisible(chromedp.CSS(".rating-form")))
	if !get(p, chromedp.Evaluate[bool](`document.querySelector("input[value=satisfied]").checked`)) {
		t.Fatal("one click did not record Satisfied")
	}
	p.waitText(".flash", "your rating reached the team")
	p.checkAxe("the rating page")
	p.screenshot("rating")
	p.do(
		chromedp.Click(chromedp.CSS("input[value=dissatisfied]")),
		chromedp.SendKeys(chromedp.CSS("#comment"), "Still stuck <script>window.__pwned=1</script>"),
		chromedp.Click(chromedp.CSS(".rating-form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	p.waitText(".flash", "your rating and comment reached the team")
	if !get(p, chromedp.Evaluate[bool](`document.querySelector("input[value=dissatisfied]").checked && !window.__pwned`)) ||
		!strings.Contains(get(p, chromedp.Evaluate[string](`document.querySelector("#comment").value`)), "<script>") {
		t.Error("the change of mind or its comment did not stay, as text")
	}
	p.do(chromedp.EmulateViewport(390, 844))
	if w := get(p, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); w > 390 {
		t.Errorf("the rating page is %dpx wide at 390px", w)
	}
	p.screenshot("rating-saved")

	admin := newPage(t)
	admin.signIn(adminEmail, adminPassword)
	admin.open("/reports?period=today")
	sat := get(admin, chromedp.Evaluate[string](`[...document.querySelectorAll(".figure")].find(f => f.querySelector(".figure-label").textContent === "Satisfied").textContent`))
	if !strings.Contains(sat, " rating") || strings.Contains(sat, " 0 ratings") {
		t.Errorf("the reports' Satisfied figure counts no rating: %q", sat)
	}
}
