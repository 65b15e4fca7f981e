package portal_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// The rating link of the closed mail records a face with one click, the
// same click again changes nothing, the page takes a comment and a change
// of mind, and a token not signed for the ticket opens nothing.
func TestRatingLink(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		tk := e.ticket("Printer <b>jam</b>", "Ana")
		full, _ := e.s.Tickets.Get(ctx, tk.ID)
		link := "/rate/" + ticket.RatingToken(tk.ID, full.PublicToken)

		rec := e.get(link + "?r=satisfied")
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `value="satisfied" checked`) ||
			!strings.Contains(rec.Body.String(), "your rating reached the team") ||
			!strings.Contains(rec.Body.String(), "Printer &lt;b&gt;jam&lt;/b&gt;") {
			t.Fatalf("one click (%d):\n%s", rec.Code, rec.Body.String())
		}
		if rec.Header().Get("Content-Security-Policy") == "" || rec.Header().Get("Referrer-Policy") != "no-referrer" {
			t.Error("the rating page lacks the public pages' security headers")
		}
		e.get(link + "?r=satisfied")
		if r, _, _ := e.s.Reports.TicketRatingOf(ctx, tk.ID); r.Rating != "satisfied" {
			t.Fatalf("recorded %+v", r)
		}

		form := url.Values{"rating": {"okay"}, "comment": {"Took <i>two</i> days"}}
		req := httptest.NewRequest(http.MethodPost, link, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		post := httptest.NewRecorder()
		e.h.ServeHTTP(post, req)
		if post.Code != http.StatusSeeOther {
			t.Fatalf("the comment form answered %d: %s", post.Code, post.Body.String())
		}
		if r, _, _ := e.s.Reports.TicketRatingOf(ctx, tk.ID); r.Rating != "okay" || r.Comment != "Took <i>two</i> days" {
			t.Errorf("after the form: %+v", r)
		}
		page := e.get(post.Header().Get("Location")).Body.String()
		if !strings.Contains(page, "Took &lt;i&gt;two&lt;/i&gt; days") || !strings.Contains(page, `value="okay" checked`) {
			t.Errorf("the page after saving:\n%s", page)
		}

		if rec := e.get(link + "?r=great"); rec.Code != http.StatusUnprocessableEntity ||
			!strings.Contains(rec.Body.String(), "must be satisfied, okay or dissatisfied") {
			t.Errorf("an unknown face: %d", rec.Code)
		}
		other := e.ticket("Other", "Bo")
		forged := "/rate/" + ticket.RatingToken(other.ID, full.PublicToken)
		for _, bad := range []string{forged + "?r=dissatisfied", "/rate/x?r=okay", "/rate/" + full.PublicToken} {
			if rec := e.get(bad); rec.Code != http.StatusNotFound {
				t.Errorf("%s: %d, want 404", bad, rec.Code)
			}
		}
		if _, ok, _ := e.s.Reports.TicketRatingOf(ctx, other.ID); ok {
			t.Error("a token signed for another ticket rated this one")
		}

		req = httptest.NewRequest(http.MethodPost, link, strings.NewReader("rating=dissatisfied"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", "https://evil.example")
		foreign := httptest.NewRecorder()
		e.h.ServeHTTP(foreign, req)
		if foreign.Code != http.StatusForbidden {
			t.Errorf("a post from another site: %d", foreign.Code)
		}

		// A script flipping ratings from one address is stopped.
		limited := false
		for i := 0; i < 25 && !limited; i++ {
			limited = e.get(link+"?r=satisfied").Code == http.StatusTooManyRequests
		}
		if !limited {
			t.Error("25 rating clicks from one address were all taken")
		}
	})
}
