package portal_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

const noteText = "NOTE-7f3a: the customer is on the cheap plan, do not refund"

func TestPageShowsOnlyThePublicThread(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.ticket("Printer prints blank pages", "Paula")
		reply := e.message(tk.ID, ticket.Reply, "Please send us a photo of a test page.", "steps.txt", "reply file")
		note := e.message(tk.ID, ticket.Note, noteText, "internal.txt", noteText)
		e.message(tk.ID, ticket.System, "SYSTEM-9c1e: mail to the customer bounced", "", "")

		rec := e.get("/t/" + tk.PublicToken)
		if rec.Code != http.StatusOK {
			t.Fatalf("status %d", rec.Code)
		}
		contains(t, rec.Body.String(),
			[]string{"Printer prints blank pages", fmt.Sprintf("#%d", tk.Number), "My printer prints only blank pages.",
				"Please send us a photo of a test page.", "Olga Operator", "Paula", "steps.txt",
				`<meta name="robots" content="noindex, nofollow">`, `aria-current="step"`},
			[]string{"NOTE-7f3a", "internal.txt", "SYSTEM-9c1e", "olga@example.com"})
		for k, want := range map[string]string{"X-Robots-Tag": "noindex", "Referrer-Policy": "no-referrer",
			"Content-Security-Policy": "default-src 'none'"} {
			if got := rec.Header().Get(k); !strings.Contains(got, want) {
				t.Errorf("%s = %q, want %q in it", k, got, want)
			}
		}
		if got := fileIDs(rec.Body.String()); len(got) != 1 || got[0] != fmt.Sprint(reply.Attachments[0].ID) {
			t.Errorf("file links %v, want only the reply's file %d", got, reply.Attachments[0].ID)
		}
		files := fmt.Sprintf("/t/%s/files/", tk.PublicToken)
		if rec := e.get(files + fmt.Sprint(reply.Attachments[0].ID)); rec.Code != http.StatusOK || rec.Body.String() != "reply file" {
			t.Errorf("reply file: %d %q", rec.Code, rec.Body.String())
		}
		// Every file route, including ids around the note's: never the note.
		for id := int64(0); id <= note.Attachments[0].ID+2; id++ {
			rec := e.get(files + fmt.Sprint(id))
			contains(t, rec.Body.String(), nil, []string{"NOTE-7f3a"})
			if id == note.Attachments[0].ID && rec.Code != http.StatusNotFound {
				t.Errorf("the note's file answered %d", rec.Code)
			}
		}
	})
}

func TestUnknownAndRotatedTokensGetThePlain404(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.ticket("Where is my parcel", "Rita")
		old := tk.PublicToken
		if _, err := e.s.Tickets.RotateToken(context.Background(), tk.ID, e.op.ID); err != nil {
			t.Fatal(err)
		}
		var first string
		for _, path := range []string{"/t/" + old, "/t/" + ticket.NewToken(), "/t/x", "/t/" + strings.Repeat("a", 200),
			"/t/" + old + "/files/1", "/t/%27%20OR%201=1"} {
			rec := e.get(path)
			if rec.Code != http.StatusNotFound {
				t.Errorf("%s: %d, want 404", path, rec.Code)
			}
			contains(t, rec.Body.String(), []string{"This link does not work"}, []string{"Where is my parcel", "Rita", old})
			if first == "" {
				first = rec.Body.String()
			} else if rec.Body.String() != first {
				t.Errorf("%s: the 404 page differs from the first one", path)
			}
			if rec.Header().Get("X-Robots-Tag") == "" {
				t.Errorf("%s: no X-Robots-Tag", path)
			}
		}
		if rec := e.get("/t/" + e.reload(tk.ID).PublicToken); rec.Code != http.StatusOK {
			t.Errorf("the new link answered %d", rec.Code)
		}
	})
}

func TestGuessingIsRateLimited(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.ticket("Refund please", "Sam")
		for i := 0; i < 30; i++ { // a customer reloading their own page never runs out
			if rec := e.get("/t/" + tk.PublicToken); rec.Code != http.StatusOK {
				t.Fatalf("reload %d: %d", i, rec.Code)
			}
		}
		for i := 0; i < 20; i++ {
			if rec := e.get("/t/" + ticket.NewToken()); rec.Code != http.StatusNotFound {
				t.Fatalf("guess %d: %d, want 404", i, rec.Code)
			}
		}
		rec := e.get("/t/" + ticket.NewToken())
		if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" {
			t.Errorf("guess 21: %d, Retry-After %q; want 429 with Retry-After", rec.Code, rec.Header().Get("Retry-After"))
		}
		contains(t, rec.Body.String(), []string{"Too many attempts"}, nil)
	})
}
