package ui

import (
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// nextStatuses are the composer's choices of the status a message leaves
// the ticket in: first the current one ("Send"), then the others. With a
// single closed status, moving there is just "close".
func nextStatuses(pl pipeline.Pipeline, t ticket.Ticket) []NextStatus {
	closed := 0
	for _, st := range pl.Statuses {
		if st.Kind == pipeline.Closed {
			closed++
		}
	}
	out := []NextStatus{{Value: "", Label: "Keep " + t.Status.Name, Reply: "Send", Note: "Add note", Selected: true}}
	for _, st := range pl.Statuses {
		if st.ID == t.Status.ID {
			continue
		}
		n := NextStatus{Value: id64(st.ID), Label: "Set " + st.Name}
		suffix := " and set " + st.Name
		if st.Kind == pipeline.Closed {
			n.Label, suffix = "Close", " and close"
			if closed > 1 {
				n.Label, suffix = "Close as "+st.Name, " and close as "+st.Name
			}
		}
		n.Reply, n.Note = "Send"+suffix, "Add note"+suffix
		out = append(out, n)
	}
	return out
}

// chooseNext selects the choice worth then, else the first (keep).
func chooseNext(next []NextStatus, then string) {
	found := false
	for i := range next {
		next[i].Selected = next[i].Value == then
		found = found || next[i].Selected
	}
	if !found && len(next) > 0 {
		next[0].Selected = true
	}
}
