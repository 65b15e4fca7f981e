package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/session"
	"github.com/frontdesk/frontdesk/internal/team"
)

// Chat measures live chat on real server processes (docs/benchmarks.md):
// RSS per 1,000 idle visitor sockets on one node, and the time from a
// visitor's send to the operator's receipt with Active chats each
// sending every Every, the operators on the last node (two nodes on
// PostgreSQL: visitors on the first, operators on the second).
type Chat struct {
	Exe      string // the frontdesk binary to run as the nodes
	DB       string // the database the nodes share
	DataDir  string
	Nodes    int
	Idle     int
	Active   int
	Every    time.Duration
	Duration time.Duration
	Out      io.Writer
}

// ChatResult is what Run measured.
type ChatResult struct {
	IdleSockets  int
	RSSPer1000KB float64
	// SettledPer1000KB: the same once the node's RSS stops falling.
	SettledPer1000KB float64
	Sent, Got        int64
	P50, P99         time.Duration
}

const seatsPerOperator = 50

// Prepare fills the database: a team with chat on, operators online with
// sessions, Active chats on them and Idle more waiting.
func (c *Chat) Prepare(ctx context.Context, s *app.Services) (active []ActiveChat, idle []string, cookies []string, err error) {
	teams, err := s.Teams.List(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	tm, err := s.Teams.Update(ctx, teams[0].ID, team.Input{Channels: &team.Channels{Email: true, Widget: true, LiveChat: true}})
	if err != nil {
		return nil, nil, nil, err
	}
	ch, err := s.Chats.ChannelBySlug(ctx, tm.Slug)
	if err == nil {
		_, err = s.Chats.SetOptions(ctx, ch.ID, chat.Options{MissedAfter: 3600})
	}
	if err != nil {
		return nil, nil, nil, err
	}
	stamp := time.Now().UnixNano()
	opIndex := map[int64]int{}
	for i := range (c.Active + seatsPerOperator - 1) / seatsPerOperator {
		op, err := s.Operators.Create(ctx, operator.NewOperator{Email: fmt.Sprintf("bench%d-%d@example.com", stamp, i),
			Name: fmt.Sprint("Bench ", i), Role: operator.Agent, Password: "correct horse battery"})
		if err != nil {
			return nil, nil, nil, err
		}
		if err := s.Chats.Join(ctx, ch.ID, op.ID); err != nil {
			return nil, nil, nil, err
		}
		if err := s.Chats.SetCapacity(ctx, op.ID, seatsPerOperator); err != nil {
			return nil, nil, nil, err
		}
		if _, err := s.Chats.SetAvailability(ctx, op.ID, chat.Online); err != nil {
			return nil, nil, nil, err
		}
		secret, _, err := (&session.Store{DB: s.DB}).Create(ctx, op.ID)
		if err != nil {
			return nil, nil, nil, err
		}
		cookies = append(cookies, secret)
		opIndex[op.ID] = i
	}
	for i := range c.Active + c.Idle {
		ct, tok, err := s.Chats.Start(ctx, chat.NewChat{Channel: tm.Slug, VisitorKey: fmt.Sprint("bench-", stamp, "-", i)})
		if err != nil {
			return nil, nil, nil, err
		}
		if i >= c.Active || ct.Operator == nil {
			idle = append(idle, tok)
			continue
		}
		active = append(active, ActiveChat{Token: tok, ID: ct.ID, Operator: opIndex[ct.Operator.ID]})
	}
	return active, idle, cookies, nil
}

// ActiveChat is a chat of the latency run and the index of its operator.
type ActiveChat struct {
	Token    string
	ID       int64
	Operator int
}

// node is a running "frontdesk serve".
type node struct {
	cmd  *exec.Cmd
	base string
}

func (c *Chat) startNode(ctx context.Context, port int) (*node, error) {
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	cmd := exec.CommandContext(ctx, c.Exe, "serve")
	cmd.Env = append(os.Environ(), "FRONTDESK_DB="+c.DB, "FRONTDESK_HTTP="+strings.TrimPrefix(base, "http://"),
		"FRONTDESK_BASE_URL="+base, "FRONTDESK_SMTP_LISTEN=", "FRONTDESK_DATA="+c.DataDir,
		"FRONTDESK_TRUSTED_PROXIES=127.0.0.1/32")
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	if p, err := strconv.Atoi(os.Getenv("FRONTDESK_BENCH_PPROF")); err == nil {
		// each node's profiles on its own port: the first node's on p
		cmd.Env = append(cmd.Env, fmt.Sprintf("FRONTDESK_PPROF=127.0.0.1:%d", p+port-18600))
	}
	if p := os.Getenv("FRONTDESK_BENCH_NODE_LOG"); p != "" {
		// the node's own log (with GODEBUG=gctrace=1, its live heap)
		f, err := os.OpenFile(p, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			return nil, err
		}
		cmd.Stderr = f
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	for range 100 {
		if res, err := http.Get(base + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				return &node{cmd: cmd, base: base}, nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	cmd.Process.Kill()
	return nil, fmt.Errorf("node on %s did not become ready", base)
}

func (n *node) stop() { n.cmd.Process.Kill(); n.cmd.Wait() }

func (n *node) rssKB() (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", n.cmd.Process.Pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			return strconv.ParseInt(f[1], 10, 64)
		}
	}
	return 0, fmt.Errorf("no VmRSS")
}

// dial opens a socket as from its own client address (X-Forwarded-For,
// trusted from loopback), so per-address limits see distinct visitors.
func dial(ctx context.Context, url, origin, cookie string, i int) (*websocket.Conn, error) {
	h := http.Header{"Origin": {origin}, "X-Forwarded-For": {fmt.Sprintf("10.%d.%d.%d", i>>16&255, i>>8&255, i&255)}}
	if cookie != "" {
		h.Set("Cookie", "fd_session="+cookie)
	}
	ws, _, err := websocket.Dial(ctx, url, &websocket.DialOptions{HTTPHeader: h})
	return ws, err
}

func send(ctx context.Context, ws *websocket.Conn, v any) error {
	b, _ := json.Marshal(v)
	return ws.Write(ctx, websocket.MessageText, b)
}

// Run starts the nodes and measures; the database must be prepared.
func (c *Chat) Run(ctx context.Context, active []ActiveChat, idle, cookies []string) (ChatResult, error) {
	var res ChatResult
	var nodes []*node
	defer func() {
		for _, n := range nodes {
			n.stop()
		}
	}()
	for i := range c.Nodes {
		n, err := c.startNode(ctx, 18600+i)
		if err != nil {
			return res, err
		}
		nodes = append(nodes, n)
	}
	a, b := nodes[0], nodes[len(nodes)-1]
	if err := c.idle(ctx, a, idle, &res); err != nil {
		return res, err
	}
	return res, c.latency(ctx, a, b, active, cookies, &res)
}

func (c *Chat) idle(ctx context.Context, a *node, tokens []string, res *ChatResult) error {
	time.Sleep(time.Second)
	before, err := a.rssKB()
	if err != nil {
		return err
	}
	var conns []*websocket.Conn
	defer func() {
		for _, ws := range conns {
			ws.CloseNow()
		}
	}()
	for i, tok := range tokens {
		ws, err := dial(ctx, "ws"+strings.TrimPrefix(a.base, "http")+"/widget/v1/chat/chats/"+tok+"/socket", a.base, "", i)
		if err != nil {
			return fmt.Errorf("idle socket %d: %w", i, err)
		}
		send(ctx, ws, map[string]any{"type": "resume", "after": 0})
		go func() { // drain, as a browser would
			for {
				if _, _, err := ws.Read(ctx); err != nil {
					return
				}
			}
		}()
		conns = append(conns, ws)
	}
	time.Sleep(3 * time.Second)
	after, err := a.rssKB()
	if err != nil {
		return err
	}
	settled, waited, err := settle(ctx, a, after)
	if err != nil {
		return err
	}
	res.IdleSockets = len(conns)
	if len(conns) > 0 {
		res.RSSPer1000KB = float64(after-before) / float64(len(conns)) * 1000
		res.SettledPer1000KB = float64(settled-before) / float64(len(conns)) * 1000
	}
	fmt.Fprintf(c.Out, "idle: %d visitor sockets, RSS %d KB -> %d KB: %.0f KB per 1,000 sockets\n",
		len(conns), before, after, res.RSSPer1000KB)
	fmt.Fprintf(c.Out, "      settled after %s: RSS %d KB: %.0f KB per 1,000 sockets\n",
		waited, settled, res.SettledPer1000KB)
	return nil
}

// settle reads the node's RSS every 5 s for a minute and returns the
// last reading: right after thousands of upgrades the heap still holds
// their garbage, which the runtime gives back to the system over the
// following minute; a node holding sockets for hours pays the settled
// figure.
func settle(ctx context.Context, a *node, last int64) (int64, time.Duration, error) {
	start := time.Now()
	for time.Since(start) < time.Minute {
		select {
		case <-ctx.Done():
			return last, time.Since(start), ctx.Err()
		case <-time.After(5 * time.Second):
		}
		now, err := a.rssKB()
		if err != nil {
			return last, time.Since(start), err
		}
		if os.Getenv("FRONTDESK_BENCH_RSS_TRACE") != "" {
			fmt.Fprintf(os.Stderr, "rss %s %d KB\n", time.Since(start).Round(time.Second), now)
		}
		last = now
	}
	return last, time.Since(start).Round(time.Second), nil
}

// latency connects the operators to node b and the visitors to node a;
// every visitor sends every c.Every (started at random offsets) and the
// operators' sockets time each message's arrival by its client id.
func (c *Chat) latency(ctx context.Context, a, b *node, chats []ActiveChat, cookies []string, res *ChatResult) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var sentAt sync.Map
	var mu sync.Mutex
	var lat []time.Duration
	for i, cookie := range cookies {
		ws, err := dial(ctx, "ws"+strings.TrimPrefix(b.base, "http")+"/chats/socket", b.base, cookie, 1<<20+i)
		if err != nil {
			return fmt.Errorf("operator socket %d: %w", i, err)
		}
		defer ws.CloseNow()
		for _, ch := range chats {
			if ch.Operator == i {
				send(ctx, ws, map[string]any{"type": "resume", "chat_id": ch.ID, "after": 0})
			}
		}
		go readOperator(ctx, ws, &sentAt, &mu, &lat, &res.Got)
	}
	var wg sync.WaitGroup
	for i, ch := range chats {
		ws, err := dial(ctx, "ws"+strings.TrimPrefix(a.base, "http")+"/widget/v1/chat/chats/"+ch.Token+"/socket", a.base, "", i)
		if err != nil {
			return fmt.Errorf("visitor socket %d: %w", i, err)
		}
		defer ws.CloseNow()
		go func() {
			for {
				if _, _, err := ws.Read(ctx); err != nil {
					return
				}
			}
		}()
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.visit(ctx, ws, i, &sentAt, &res.Sent)
		}()
	}
	wg.Wait()
	time.Sleep(2 * time.Second) // the last messages land
	mu.Lock()
	defer mu.Unlock()
	slices.Sort(lat)
	if len(lat) > 0 {
		res.P50, res.P99 = lat[len(lat)/2], lat[len(lat)*99/100]
	}
	fmt.Fprintf(c.Out, "active: %d chats, a message each every %s for %s, %d node(s): %d sent, %d received; p50 %s, p99 %s\n",
		len(chats), c.Every, c.Duration, c.Nodes, res.Sent, res.Got, res.P50.Round(100*time.Microsecond), res.P99.Round(100*time.Microsecond))
	if len(lat) > 0 {
		fmt.Fprintf(c.Out, "        p90 %s, p95 %s, max %s\n", lat[len(lat)*9/10].Round(100*time.Microsecond),
			lat[len(lat)*95/100].Round(100*time.Microsecond), lat[len(lat)-1].Round(100*time.Microsecond))
	}
	return nil
}

