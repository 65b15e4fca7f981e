package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// The operator every test signs in as.
const (
	adminEmail    = "admin@e2e.test"
	adminPassword = "correct horse battery staple"
)

// server is one running frontdesk binary on a fresh SQLite database.
type server struct {
	bin, db, url string
	cmd          *exec.Cmd
	logPath      string // the server's output
}

// logText is what the server printed so far.
func (s *server) logText() string {
	b, _ := os.ReadFile(s.logPath)
	return string(b)
}

// buildServer compiles the product from the repository once.
func buildServer(dir string) (string, error) {
	bin := filepath.Join(dir, "frontdesk")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/frontdesk")
	cmd.Dir = ".." // the product's own module
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
}

// germanAddr is in Germany by the tests' country database.
const germanAddr = "203.0.113.9"

// writeCountries makes the tests' tiny country database (no database
// file is committed): 203.0.113.0/24 is Germany, 198.51.100.0/24 France.
func writeCountries(dir string) (string, error) {
	path := filepath.Join(dir, "countries.mmdb")
	cmd := exec.Command("go", "run", "./internal/geoip/geoiptest/mkmmdb", path, "203.0.113.0/24=DE", "198.51.100.0/24=FR")
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("write the country database: %v\n%s", err, out)
	}
	return path, nil
}

// startServer runs bin on a free loopback port with a known admin and
// waits until /readyz answers.
func startServer(bin, dir string) (*server, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	s := &server{bin: bin, db: filepath.Join(dir, "frontdesk.db"), url: "http://" + addr}
	countries, err := writeCountries(dir)
	if err != nil {
		return nil, err
	}
	s.cmd = exec.Command(bin, "serve", "--db", s.db, "--data", filepath.Join(dir, "data"),
		"--http", addr, "--base-url", s.url, "--smtp-listen", "")
	// Loopback is the trusted proxy, so a page that sends X-Forwarded-For
	// (as a reverse proxy would) comes from that address; pages that send
	// none stay 127.0.0.1, as before.
	s.cmd.Env = append(os.Environ(), "FRONTDESK_ADMIN_EMAIL="+adminEmail, "FRONTDESK_ADMIN_PASSWORD="+adminPassword,
		"FRONTDESK_GEOIP_DB="+countries, "FRONTDESK_TRUSTED_PROXIES=127.0.0.1")
	s.logPath = filepath.Join(dir, "frontdesk.log")
	logFile, err := os.Create(s.logPath)
	if err != nil {
		return nil, err
	}
	defer logFile.Close() // the child has its own copy
	s.cmd.Stdout, s.cmd.Stderr = logFile, logFile
	if err := s.cmd.Start(); err != nil {
		return nil, err
	}
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if res, err := http.Get(s.url + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return s, nil
			}
		}
	}
	s.stop()
	return nil, fmt.Errorf("frontdesk not ready on %s after 30s:\n%s", addr, s.logText())
}

func (s *server) stop() {
	if s.cmd.Process != nil {
		s.cmd.Process.Signal(os.Interrupt)
		done := make(chan error, 1)
		go func() { done <- s.cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			s.cmd.Process.Kill()
			<-done
		}
	}
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// seedTicket is a ticket the tests expect to find, by subject.
type seedTicket struct {
	Subject  string
	Priority int
	ID       int64
	Number   int64
}

// seed creates an API token with the CLI and the tickets through the REST
// API, in an order where creation time alone would not sort them by
// priority.
func (s *server) seed(ctx context.Context) ([]seedTicket, error) {
	out, err := exec.CommandContext(ctx, s.bin, "token", "create", "--db", s.db, "--email", adminEmail).Output()
	if err != nil {
		return nil, fmt.Errorf("token create: %w", err)
	}
	token := strings.TrimSpace(string(out))
	tickets := []seedTicket{
		{Subject: "Invoice copy for March", Priority: 1},
		{Subject: "Question about opening hours", Priority: 0},
		{Subject: "Checkout is down for everyone", Priority: 3},
		{Subject: "Password reset mail never arrives", Priority: 2},
	}
	customers := []string{"Ana", "Ben", "Chloe", "Dev"}
	for i := range tickets {
		body, _ := json.Marshal(map[string]any{
			"subject": tickets[i].Subject, "team": "support", "priority": tickets[i].Priority,
			"assignee": adminEmail, "description": "Seeded by the browser tests.",
			"contact": map[string]string{"email": strings.ToLower(customers[i]) + "@example.com", "first_name": customers[i]},
		})
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, s.url+"/api/v1/tickets", bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "application/json")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			return nil, err
		}
		var t struct{ ID, Number int64 }
		err = json.NewDecoder(res.Body).Decode(&t)
		res.Body.Close()
		if res.StatusCode != http.StatusCreated || err != nil {
			return nil, fmt.Errorf("create ticket %q: status %d, %v", tickets[i].Subject, res.StatusCode, err)
		}
		tickets[i].ID, tickets[i].Number = t.ID, t.Number
	}
	return tickets, nil
}
