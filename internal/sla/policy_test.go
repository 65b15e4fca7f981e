package sla_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/sla"
)

func minutes(n int) *int { return &n }

func TestNewPolicyRefusesBadTargets(t *testing.T) {
	cases := []struct {
		name string
		m    sla.Minutes
		cal  bool
		want map[string]string
	}{
		{"zero and over a year", sla.Minutes{FirstResponse: minutes(0), Resolution: minutes(600000)}, true,
			map[string]string{"targets.first_response": "0 minutes: a target is from 1 minute to a year",
				"targets.resolution": "600000 minutes"}},
		{"no target at all, a negative warning, no calendar", sla.Minutes{Warn: -5}, false,
			map[string]string{"targets": "set at least one target", "warn_minutes": "from 0 minutes", "calendar_id": "choose the calendar"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cal := nineToFive
			if !tc.cal {
				cal = nil
			}
			_, err := sla.NewPolicy(tc.m, cal, nil)
			var ve *domain.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("err = %v, want a validation error", err)
			}
			for field, want := range tc.want {
				if !strings.Contains(ve.Fields[field], want) {
					t.Errorf("%s: %q, want it to say %q", field, ve.Fields[field], want)
				}
			}
			if len(ve.Fields) != len(tc.want) {
				t.Errorf("fields %v, want only %v", ve.Fields, tc.want)
			}
		})
	}
}

// An urgent policy written in minutes gives the clock and the JSON the
// API shows: null where the policy sets no target.
func TestPolicyInMinutesAndTheResultAsJSON(t *testing.T) {
	p, err := sla.NewPolicy(sla.Minutes{FirstResponse: minutes(60), Resolution: minutes(8 * 60), Warn: 15}, nineToFive, pauses)
	if err != nil {
		t.Fatal(err)
	}
	r, _, err := sla.Compute([]sla.Event{created("2026-03-06 16:30", p), answer("2026-03-09 09:10")}, at("2026-03-09 09:20"))
	if err != nil {
		t.Fatal(err)
	}
	out, _ := json.Marshal(r)
	want := `{"first_response":{"state":"met","due_at":"2026-03-09T09:30:00+01:00","met_at":"2026-03-09T09:10:00+01:00","paused":false},` +
		`"next_response":null,"resolution":{"state":"running","due_at":"2026-03-09T16:30:00+01:00","paused":false}}`
	if string(out) != want {
		t.Errorf("JSON\n%s\nwant\n%s", out, want)
	}
}
