package webhook_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/field"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
	"github.com/frontdesk/frontdesk/internal/webhook"
)

// receiver is a test HTTP endpoint that keeps what it is sent and answers
// with the codes it is given, then 200.
type receiver struct {
	*httptest.Server
	mu    sync.Mutex
	got   []received
	codes []int
}

type received struct {
	event, delivery, signature string
	body                       []byte
	at                         time.Time
}

func newReceiver(t *testing.T, codes ...int) *receiver {
	r := &receiver{codes: codes}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		defer r.mu.Unlock()
		r.got = append(r.got, received{event: req.Header.Get(webhook.EventHeader), delivery: req.Header.Get(webhook.DeliveryHeader),
			signature: req.Header.Get(webhook.SignatureHeader), body: body, at: time.Now()})
		code := http.StatusOK
		if len(r.codes) > 0 {
			code, r.codes = r.codes[0], r.codes[1:]
		}
		w.WriteHeader(code)
	}))
	t.Cleanup(r.Close)
	return r
}

func (r *receiver) all() []received {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]received(nil), r.got...)
}

// clock is a sender's time, moved on by the test.
type clock struct{ now time.Time }

func (c *clock) Now() time.Time { return c.now }

func setup(t *testing.T, d *db.DB) (*app.Services, *webhook.Sender, *clock) {
	s := testutil.Services(t, d)
	c := &clock{now: time.Now().Add(time.Second)} // after the rows the test makes
	return s, &webhook.Sender{DB: d, Now: c.Now}, c
}

func hook(t *testing.T, s *app.Services, url string, customer bool, events ...string) webhook.Webhook {
	t.Helper()
	w, err := s.Webhooks.Create(context.Background(), webhook.Input{Name: testutil.Ptr("Receiver"), URL: &url,
		Events: &events, CustomerFacing: &customer})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func newTicket(t *testing.T, s *app.Services) ticket.Ticket {
	t.Helper()
	tk, err := s.Tickets.Create(context.Background(), ticket.NewTicket{Subject: "Lost parcel", Description: "Where is it?",
		Team: "support", Contact: contact.Identity{Email: "ada@example.com", FirstName: "Ada"}})
	if err != nil {
		t.Fatal(err)
	}
	return tk
}

func send(t *testing.T, snd *webhook.Sender) int {
	t.Helper()
	n, err := snd.SendDue(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// The receiver checks each delivery as docs/webhooks.md tells it to: the
// HMAC-SHA256 of "timestamp.body" with the secret, and a fresh timestamp.
func TestDeliveriesAreSignedWithTimestamp(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s, snd, _ := setup(t, d)
		r := newReceiver(t)
		w := hook(t, s, r.URL+"/hooks", false, webhook.TicketCreated, webhook.StatusEntered)
		if !strings.HasPrefix(w.Secret, "whsec_") {
			t.Fatalf("secret %q not returned on create", w.Secret)
		}
		tk := newTicket(t, s)
		if _, err := s.Tickets.Update(context.Background(), tk.ID, ticket.Patch{Status: testutil.Ptr("Waiting")}); err != nil {
			t.Fatal(err)
		}
		if n := send(t, snd); n != 2 {
			t.Fatalf("sent %d deliveries, want ticket_created and status_entered", n)
		}
		got := r.all()
		if len(got) != 2 || got[0].event != "ticket_created" || got[1].event != "status_entered" {
			t.Fatalf("received %+v", got)
		}
		for _, g := range got {
			ts, sig, ok := strings.Cut(strings.TrimPrefix(g.signature, "t="), ",v1=")
			sec, err := strconv.ParseInt(ts, 10, 64)
			if !ok || err != nil || g.at.Sub(time.Unix(sec, 0)).Abs() > time.Minute {
				t.Fatalf("signature header %q: want t=<now>,v1=<hmac>", g.signature)
			}
			mac := hmac.New(sha256.New, []byte(w.Secret))
			mac.Write([]byte(ts + "." + string(g.body)))
			if sig != hex.EncodeToString(mac.Sum(nil)) {
				t.Errorf("%s: the HMAC does not match the body", g.event)
			}
			if !webhook.Verify(w.Secret, g.signature, g.body, g.at, 5*time.Minute) {
				t.Errorf("%s: Verify refuses a good delivery", g.event)
			}
			if webhook.Verify("whsec_other", g.signature, g.body, g.at, 5*time.Minute) ||
				webhook.Verify(w.Secret, g.signature, append(g.body, ' '), g.at, 5*time.Minute) ||
				webhook.Verify(w.Secret, g.signature, g.body, g.at.Add(time.Hour), 5*time.Minute) {
				t.Errorf("%s: Verify accepts a wrong secret, a changed body or an old timestamp", g.event)
			}
		}
		var body struct {
			Event string
			Data  webhook.TicketPayload
		}
		if err := json.Unmarshal(got[1].body, &body); err != nil || body.Data.Ticket.Number != tk.Number ||
			body.Data.Ticket.Status != "Waiting" || body.Data.Change["to"] != "Waiting" || body.Data.Ticket.Contact.Email != "ada@example.com" {
			t.Errorf("status_entered body %s (%v)", got[1].body, err)
		}
	})
}

func TestFailedDeliveryIsRetriedThenSent(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s, snd, c := setup(t, d)
		r := newReceiver(t, http.StatusInternalServerError)
		w := hook(t, s, r.URL, false, webhook.TicketCreated)
		newTicket(t, s) // the receiver fails: the ticket is made all the same
		send(t, snd)
		ds, _ := s.Webhooks.Deliveries(context.Background(), w.ID, 10)
		if len(ds) != 1 || ds[0].Status != webhook.Queued || ds[0].StatusCode != 500 || ds[0].Attempts != 1 ||
			!strings.Contains(ds[0].Error, "500") || ds[0].NextAttemptAt == nil {
			t.Fatalf("after a 500: %+v", ds)
		}
		if n := send(t, snd); n != 0 {
			t.Fatalf("retried %d before its backoff ended", n)
		}
		c.now = c.now.Add(time.Minute)
		send(t, snd)
		ds, _ = s.Webhooks.Deliveries(context.Background(), w.ID, 10)
		if len(r.all()) != 2 || ds[0].Status != webhook.Sent || ds[0].StatusCode != 200 || ds[0].Attempts != 2 || ds[0].Error != "" {
			t.Fatalf("after the retry: %+v, %d requests", ds, len(r.all()))
		}
	})
}

