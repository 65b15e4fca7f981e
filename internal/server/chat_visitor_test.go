package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func get(t *testing.T, url, origin string, out any) (int, http.Header) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	req.Header.Set("Origin", origin)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if out != nil {
		json.NewDecoder(res.Body).Decode(out)
	}
	return res.StatusCode, res.Header
}

// The visitor's HTTP side: the channel and whether anyone is there, the
// offline form when nobody is, a chat with files, its replay, the end and
// the rating the operator then sees; a closed channel says so.
func TestChatVisitorHTTP(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		site := newChatSite(t, testutil.Services(t, d))
		base := site.ts.URL + "/widget/v1/chat/"
		var ch struct {
			Channel   map[string]any `json:"channel"`
			Available bool           `json:"available"`
			Queue     bool           `json:"queue"`
		}
		code, h := get(t, base+"channels/"+site.slug, chatHost, &ch)
		if code != 200 || ch.Available || ch.Queue || ch.Channel["welcome_message"] != chat.Defaults.WelcomeMessage ||
			h.Get("Access-Control-Allow-Origin") != chatHost {
			t.Fatalf("channel with nobody online: %d %+v %v", code, ch, h)
		}
		var out map[string]any
		if code := post(t, base+"channels/"+site.slug+"/chats", chatHost, map[string]any{"visitor": "v"}, &out); code != 409 {
			t.Fatalf("start with nobody online: %d %v", code, out)
		}
		code = post(t, base+"channels/"+site.slug+"/offline", chatHost, map[string]any{"name": "<b>Kim</b>", "email": "bad"}, &out)
		if code != 422 || !strings.Contains(toJSON(out), `"email"`) || !strings.Contains(toJSON(out), `"message"`) {
			t.Fatalf("offline form with errors: %d %v", code, out)
		}
		code = post(t, base+"channels/"+site.slug+"/offline", chatHost,
			map[string]any{"name": "Kim Ode", "email": "kim@example.com", "message": "Open on Sunday?"}, &out)
		if code != 201 || !strings.Contains(toJSON(out), `"number"`) {
			t.Fatalf("offline form: %d %v", code, out)
		}

		op, _ := site.operator(t, "ada@example.com")
		st := site.start(t, "v1")
		var reply map[string]any
		if code := postFile(t, base+"chats/"+st.Token+"/messages", `{"body":"see the screenshot","client_id":"f1"}`,
			"shot.png", pngBytes, &reply); code != 201 {
			t.Fatalf("message with a file: %d %v", code, reply)
		}
		if code := postFile(t, base+"chats/"+st.Token+"/messages", `{"body":"x"}`, "run.exe", []byte("MZ\x90\x00"), &reply); code != 422 {
			t.Fatalf("an executable: %d %v", code, reply)
		}
		var msgs struct{ Items []chat.Message }
		get(t, base+"chats/"+st.Token+"/messages?after=0", chatHost, &msgs)
		if len(msgs.Items) != 1 || len(msgs.Items[0].Files) != 1 || msgs.Items[0].Files[0].ContentType != "image/png" {
			t.Fatalf("replay: %+v", msgs.Items)
		}
		code, _ = get(t, base+"chats/"+st.Token+"/files/"+itoa(msgs.Items[0].Files[0].ID), chatHost, nil)
		if code != 200 {
			t.Fatalf("file: %d", code)
		}
		if code := post(t, base+"chats/"+st.Token+"/end", chatHost, nil, &out); code != 200 {
			t.Fatalf("end: %d", code)
		}
		post(t, base+"chats/"+st.Token+"/rating", chatHost, map[string]any{"rating": "okay", "comment": "slow <img src=x>"}, &out)
		got, _ := site.s.Chats.Get(context.Background(), st.Chat.ID)
		if got.Rating == nil || *got.Rating != chat.Okay || got.Comment != "slow <img src=x>" || got.Operator.ID != op.ID {
			t.Fatalf("rating as the operator sees it: %+v", got)
		}
		if code := post(t, base+"chats/"+st.Token+"/messages", chatHost, map[string]any{"body": "one more"}, &out); code != 409 {
			t.Fatalf("message after the end: %d", code)
		}
		if code, _ := get(t, base+"chats/"+strings.Repeat("x", 43), chatHost, nil); code != 404 {
			t.Fatalf("unknown token: %d", code)
		}
		teams, _ := site.s.Teams.List(context.Background())
		site.s.Teams.Update(context.Background(), teams[0].ID, team.Input{Channels: &team.Channels{Widget: true}})
		if code, _ := get(t, base+"channels/"+site.slug, chatHost, &out); code != 403 || !strings.Contains(toJSON(out), "closed") {
			t.Fatalf("closed channel: %d %v", code, out)
		}
	})
}

// 1x1 PNG.
var pngBytes = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")

func postFile(t *testing.T, url, payload, name string, content []byte, out any) int {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.WriteField("payload", payload)
	fw, _ := mw.CreateFormFile("files", name)
	fw.Write(content)
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, url, &b)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Origin", chatHost)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	json.NewDecoder(res.Body).Decode(out)
	return res.StatusCode
}

func toJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func itoa(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// New chats and messages are limited per address and per chat.
func TestChatRateLimits(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		site := newChatSite(t, testutil.Services(t, d))
		site.operator(t, "ada@example.com")
		base := site.ts.URL + "/widget/v1/chat/"
		var st started
		var out map[string]any
		for i := range 10 {
			if code := post(t, base+"channels/"+site.slug+"/chats", chatHost, map[string]any{"visitor": "same"}, &out); code != 201 {
				t.Fatalf("chat %d of one visitor: %d", i, code)
			}
		}
		if code := post(t, base+"channels/"+site.slug+"/chats", chatHost, map[string]any{"visitor": "same"}, &out); code != 429 {
			t.Fatalf("11th chat of one visitor in 10 minutes: %d", code)
		}
		for i := range 19 { // the address has had 11 tries: 30 in all pass
			if code := post(t, base+"channels/"+site.slug+"/chats", chatHost, map[string]any{"visitor": itoa(int64(i))}, &st); code != 201 {
				t.Fatalf("chat %d from one address: %d", 12+i, code)
			}
		}
		if code := post(t, base+"channels/"+site.slug+"/chats", chatHost, map[string]any{"visitor": "another"}, &out); code != 429 {
			t.Fatalf("31st chat from one address in 10 minutes: %d", code)
		}
		visitor, err := dial(t, wsURL(site.ts.URL)+"/widget/v1/chat/chats/"+st.Token+"/socket", chatHost, "")
		if err != nil {
			t.Fatal(err)
		}
		for i := range 61 {
			visitor.send(t, map[string]any{"type": "message", "client_id": itoa(int64(i)), "body": "spam"})
		}
		for range 60 {
			visitor.next(t, "ack", nil)
		}
		if f := visitor.next(t, "error", nil); f.Code != "rate_limited" || f.ClientID != "60" {
			t.Fatalf("61st message in a minute: %+v", f)
		}
	})
}
