package server_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// operatorFile posts an operator's chat message with one file from the
// agent app, as its answer box does.
func (c *chatSite) operatorFile(t *testing.T, cookie string, chatID int64, name string, content []byte) *http.Response {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.WriteField("_csrf", testCSRF(cookie))
	mw.WriteField("body", "Here is the label")
	mw.WriteField("client_id", "of-"+name)
	fw, _ := mw.CreateFormFile("files", name)
	fw.Write(content)
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, c.ts.URL+"/chats/"+itoa(chatID)+"/messages", &b)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Origin", c.ts.URL)
	req.Header.Set("Cookie", "fd_session="+cookie)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res
}

// A file an operator sends reaches the visitor's socket as a link that
// downloads as an attachment the browser will not sniff or run; the
// widget's type and size checks apply to it as to the visitor's files.
func TestChatOperatorFileReachesVisitor(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		site := newChatSite(t, testutil.Services(t, d))
		_, cookie := site.operator(t, "ada@example.com")
		st := site.start(t, "visitor-1")
		visitor, err := dial(t, wsURL(site.ts.URL)+"/widget/v1/chat/chats/"+st.Token+"/socket", chatHost, "")
		if err != nil {
			t.Fatal(err)
		}
		visitor.send(t, map[string]any{"type": "resume", "after": 0})
		visitor.next(t, "state", nil)

		if res := site.operatorFile(t, cookie, st.Chat.ID, "label.png", pngBytes); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("operator's file: %d", res.StatusCode)
		}
		m := visitor.next(t, "message", func(f wsFrame) bool { return f.msg().Author == chat.Operator }).msg()
		if len(m.Files) != 1 || m.Files[0].Name != "label.png" || m.Files[0].ContentType != "image/png" {
			t.Fatalf("the visitor got %+v, want the message with label.png", m)
		}
		url := site.ts.URL + "/widget/v1/chat/chats/" + st.Token + "/files/" + itoa(m.Files[0].ID)
		req, _ := http.NewRequest(http.MethodGet, url, nil)
		req.Header.Set("Origin", chatHost)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var body bytes.Buffer
		body.ReadFrom(res.Body)
		res.Body.Close()
		h := res.Header
		if res.StatusCode != http.StatusOK || !bytes.Equal(body.Bytes(), pngBytes) || h.Get("Content-Type") != "image/png" ||
			h.Get("X-Content-Type-Options") != "nosniff" || !strings.Contains(h.Get("Content-Disposition"), `filename=label.png`) ||
			!strings.Contains(h.Get("Content-Security-Policy"), "sandbox") {
			t.Fatalf("download: %d, %d bytes, headers %v", res.StatusCode, body.Len(), h)
		}
		other := site.start(t, "visitor-2")
		req, _ = http.NewRequest(http.MethodGet, site.ts.URL+"/widget/v1/chat/chats/"+other.Token+"/files/"+itoa(m.Files[0].ID), nil)
		req.Header.Set("Origin", chatHost)
		if res, err := http.DefaultClient.Do(req); err != nil || res.StatusCode != http.StatusNotFound {
			t.Fatalf("another visitor's token fetched the file: %v %v", res.StatusCode, err)
		}

		refused := map[string][]byte{
			"page.html": []byte("<script>parent.__pwned=1</script>"),
			"run.exe":   []byte("MZ\x90\x00"),
			"big.txt":   bytes.Repeat([]byte("x"), 10<<20+1), // past the widget's 10 MB
		}
		for name, content := range refused {
			if res := site.operatorFile(t, cookie, st.Chat.ID, name, content); res.StatusCode != http.StatusUnprocessableEntity {
				t.Errorf("operator's %s: %d, want 422", name, res.StatusCode)
			}
		}
		visitor.none(t, "message", 500*time.Millisecond)
	})
}