func TestDeliveryFailsAfterTheLastRetry(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s, snd, c := setup(t, d)
		r := newReceiver(t, 503, 503, 503, 503)
		snd.Attempts = 3
		w := hook(t, s, r.URL, false, webhook.TicketCreated)
		newTicket(t, s)
		for range 5 {
			send(t, snd)
			c.now = c.now.Add(24 * time.Hour)
		}
		ds, _ := s.Webhooks.Deliveries(context.Background(), w.ID, 10)
		if len(r.all()) != 3 || len(ds) != 1 || ds[0].Status != webhook.Failed || ds[0].Attempts != 3 ||
			ds[0].StatusCode != 503 || ds[0].NextAttemptAt != nil {
			t.Fatalf("after three failures: %+v, %d requests", ds, len(r.all()))
		}
		list, _ := s.Webhooks.List(context.Background())
		if len(list) != 1 || list[0].Last == nil || list[0].Last.Status != webhook.Failed || list[0].Secret != "" {
			t.Errorf("the list shows %+v", list)
		}
		if err := snd.Prune(context.Background(), time.Now().Add(-time.Hour)); err != nil {
			t.Fatal(err)
		}
		if ds, _ := s.Webhooks.Deliveries(context.Background(), w.ID, 10); len(ds) != 1 {
			t.Error("a recent delivery was pruned")
		}
		if err := snd.Prune(context.Background(), time.Now().Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if ds, _ := s.Webhooks.Deliveries(context.Background(), w.ID, 10); len(ds) != 0 {
			t.Error("an old failed delivery was kept past the retention")
		}
	})
}

