package portal_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/portal"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/widget"
)

// The whole server reads the widget settings an admin saves: the allowed
// origin and the secret work, and the team's widget switch turns it off.
func TestWidgetReadsTeamSettings(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		tm, err := e.s.Teams.Find(ctx, d.Read, "support")
		if err != nil {
			t.Fatal(err)
		}
		if code, _, _ := call(t, e.h, "POST", "/widget/v1/support/mine", hostOrigin, map[string]any{}); code != http.StatusForbidden {
			t.Errorf("before any origin is allowed: %d, want 403", code)
		}
		ws, err := e.s.Widgets.Update(ctx, tm.ID, widget.Input{Origins: []string{hostOrigin}, Color: "#2563eb"})
		if err != nil {
			t.Fatal(err)
		}
		sig, _ := portal.Sign(ws.Secret, "u-9")
		id := portal.Identity{ExternalID: "u-9", Email: "nine@example.com", Signature: sig}
		code, out, _ := call(t, e.h, "POST", "/widget/v1/support/tickets", hostOrigin,
			map[string]any{"identity": id, "subject": "Signed", "message": "Hello"})
		if code != http.StatusCreated {
			t.Fatalf("signed visitor on an allowed origin: %d %v", code, out)
		}
		id.Signature = widget.Sign("another secret", "u-9")
		if code, _, _ := call(t, e.h, "POST", "/widget/v1/support/mine", hostOrigin, map[string]any{"identity": id}); code != http.StatusForbidden {
			t.Errorf("a signature under another secret: %d, want 403", code)
		}
		off := tm.Channels
		off.Widget = false
		if _, err := e.s.Teams.Update(ctx, tm.ID, team.Input{Channels: &off}); err != nil {
			t.Fatal(err)
		}
		if code, _, _ := call(t, e.h, "POST", "/widget/v1/support/mine", hostOrigin, map[string]any{}); code != http.StatusNotFound {
			t.Errorf("with the team's widget switched off: %d, want 404", code)
		}
		if code, _, _ := call(t, e.h, "POST", "/widget/v1/nosuchteam/mine", hostOrigin, map[string]any{}); code != http.StatusNotFound {
			t.Errorf("an unknown team: %d, want 404", code)
		}
	})
}