func (c *Chat) visit(ctx context.Context, ws *websocket.Conn, i int, sentAt *sync.Map, sent *int64) {
	time.Sleep(time.Duration(rand.Int64N(int64(c.Every))))
	end := time.Now().Add(c.Duration)
	for n := 0; time.Now().Before(end); n++ {
		id := fmt.Sprintf("%d-%d", i, n)
		sentAt.Store(id, time.Now())
		if send(ctx, ws, map[string]any{"type": "message", "client_id": id, "body": "bench message " + id}) != nil {
			return
		}
		atomic.AddInt64(sent, 1)
		time.Sleep(c.Every)
	}
}

func readOperator(ctx context.Context, ws *websocket.Conn, sentAt *sync.Map, mu *sync.Mutex, lat *[]time.Duration, got *int64) {
	for {
		_, b, err := ws.Read(ctx)
		if err != nil {
			return
		}
		var f struct {
			Type    string       `json:"type"`
			Message chat.Message `json:"message"`
		}
		if json.Unmarshal(b, &f) != nil || f.Type != "message" || f.Message.Author != chat.Visitor {
			continue
		}
		if at, ok := sentAt.LoadAndDelete(f.Message.ClientID); ok {
			d := time.Since(at.(time.Time))
			atomic.AddInt64(got, 1)
			mu.Lock()
			*lat = append(*lat, d)
			mu.Unlock()
		}
	}
}