func TestCustomerFacingWebhookNeverGetsAnInternalNote(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s, snd, _ := setup(t, d)
		inside, outside := newReceiver(t), newReceiver(t)
		hook(t, s, inside.URL, false, webhook.Events...)
		hook(t, s, outside.URL, true, webhook.Events...)
		tk := newTicket(t, s)
		ctx := context.Background()
		note := "Internal: the customer owes us 300 euros"
		if _, err := s.Tickets.AddMessage(ctx, tk.ID, ticket.NewMessage{Kind: ticket.Note, Body: note}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Tickets.AddMessage(ctx, tk.ID, ticket.NewMessage{Kind: ticket.Reply, Body: "It is on its way."}); err != nil {
			t.Fatal(err)
		}
		for send(t, snd) > 0 {
		}
		events := func(r *receiver) (out []string, leaked bool) {
			for _, g := range r.all() {
				out = append(out, g.event)
				leaked = leaked || strings.Contains(string(g.body), "300 euros")
			}
			return out, leaked
		}
		in, inLeak := events(inside)
		out, outLeak := events(outside)
		if strings.Join(in, ",") != "ticket_created,note_added,answer_sent" || !inLeak {
			t.Errorf("the internal webhook got %v (note there: %v)", in, inLeak)
		}
		if strings.Join(out, ",") != "ticket_created,answer_sent" || outLeak {
			t.Errorf("the customer-facing webhook got %v (note leaked: %v)", out, outLeak)
		}
		// An automation's payload with a note is cut down for it too.
		err := d.WithTx(ctx, func(tx *db.Tx) error {
			return s.Webhooks.Enqueue(ctx, tx, webhook.AnswerSent, webhook.TicketPayload{
				Message: &webhook.MessageData{Kind: "note", Body: note}})
		})
		if err != nil {
			t.Fatal(err)
		}
		for send(t, snd) > 0 {
		}
		if _, leaked := events(outside); leaked {
			t.Error("a payload's note reached the customer-facing webhook")
		}
	})
}

func TestWebhookInputIsChecked(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		events := []string{webhook.TicketCreated}
		cases := []struct {
			url   string
			event []string
			field string
		}{
			{"ftp://example.com/hook", events, "url"},
			{"example.com/hook", events, "url"},
			{"http://127.0.0.1:8080/api/v1/tickets", events, "url"}, // the base URL
			{"http://localhost:8080/x", events, "url"},              // loopback on the listen port
			{"http://[::1]:8080/x", events, "url"},
			{"http://0.0.0.0:8080/x", events, "url"},
			{"https://hooks.example.com/in", nil, "events"},
			{"https://hooks.example.com/in", []string{"ticket_exploded"}, "events"},
		}
		for _, c := range cases {
			_, err := s.Webhooks.Create(context.Background(), webhook.Input{Name: testutil.Ptr("x"), URL: &c.url, Events: &c.event})
			if f := testutil.Fields(err); f[c.field] == "" || len(f) != 1 {
				t.Errorf("%s %v: fields %v, want one on %s", c.url, c.event, f, c.field)
			}
		}
		ok := "http://127.0.0.1:9/elsewhere" // another port on loopback is another program
		if _, err := s.Webhooks.Create(context.Background(), webhook.Input{Name: testutil.Ptr("x"), URL: &ok, Events: &events}); err != nil {
			t.Errorf("%s refused: %v", ok, err)
		}
	})
}

// A customer's answer to a closed ticket reopens it: the webhook hears
// the reply and the status it enters.
func TestCustomerReplyThatReopensIsTwoEvents(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s, snd, _ := setup(t, d)
		r := newReceiver(t)
		hook(t, s, r.URL, false, webhook.CustomerReplied, webhook.StatusEntered)
		tk := newTicket(t, s)
		ctx := context.Background()
		if _, err := s.Tickets.Update(ctx, tk.ID, ticket.Patch{Status: testutil.Ptr("Closed")}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Tickets.AddMessage(ctx, tk.ID, ticket.NewMessage{Kind: ticket.Customer, Body: "Still broken"}); err != nil {
			t.Fatal(err)
		}
		for send(t, snd) > 0 {
		}
		var got []string
		for _, g := range r.all() {
			got = append(got, g.event)
		}
		if strings.Join(got, ",") != "status_entered,customer_replied,status_entered" {
			t.Errorf("events %v, want Closed entered, then the reply and the reopening it caused", got)
		}
	})
}

