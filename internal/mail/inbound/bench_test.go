package inbound_test

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/smtp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/bench"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/mail/inbound"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// BenchmarkSMTPIntake measures mail intake end to end: 8 senders on their
// own connections send b.N mails of 20 KB; the clock stops when every mail
// is filed on a ticket. It reports mails per second, the 99th percentile
// from the end of DATA to the 250, and CPU per mail. "typical" mails carry
// their text as plain text and HTML (typicalMails), "plain" ones 20 KB of
// plain text (plainMails).
//
//	go test -run '^$' -bench SMTPIntake -benchtime 6000x ./internal/mail/inbound/
func BenchmarkSMTPIntake(b *testing.B) {
	for _, m := range []struct {
		name  string
		mails func(int) []string
	}{{"typical", typicalMails}, {"plain", plainMails}} {
		b.Run("sqlite/"+m.name, func(b *testing.B) { benchIntake(b, testutil.NewSQLite(b), true, m.mails) })
		b.Run("postgres/"+m.name, func(b *testing.B) { benchIntake(b, testutil.NewPostgres(b), true, m.mails) })
	}
}

// BenchmarkSMTPAcceptOnly is the same without the processing worker: how
// fast the listener alone stores mail and answers 250.
func BenchmarkSMTPAcceptOnly(b *testing.B) {
	b.Run("sqlite", func(b *testing.B) { benchIntake(b, testutil.NewSQLite(b), false, typicalMails) })
	b.Run("postgres", func(b *testing.B) { benchIntake(b, testutil.NewPostgres(b), false, typicalMails) })
}

func benchIntake(b *testing.B, d *db.DB, process bool, mails func(int) []string) {
	app.TuneGC() // as frontdesk serve runs
	s := testutil.Services(b, d)
	quiet := slog.New(slog.DiscardHandler)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	w := s.Mail.Worker(quiet, s.Mail.Workers())
	done := make(chan struct{})
	if process {
		s.Mail.Wake = w.Wake
		go func() { w.Run(ctx); close(done) }()
	} else {
		close(done)
	}
	srv := s.Mail.NewSMTPServer(inbound.SMTPConfig{Domain: "mx.bench"}, quiet)
	go srv.Serve(ln)
	defer func() { _ = srv.Shutdown(context.Background()); cancel(); <-done }()

	bodies := mails(64)
	const senders = 8
	latencies := make([][]time.Duration, senders)
	b.ResetTimer()
	cpu0 := processCPU(b)
	start := time.Now()
	var wg sync.WaitGroup
	for k := range senders {
		wg.Add(1)
		go func() {
			defer wg.Done()
			latencies[k] = sendBatch(b, ln.Addr().String(), k, senders, b.N, bodies)
		}()
	}
	wg.Wait()
	if process {
		waitProcessed(b, d, b.N)
	}
	elapsed := time.Since(start)
	cpu := processCPU(b) - cpu0
	b.StopTimer()
	all := slices.Concat(latencies...)
	slices.Sort(all)
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "mails/s")
	b.ReportMetric(float64(all[len(all)*99/100].Microseconds())/1000, "p99-DATA-to-250-ms")
	// CPU per mail is steadier than the rate on a machine whose speed
	// varies; it includes the sending clients, and not the database
	// server of PostgreSQL.
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/mail")
}

// processCPU is the CPU time this process has used so far.
func processCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// typicalMails returns n bodies (after From, To, Subject and Message-ID)
// of 20 KB mails as mail clients write them: a few KB of transport
// headers, and the text twice, as text/plain and as styled text/html,
// some 6 KB of words drawn by Zipf rank from the vocabulary of `frontdesk
// bench` (about 450 distinct words a mail).
func typicalMails(n int) []string {
	v := bench.NewVocabulary(rand.New(rand.NewPCG(7, 11)), 20000)
	out := make([]string, n)
	for i := range out {
		var text, html strings.Builder
		html.WriteString(`<html><head><meta charset="utf-8"></head><body><div dir="ltr" style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222222">`)
		for text.Len() < 6_000 {
			s := v.Sentence(12) + "."
			text.WriteString(s + "\r\n")
			html.WriteString(`<p style="margin:0 0 12px 0;line-height:1.4"><span style="font-family:Arial,Helvetica,sans-serif">` + s + "</span></p>\r\n")
		}
		html.WriteString("</div></body></html>\r\n")
		out[i] = transportHeaders + "MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n" +
			"--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + text.String() +
			"--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html.String() + "--b1--\r\n"
	}
	return out
}

