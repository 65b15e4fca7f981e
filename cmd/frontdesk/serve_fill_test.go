package main

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// TestServeFillsTheSlices: on an install upgraded with report history, the
// fill serve starts in the background fills every day and says so in the
// log; on one already complete it does nothing and logs nothing.
func TestServeFillsTheSlices(t *testing.T) {
	d := testutil.NewSQLite(t)
	s := testutil.Services(t, d)
	ctx := context.Background()
	for i := range 3 {
		_, err := s.Tickets.Create(ctx, ticket.NewTicket{Subject: "Printer", Description: "Help", Team: "support",
			CreatedAt: time.Date(2026, 3, 2+i, 10, 0, 0, 0, time.UTC), Contact: contact.Identity{Email: "ana@example.com"}})
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Reports.CatchUp(ctx); err != nil { // the record's queue into the roll-ups
		t.Fatal(err)
	}
	if _, err := d.Write.ExecContext(ctx, `UPDATE report_marks SET day = '9999-12-31'`); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	fillSlices(ctx, s, slog.New(slog.NewTextHandler(&out, nil))) // what startSliceFill runs; returns when done
	if done, err := s.Reports.SlicesComplete(ctx); err != nil || !done {
		t.Fatalf("after serve's fill the slices are complete: %v (%v)", done, err)
	}
	if !strings.Contains(out.String(), "report slices complete") || !strings.Contains(out.String(), "days=3") {
		t.Errorf("the log says\n%s\nwant the end of the fill, 3 days", out.String())
	}
	out.Reset()
	fillSlices(ctx, s, slog.New(slog.NewTextHandler(&out, nil)))
	if out.Len() != 0 {
		t.Errorf("with the slices complete the fill logged\n%s", out.String())
	}
}
