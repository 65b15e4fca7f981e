package server

import (
	"context"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/frontdesk/frontdesk/internal/chat"
)

// chatGauges is the live panel of the reports as Prometheus gauges, read
// from the database at each scrape (so every node of a cluster answers
// the same): visitors waiting, operators online, and per operator the
// chats held and the capacity.
type chatGauges struct {
	chats                                 *chat.Service
	waiting, online, active, capacity, up *prometheus.Desc
}

func newChatGauges(c *chat.Service) *chatGauges {
	op := []string{"operator_id", "operator"}
	return &chatGauges{chats: c,
		waiting:  prometheus.NewDesc("frontdesk_chat_visitors_waiting", "Chats waiting in a queue for an operator.", nil, nil),
		online:   prometheus.NewDesc("frontdesk_chat_operators_online", "Operators online for chat (not away by silence).", nil, nil),
		active:   prometheus.NewDesc("frontdesk_chat_operator_chats", "Chats an operator holds now.", op, nil),
		capacity: prometheus.NewDesc("frontdesk_chat_operator_capacity", "Chats an operator may hold at once.", op, nil),
		up:       prometheus.NewDesc("frontdesk_chat_panel_up", "1 when the live chat figures could be read.", nil, nil)}
}

func (g *chatGauges) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{g.waiting, g.online, g.active, g.capacity, g.up} {
		ch <- d
	}
}

func (g *chatGauges) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	p, err := g.chats.Panel(ctx)
	if err != nil {
		ch <- prometheus.MustNewConstMetric(g.up, prometheus.GaugeValue, 0)
		return
	}
	ch <- prometheus.MustNewConstMetric(g.up, prometheus.GaugeValue, 1)
	ch <- prometheus.MustNewConstMetric(g.waiting, prometheus.GaugeValue, float64(p.Waiting))
	ch <- prometheus.MustNewConstMetric(g.online, prometheus.GaugeValue, float64(p.Online))
	for _, o := range p.Operators {
		id := strconv.FormatInt(o.ID, 10)
		ch <- prometheus.MustNewConstMetric(g.active, prometheus.GaugeValue, float64(o.Active), id, o.Name)
		ch <- prometheus.MustNewConstMetric(g.capacity, prometheus.GaugeValue, float64(o.Capacity), id, o.Name)
	}
}
