package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The chat tests' own team, so the support team's widget tests never
// meet a chat: its channel is "garden", the admin its operator.
const chatSlug = "garden"

var chatEnv struct {
	sync.Mutex
	token     string
	teamID    int64
	channelID int64
}

// chatPayload is a script flag: it must stay text wherever it shows.
const chatPayload = `<img src=x onerror="window.__pwned=1">`

// chatWelcome is the channel's welcome message, with the payload in it.
const chatWelcome = "Welcome to the garden desk " + chatPayload

// apiToken is an API token of the admin, made once with the CLI.
func apiToken(t *testing.T) string {
	t.Helper()
	chatEnv.Lock()
	defer chatEnv.Unlock()
	if chatEnv.token == "" {
		out, err := exec.Command(srv.bin, "token", "create", "--db", srv.db, "--email", adminEmail).Output()
		if err != nil {
			t.Fatalf("token create: %v", err)
		}
		chatEnv.token = strings.TrimSpace(string(out))
	}
	return chatEnv.token
}

// chatAPI calls the REST API as the admin and decodes the answer into out.
func chatAPI(t *testing.T, method, path string, body any, out any) int {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, srv.url+"/api/v1"+path, rd)
	req.Header.Set("Authorization", "Bearer "+apiToken(t))
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if out != nil {
		json.NewDecoder(res.Body).Decode(out)
	}
	return res.StatusCode
}

// chatTeam makes the garden team once: its chat switched on, the admin
// a member of its channel, the host site allowed, the welcome message
// carrying the payload. Every call puts the admin online again.
func chatTeam(t *testing.T) {
	t.Helper()
	apiToken(t)
	chatEnv.Lock()
	ready := chatEnv.channelID != 0
	chatEnv.Unlock()
	if !ready {
		var tm struct{ ID int64 }
		if code := chatAPI(t, "POST", "/teams", map[string]any{"name": "Garden desk", "slug": chatSlug,
			"email_alias": "garden@localhost"}, &tm); code != http.StatusCreated {
			t.Fatalf("create the garden team: %d", code)
		}
		if code := chatAPI(t, "PATCH", fmt.Sprintf("/teams/%d", tm.ID), map[string]any{"channels": map[string]bool{"chat": true}}, nil); code != http.StatusOK {
			t.Fatalf("switch chat on: %d", code)
		}
		var chs struct {
			Items []struct {
				ID   int64
				Slug string
			}
		}
		chatAPI(t, "GET", "/chat-channels", nil, &chs)
		var id int64
		for _, c := range chs.Items {
			if c.Slug == chatSlug {
				id = c.ID
			}
		}
		if id == 0 {
			t.Fatalf("no garden channel among %+v", chs.Items)
		}
		if code := chatAPI(t, "PUT", fmt.Sprintf("/chat-channels/%d/operators/me", id), nil, nil); code >= 300 {
			t.Fatalf("join the channel: %d", code)
		}
		chatEnv.Lock()
		chatEnv.teamID, chatEnv.channelID = tm.ID, id
		chatEnv.Unlock()
		chatOptions(t, 60)
		allowHostFor(t, tm.ID)
	}
	setOnline(t, "online")
}

// chatOptions sets the garden channel's options (all at once: a missing
// one is reset), with missed after the given seconds.
func chatOptions(t *testing.T, missedAfter int) {
	t.Helper()
	code := chatAPI(t, "PATCH", fmt.Sprintf("/chat-channels/%d", chatEnv.channelID), map[string]any{"options": map[string]any{
		"welcome_message": chatWelcome, "notification_text": "Questions about plants? Chat with us.",
		"header_color": "#14532d", "button_color": "#166534", "input_placeholder": "Ask the gardeners…",
		"missed_after": missedAfter}}, nil)
	if code != http.StatusOK {
		t.Fatalf("set the channel's options: %d", code)
	}
}

func setOnline(t *testing.T, status string) {
	t.Helper()
	if code := chatAPI(t, "PUT", "/operators/me/availability", map[string]any{"status": status}, nil); code != http.StatusOK {
		t.Fatalf("availability %s: %d", status, code)
	}
}