// plainMails returns n bodies of 20 KB of plain text, about 1,000 distinct
// words each: the heaviest 20 KB for the search index.
func plainMails(n int) []string {
	v := bench.NewVocabulary(rand.New(rand.NewPCG(7, 11)), 20000)
	out := make([]string, n)
	for i := range out {
		var sb strings.Builder
		sb.WriteString("\r\n")
		for sb.Len() < 20_000 {
			sb.WriteString(v.Sentence(12) + ".\r\n")
		}
		out[i] = sb.String()
	}
	return out
}

// transportHeaders are what a mail gathers on its way: relays' Received
// lines, a DKIM signature, authentication results.
var transportHeaders = strings.Repeat("Received: from mail-relay.bench.example (mail-relay.bench.example [192.0.2.10])\r\n"+
	"\tby mx.bench.example with ESMTPS id 4Xy7Qk1Zb2z9sWd for <support@localhost>; Sat, 21 Nov 2026 10:00:00 +0000\r\n", 3) +
	"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=bench.example; s=s1; h=from:to:subject:date:message-id;\r\n" +
	"\tbh=" + strings.Repeat("Q", 44) + ";\r\n\tb=" + strings.Repeat("aB3dE5fG7hJ9", 29) + "\r\n" +
	"Authentication-Results: mx.bench.example; dkim=pass header.d=bench.example; spf=pass smtp.mailfrom=bench.example\r\n" +
	"Date: Sat, 21 Nov 2026 10:00:00 +0000\r\nX-Mailer: Bench Mail 1.0\r\n"

// sendBatch sends mails k, k+step, ... below n on one connection and
// returns how long each end of DATA waited for its 250.
func sendBatch(b *testing.B, addr string, k, step, n int, bodies []string) []time.Duration {
	c, err := smtp.Dial(addr)
	if err != nil {
		b.Error(err)
		return nil
	}
	defer c.Close()
	var out []time.Duration
	for i := k; i < n; i += step {
		if err := c.Mail("sender@bench.example"); err != nil {
			b.Error(err)
			return out
		}
		if err := c.Rcpt("support@localhost"); err != nil {
			b.Error(err)
			return out
		}
		wc, err := c.Data()
		if err != nil {
			b.Error(err)
			return out
		}
		fmt.Fprintf(wc, "From: Customer %d <c%d@bench.example>\r\nTo: support@localhost\r\nSubject: Question %d\r\n"+
			"Message-ID: <bench-%d@bench.example>\r\n%s", i%200, i%200, i, i, bodies[i%len(bodies)])
		t0 := time.Now()
		if err := wc.Close(); err != nil {
			b.Error(err)
			return out
		}
		out = append(out, time.Since(t0))
	}
	return out
}

func waitProcessed(b *testing.B, d *db.DB, n int) {
	for deadline := time.Now().Add(5 * time.Minute); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		var left int
		if err := d.Read.QueryRow(`SELECT COUNT(*) FROM (SELECT 1 FROM raw_mails WHERE status = 'received' LIMIT 1) w`).Scan(&left); err != nil {
			b.Fatal(err)
		}
		if left == 0 {
			var filed int
			_ = d.Read.QueryRow(`SELECT COUNT(*) FROM raw_mails WHERE status = 'processed'`).Scan(&filed)
			if filed != n {
				b.Fatalf("%d of %d mails filed", filed, n)
			}
			return
		}
	}
	b.Fatal("mails not processed in 5 minutes")
}
