package portal_test

import (
	"net/http"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// The script asks before it draws: yes for an allowed site only, no
// widget for an unknown team.
func TestWidgetHelloAnswersOnlyAllowedSites(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		h := widgetHandler(t, e, false)
		for _, tc := range []struct {
			path, origin string
			want         int
		}{
			{"/widget/v1/support/hello", hostOrigin, http.StatusNoContent},
			{"/widget/v1/support/hello", "https://elsewhere.example", http.StatusForbidden},
			{"/widget/v1/support/hello", "", http.StatusForbidden},
			{"/widget/v1/nobody/hello", hostOrigin, http.StatusNotFound},
		} {
			code, _, hdr := call(t, h, http.MethodPost, tc.path, tc.origin, nil)
			if code != tc.want {
				t.Errorf("%s from %q: %d, want %d", tc.path, tc.origin, code, tc.want)
			}
			if allow := hdr.Get("Access-Control-Allow-Origin"); (tc.want == http.StatusNoContent) != (allow == tc.origin && allow != "") {
				t.Errorf("%s from %q: Access-Control-Allow-Origin %q", tc.path, tc.origin, allow)
			}
		}
	})
}