// allowHostFor lets the host site embed team id's widget and chat.
func allowHostFor(t *testing.T, id int64) {
	t.Helper()
	h, err := host()
	if err != nil {
		t.Fatal(err)
	}
	admin := newPage(t)
	admin.signIn(adminEmail, adminPassword)
	admin.open(fmt.Sprintf("/settings/teams/%d/widget", id))
	admin.do(
		chromedp.WaitVisible(chromedp.CSS("#origins")),
		chromedp.SetValue(chromedp.CSS("#origins"), h.origin),
		chromedp.Click(chromedp.CSS(`form[action$="/widget"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
}

// chatHostPage publishes a host page with the garden team's widget.
func chatHostPage(t *testing.T, path string) string {
	t.Helper()
	return chatHostPageFrom(t, path, srv.url)
}

// chatHostPageFrom publishes a host page whose widget loads from desk
// (the server itself, or a reverse proxy in front of it).
func chatHostPageFrom(t *testing.T, path, desk string) string {
	t.Helper()
	h, err := host()
	if err != nil {
		t.Fatal(err)
	}
	page := `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Acme Garden Tools</title>
<style>body{font-family:Georgia,serif;margin:0;padding:2rem;background:#fdf6e3;color:#333}</style></head>
<body><main><h1>Acme Garden Tools</h1><p>Spades, rakes and sturdy wheelbarrows since 1921.</p></main>
<script src="` + html.EscapeString(desk) + `/widget.js" data-team="` + chatSlug + `" async></script>
</body></html>`
	h.mu.Lock()
	h.pages[path] = page
	h.mu.Unlock()
	return h.origin + path
}

// apiChat is a chat as the operator's API shows it.
type apiChat struct {
	ID            int64
	Channel       string
	State         string
	Rating        *string
	RatingComment string `json:"rating_comment"`
	Ticket        *struct{ Number int64 }
}

// newestChat is the garden channel's latest chat in a state.
func newestChat(t *testing.T, state string) apiChat {
	t.Helper()
	for i := 0; i < 50; i++ {
		var list struct{ Items []apiChat }
		chatAPI(t, "GET", "/chats?state="+state, nil, &list)
		var best apiChat
		for _, c := range list.Items {
			if c.Channel == chatSlug && c.ID > best.ID {
				best = c
			}
		}
		if best.ID != 0 {
			return best
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("no %s chat on the garden channel", state)
	return apiChat{}
}

// operatorSays posts a message as the admin through the REST API.
func operatorSays(t *testing.T, chatID int64, body string) {
	t.Helper()
	if code := chatAPI(t, "POST", fmt.Sprintf("/chats/%d/messages", chatID), map[string]string{"body": body}, nil); code != http.StatusCreated {
		t.Fatalf("operator message: %d", code)
	}
}

// endChat ends a chat from the operator's side (cleanup: the admin's
// seats are few).
func endChat(t *testing.T, id int64) {
	chatAPI(t, "POST", fmt.Sprintf("/chats/%d/end", id), nil, nil)
}

// openChat opens the widget's launcher on p and waits for the chat box.
func (p *page) openChat() {
	p.t.Helper()
	p.do(chromedp.WaitVisible(in(".bubble")), chromedp.Click(in(".launcher")), chromedp.WaitVisible(in("#fdc-text")))
}

// say types a message into the chat box and sends it with Enter.
func (p *page) say(text string) {
	p.t.Helper()
	p.do(chromedp.SendKeys(in("#fdc-text"), text), chromedp.SendKeys(in("#fdc-text"), "\r"))
}

// chatLog is the texts of the widget's messages, in order.
func chatLog(p *page) []string {
	return inWidget[[]string](p, `[...w.querySelectorAll(".fdc-log > *")].map(li => li.textContent)`)
}

// waitLog waits until the chat's messages hold want.
func (p *page) waitLog(want string) {
	p.t.Helper()
	for i := 0; i < 150; i++ {
		if strings.Contains(strings.Join(chatLog(p), "\n"), want) {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	p.t.Fatalf("the chat never showed %q; it shows:\n%s", want, inWidget[string](p, `w.querySelector(".panel").textContent`))
}

// setWidgetValue sets a field's value inside the widget's shadow root.
func (p *page) setWidgetValue(css, value string) {
	p.t.Helper()
	p.do(chromedp.Evaluate[chromedp.Void](fmt.Sprintf(
		`document.querySelector("#frontdesk-widget").shadowRoot.querySelector(%q).value = %q`, css, value)))
}
