package report

import (
	"strings"

	"github.com/frontdesk/frontdesk/internal/domain"
)

// BreakdownNames are the breakdowns the API answers on request
// (?breakdown=), one per table of the reports page.
var BreakdownNames = []string{"target", "policy", "team", "operator", "channel", "tag", "heatmap"}

// Picked are the breakdowns asked for; the others are left out of the
// answer (nil). An asked one is a list even when empty.
type Picked struct {
	Targets   *[]SLARow   `json:"targets,omitempty"`
	Policies  *[]SLARow   `json:"policies,omitempty"`
	Teams     *[]SLARow   `json:"teams,omitempty"`
	Operators *[]SLARow   `json:"operators,omitempty"`
	Channels  *[]GroupRow `json:"channels,omitempty"`
	Tags      *[]GroupRow `json:"tags,omitempty"`
	HeatMap   *HeatMap    `json:"heat_map,omitempty"`
}

// HeatMap is new tickets per weekday (Monday first) and local hour (0 to
// 23) in each team's time zone.
type HeatMap struct {
	Weekdays []string   `json:"weekdays"`
	Counts   [7][24]int `json:"counts"`
}

// CheckBreakdowns reads ?breakdown= values (each may list several,
// comma-separated; "all" is every one) into the names asked for.
func CheckBreakdowns(values []string) ([]string, error) {
	var out []string
	var bad []string
	for _, v := range values {
		for _, name := range strings.Split(v, ",") {
			name = strings.TrimSpace(name)
			switch {
			case name == "":
			case name == "all":
				out = append(out, BreakdownNames...)
			case contains(BreakdownNames, name):
				out = append(out, name)
			default:
				bad = append(bad, name)
			}
		}
	}
	c := &domain.Check{}
	c.Require(len(bad) == 0, "breakdown", "unknown "+strings.Join(bad, ", ")+"; must be all or some of "+
		strings.Join(BreakdownNames, ", "))
	return out, c.Err()
}

// Pick keeps the breakdowns named (by CheckBreakdowns); nil when none.
func (b Breakdowns) Pick(names []string) *Picked {
	if len(names) == 0 {
		return nil
	}
	p := &Picked{}
	for _, n := range names {
		switch n {
		case "target":
			p.Targets = &b.SLA.Targets
		case "policy":
			p.Policies = &b.SLA.Policies
		case "team":
			p.Teams = &b.SLA.Teams
		case "operator":
			p.Operators = &b.SLA.Operators
		case "channel":
			p.Channels = &b.Channels
		case "tag":
			p.Tags = &b.Tags
		case "heatmap":
			p.HeatMap = &HeatMap{Weekdays: []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}, Counts: b.HeatMap}
		}
	}
	return p
}
