package ui_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func TestSettingsChatbots(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		expect(t, "empty", e.getAs("admin", "/settings/chatbots", http.StatusOK), []string{"No chatbots yet"}, nil)
		e.getAs("agent", "/settings/chatbots", http.StatusForbidden)
		e.postAs("agent", "/settings/chatbots", url.Values{"name": {"x"}, "n": {"0"}}, http.StatusForbidden)

		bad := url.Values{"name": {"Sorter <b>"}, "n": {"2"}, "op": {"save"},
			"type_0": {"question"}, "message_0": {"What do you need?"},
			"type_1": {"email"}, "message_1": {"Email?"}, "onlyif_1": {"3: Sales"}, "field_1": {"nope"}}
		expect(t, "refused", e.postAs("admin", "/settings/chatbots", bad, http.StatusUnprocessableEntity),
			[]string{`id="answers_0-error">`, "A question needs at least one answer", `id="onlyif_1-error">Condition 1: must name an earlier step`,
				`value="Sorter &lt;b&gt;"`, `id="field_1-error">There is no ticket field &#34;nope&#34;`,
				`<option value="nope" selected>nope (no such field)</option>`}, nil)
		good := url.Values{"name": {"Sorter"}, "n": {"4"}, "op": {"save"},
			"type_0": {"question"}, "message_0": {"What do you need?"}, "answers_0": {"Sales\nDocs | https://example.com/docs"},
			"type_1": {"email"}, "message_1": {"Your email?"}, "onlyif_1": {"1: sales"},
			"type_2": {"forward"}, "type_3": {"create_ticket"}, "message_3": {"A ticket it is."}}
		e.postAs("admin", "/settings/chatbots", good, http.StatusSeeOther)
		all, _ := e.s.Chatbots.List(ctx)
		if len(all) != 1 || len(all[0].Steps) != 4 || all[0].Steps[0].Answers[1].Link != "https://example.com/docs" ||
			all[0].Steps[1].OnlyIf[0].Step != 0 {
			t.Fatalf("stored: %+v", all)
		}
		page := "/settings/chatbots/" + itoa(all[0].ID)
		body := e.getAs("admin", page, http.StatusOK)
		expect(t, "editor and preview", body, []string{"Docs | https://example.com/docs", `value="1: sales"`, "Test it",
			"What do you need?", `name="choice" value="Sales">Sales</button>`, `name="choice" value="Talk to a person">`}, []string{"1. Sales"})

		state := func(html string) string {
			i := strings.Index(html, `name="state" value="`)
			rest := html[i+len(`name="state" value="`):]
			v := rest[:strings.Index(rest, `"`)]
			return strings.NewReplacer("&#34;", `"`, "&quot;", `"`, "&amp;", "&").Replace(v)
		}
		body = e.postAs("admin", page+"/preview", url.Values{"state": {state(body)}, "input": {"maybe"}, "op": {"send"}}, http.StatusOK)
		expect(t, "free text in the preview", body, []string{"Please choose one of the answers."}, nil)
		// The answer's button sends its label as "choice", beside the empty box.
		body = e.postAs("admin", page+"/preview", url.Values{"state": {state(body)}, "choice": {"Sales"}, "input": {""}}, http.StatusOK)
		body = e.postAs("admin", page+"/preview", url.Values{"state": {state(body)}, "input": {"sam@example.com"}, "op": {"send"}}, http.StatusOK)
		expect(t, "to the end", body, []string{"Here the chat goes to an operator", "Here a ticket opens with the answers:",
			"Your email?: sam@example.com", "A ticket it is.", "End of the script."}, []string{`id="preview-input"`})
		body = e.postAs("admin", page+"/preview", url.Values{"state": {state(body)}, "op": {"restart"}}, http.StatusOK)
		expect(t, "restarted", body, []string{`id="preview-input"`}, []string{"End of the script."})

		e.postAs("admin", page+"/delete", url.Values{}, http.StatusSeeOther)
		expect(t, "deleted", e.getAs("admin", "/settings/chatbots?done=chatbot-deleted", http.StatusOK),
			[]string{"Chatbot deleted.", "No chatbots yet"}, nil)
	})
}