// A change that is refused leaves no delivery: it is queued in the
// change's own transaction.
func TestRefusedChangeQueuesNothing(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s, _, _ := setup(t, d)
		w := hook(t, s, "https://hooks.example.com/in", false, webhook.AnswerSent, webhook.StatusEntered)
		tk := newTicket(t, s)
		_, err := s.Tickets.Respond(context.Background(), tk.ID, ticket.NewMessage{Kind: ticket.Reply, Body: "Done?"},
			ticket.Patch{Status: testutil.Ptr("Parked")})
		if err == nil {
			t.Fatal("an unknown status was taken")
		}
		if ds, _ := s.Webhooks.Deliveries(context.Background(), w.ID, 10); len(ds) != 0 {
			t.Errorf("a refused answer queued %+v", ds)
		}
	})
}

// A webhook that reaches the install itself only when its name is
// resolved (a name for loopback, saved while it pointed elsewhere: DNS
// rebinding) is refused as the connection is made, and the install hears
// nothing; a receiver on another port of this host still gets its
// delivery. With BlockPrivate that receiver is refused too.
func TestDialRefusesTheInstallItself(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s, snd, c := setup(t, d)
		install, other := newReceiver(t), newReceiver(t)
		_, port, err := net.SplitHostPort(strings.TrimPrefix(install.URL, "http://"))
		if err != nil {
			t.Fatal(err)
		}
		snd.Guard = webhook.NewGuard("0.0.0.0:"+port, "https://help.example.com", false)
		rebound := hook(t, s, other.URL+"/rebound", false, webhook.TicketCreated)
		if _, err := d.Write.ExecContext(context.Background(), `UPDATE webhooks SET url = $2 WHERE id = $1`,
			rebound.ID, "http://localhost:"+port+"/hook"); err != nil {
			t.Fatal(err)
		}
		hook(t, s, other.URL+"/hook", false, webhook.TicketCreated)
		newTicket(t, s)
		send(t, snd)
		if got := install.all(); len(got) != 0 {
			t.Fatalf("the install received %d deliveries of its own", len(got))
		}
		if got := other.all(); len(got) != 1 {
			t.Fatalf("the receiver on another port got %d deliveries, want 1", len(got))
		}
		ds, err := s.Webhooks.Deliveries(context.Background(), rebound.ID, 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(ds) != 1 || ds[0].Status != webhook.Queued || !strings.Contains(ds[0].Error, "this Frontdesk itself") {
			t.Fatalf("the rebound delivery: %+v, want queued again, refused as the install itself", ds)
		}

		strict := &webhook.Sender{DB: d, Now: c.Now, Guard: webhook.NewGuard("0.0.0.0:"+port, "", true)}
		private := hook(t, s, other.URL+"/private", false, webhook.TicketUpdated)
		if _, err := s.Tickets.Update(context.Background(), newTicket(t, s).ID, ticket.Patch{Subject: testutil.Ptr("Found")}); err != nil {
			t.Fatal(err)
		}
		send(t, strict)
		if ds, err = s.Webhooks.Deliveries(context.Background(), private.ID, 1); err != nil {
			t.Fatal(err)
		}
		if len(ds) != 1 || !strings.Contains(ds[0].Error, "private address") || len(other.all()) != 1 {
			t.Fatalf("with private addresses blocked: %+v, receiver got %d", ds, len(other.all()))
		}
	})
}

// A custom field's change names the field in the payload, as rules name
// it, with its label.
func TestCustomFieldChangeNamesTheField(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s, _, _ := setup(t, d)
		if _, err := s.Fields.Create(context.Background(), field.Input{Name: "plan", Label: "Plan", Type: field.Text}); err != nil {
			t.Fatal(err)
		}
		w := hook(t, s, "https://crm.example/hook", false, webhook.TicketUpdated)
		tk := newTicket(t, s)
		if _, err := s.Tickets.Update(context.Background(), tk.ID, ticket.Patch{Custom: map[string]any{"plan": "Gold"}}); err != nil {
			t.Fatal(err)
		}
		var body string
		if err := d.Read.QueryRowContext(context.Background(), `SELECT body FROM webhook_deliveries WHERE webhook_id = $1`,
			w.ID).Scan(&body); err != nil {
			t.Fatal(err)
		}
		var got struct {
			Data struct{ Change map[string]any }
		}
		if err := json.Unmarshal([]byte(body), &got); err != nil {
			t.Fatal(err)
		}
		if c := got.Data.Change; c["field"] != "fields.plan" || c["label"] != "Plan" || c["to"] != "Gold" {
			t.Fatalf("change %v, want fields.plan (Plan) to Gold", c)
		}
	})
}
