package ui

import (
	"net/http"
	"time"

	"github.com/frontdesk/frontdesk/internal/chat"
)

// LivePanel is live chat now on the reports' Chats tab; app.js fetches
// it again every LiveEvery seconds.
type LivePanel struct {
	Waiting, Online int
	Operators       []LiveOperator
	At              string // when it was read, HH:MM:SS UTC
	Every           int    // seconds between refreshes
}

// LiveOperator is one operator's load as the panel shows it.
type LiveOperator struct {
	Name, Status     string
	Active, Capacity int
	Full             bool
}

// liveEvery is how often the live panel refreshes itself, in seconds.
const liveEvery = 15

func (u *UI) livePanel(r *http.Request) (LivePanel, error) {
	p, err := u.s.Chats.Panel(r.Context())
	if err != nil {
		return LivePanel{}, err
	}
	out := LivePanel{Waiting: p.Waiting, Online: p.Online, At: u.now().UTC().Format(time.TimeOnly), Every: liveEvery}
	for _, o := range p.Operators {
		out.Operators = append(out.Operators, LiveOperator{Name: o.Name, Status: statusLabel(o.Status),
			Active: o.Active, Capacity: o.Capacity, Full: o.Active >= o.Capacity})
	}
	return out, nil
}

func statusLabel(s chat.Status) string {
	switch s {
	case chat.Online:
		return "Online"
	case chat.Away:
		return "Away"
	}
	return "Offline"
}

// reportsLive answers the live panel alone, for its refresh.
func (u *UI) reportsLive(w http.ResponseWriter, r *http.Request) error {
	p, err := u.livePanel(r)
	if err != nil {
		return err
	}
	v := ReportsView{Base: u.base(r, csrfToken(r)), Tab: "chats", Chats: &ChatTab{Live: p}}
	return u.pages.block(w, http.StatusOK, "reports", "live-panel", v)
}
