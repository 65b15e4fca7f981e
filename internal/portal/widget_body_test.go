package portal_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// spyBody records whether anyone read it.
type spyBody struct{ read bool }

func (b *spyBody) Read([]byte) (int, error) { b.read = true; return 0, errors.New("spy: body read") }
func (b *spyBody) Close() error             { return nil }

// A post with files may be 51 MB: what can be refused without it (the
// limit on new tickets, an unknown token) is refused before it is read.
func TestWidgetRefusesBeforeReadingTheBody(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		h := widgetHandler(t, e, false)
		// A refused JSON post is small and given back: a person corrects it.
		if code, _, _ := call(t, h, "POST", "/widget/v1/support/tickets", hostOrigin,
			map[string]any{"email": "new@example.com", "message": "Hello"}); code != http.StatusUnprocessableEntity {
			t.Fatalf("open without a subject: %d", code)
		}
		for i := 0; i < 10; i++ { // the 10 new tickets per 10 minutes an address has
			if code, out, _ := call(t, h, "POST", "/widget/v1/support/tickets", hostOrigin,
				map[string]any{"email": "new@example.com", "subject": "Hi", "message": "Hello"}); code != http.StatusCreated {
				t.Fatalf("open %d: %d %v", i, code, out)
			}
		}
		for _, tc := range []struct {
			path string
			want int
		}{{"/widget/v1/support/tickets", http.StatusTooManyRequests},
			{"/widget/v1/support/t/" + ticket.NewToken() + "/messages", http.StatusNotFound}} {
			body := &spyBody{}
			req := httptest.NewRequest("POST", tc.path, nil)
			req.Body = body
			req.Header.Set("Content-Type", "multipart/form-data; boundary=x")
			req.Header.Set("Origin", hostOrigin)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tc.want || body.read {
				t.Errorf("%s: %d, body read: %v; want %d without reading it", tc.path, rec.Code, body.read, tc.want)
			}
		}
	})
}
