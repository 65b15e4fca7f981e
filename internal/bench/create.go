package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/server"
)

// CreateThroughput creates tickets through the real HTTP API on a
// loopback port with clients concurrent clients, for d.
func CreateThroughput(ctx context.Context, s *app.Services, g *generator, clients int, d time.Duration) (Result, error) {
	return createThroughput(ctx, s, g, clients, d, nil)
}

// createThroughput is CreateThroughput; atEnd, when set, runs after the
// run and before its tickets are removed (to count what they caused).
func createThroughput(ctx context.Context, s *app.Services, g *generator, clients int, d time.Duration,
	atEnd func() error) (Result, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return Result{}, err
	}
	sctx, stop := context.WithCancel(ctx)
	defer stop()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	go server.Serve(sctx, ln, server.Handler(s, quiet), quiet, 5*time.Second)
	token, _, err := s.Operators.CreateToken(ctx, operator.Operator{Role: operator.Admin}, g.operators[0], "bench")
	if err != nil {
		return Result{}, err
	}
	before, err := lastIDs(ctx, s)
	if err != nil {
		return Result{}, err
	}
	defer func() { _ = removeAfter(ctx, s, before) }()
	url := "http://" + ln.Addr().String() + "/api/v1/tickets"
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	var mu sync.Mutex
	var samples []time.Duration
	var firstErr error
	var wg sync.WaitGroup
	start := time.Now()
	for c := range clients {
		wg.Go(func() {
			local, err := createLoop(client, url, token, g, rand.New(rand.NewPCG(11, uint64(c))), c, start.Add(d))
			mu.Lock()
			defer mu.Unlock()
			samples = append(samples, local...)
			if err != nil && firstErr == nil {
				firstErr = err
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	if firstErr != nil {
		return Result{}, firstErr
	}
	if atEnd != nil {
		if err := atEnd(); err != nil {
			return Result{}, err
		}
	}
	res := summarize(fmt.Sprintf("API ticket creation, %d clients", clients), ">= 2,000 tickets/s", samples)
	res.PerSecond = float64(len(samples)) / elapsed.Seconds()
	return res, nil
}

// createLoop posts tickets written like the seeded ones, half of them from
// customers the database already knows.
func createLoop(client *http.Client, url, token string, g *generator, r *rand.Rand, worker int, until time.Time) ([]time.Duration, error) {
	var out []time.Duration
	for i := 0; time.Now().Before(until); i++ {
		email := fmt.Sprintf("new-%d-%d@bench.example", worker, i)
		if i%2 == 1 { // half the tickets come from known customers
			email = fmt.Sprintf("known-%d@bench.example", i%1000)
		}
		body, _ := json.Marshal(map[string]any{"subject": g.vocab.Subject(r), "team": g.teamSlugs[i%len(g.teamSlugs)],
			"priority": pickPriority(r), "description": g.vocab.Sentence(20 + r.IntN(25)),
			"contact": map[string]any{"email": email, "first_name": "Bench"}})
		req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "application/json")
		start := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			return out, err
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusCreated {
			return out, fmt.Errorf("create answered %d", resp.StatusCode)
		}
		out = append(out, time.Since(start))
	}
	return out, nil
}
