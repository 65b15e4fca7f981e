package ui

import (
	"fmt"
	"math"
)

// Chart is one server-rendered SVG chart: its geometry computed here, so
// the template only draws (no script, prints as it shows, scales to any
// width through its viewBox).
type Chart struct {
	ID, Title, Caption string
	Width, Height      int
	Left, Bottom       float64 // the plot's left and bottom edges
	Right              float64
	YTicks, XTicks     []Tick
	Bars               []ChartBar
	Lines              []ChartLine
	Legend             []LegendItem
	Empty              bool // nothing measured in the period
	Table              ChartTable
}

// Tick is an axis label at a position.
type Tick struct {
	Pos   float64
	Label string
}

// ChartBar is one bar with its hover text.
type ChartBar struct {
	X, Y, W, H float64
	Class      string
	Title      string
}

// ChartLine is one series: its polyline and a dot per value.
type ChartLine struct {
	Class, Points string
	Dots          []ChartDot
}

// ChartDot is one value of a line with its hover text.
type ChartDot struct {
	X, Y  float64
	Title string
}

// LegendItem names a series.
type LegendItem struct{ Class, Label string }

// ChartTable is a chart's table view: one row per day.
type ChartTable struct {
	Head []string
	Rows [][]string
}

// series is one named list of values (nil: nothing measured that day).
type series struct {
	label, class string
	values       []*float64
}

const (
	chartW, chartH          = 640, 240
	padLeft, padBottom, pad = 56.0, 28.0, 12.0
)

func newChart(id, title string, days []string) Chart {
	c := Chart{ID: id, Title: title, Width: chartW, Height: chartH, Left: padLeft, Bottom: chartH - padBottom,
		Right: chartW - pad}
	step := max(1, (len(days)+6)/7) // at most about seven day labels
	for i, d := range days {
		if i%step == 0 || i == len(days)-1 && len(days) <= 7 {
			c.XTicks = append(c.XTicks, Tick{Pos: c.x(i, len(days)), Label: axisDay(d)})
		}
	}
	return c
}

// x is the centre of day i of n.
func (c Chart) x(i, n int) float64 {
	slot := (c.Right - c.Left) / float64(n)
	return c.Left + slot*(float64(i)+.5)
}

func (c Chart) y(v, top float64) float64 {
	return c.Bottom - (v/top)*(c.Bottom-pad)
}

// yAxis sets four ticks up to a round top of max, each labelled by label.
func (c *Chart) yAxis(maxV float64, label func(float64) string) float64 {
	top := niceTop(maxV)
	for i := 0; i <= 4; i++ {
		v := top * float64(i) / 4
		c.YTicks = append(c.YTicks, Tick{Pos: c.y(v, top), Label: label(v)})
	}
	return top
}

// niceTop rounds max up to four times a round step (1, 2 or 5 times a
// power of ten), so the four ticks read as round numbers.
func niceTop(maxV float64) float64 {
	if maxV <= 0 {
		return 4
	}
	raw := maxV / 4
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			return 4 * m * p
		}
	}
	return 40 * p
}

// barChart draws the series side by side per day.
func barChart(id, title string, days []string, list []series) Chart {
	c := newChart(id, title, days)
	// At least 4, so the four ticks of a count are whole numbers.
	top := c.yAxis(math.Max(maxOf(list), 4), func(v float64) string { return fmt.Sprint(int(v)) })
	slot := (c.Right - c.Left) / float64(len(days))
	w := math.Min(slot*.8/float64(len(list)), 28)
	for si, s := range list {
		c.Legend = append(c.Legend, LegendItem{s.class, s.label})
		for i, v := range s.values {
			if v == nil {
				continue
			}
			x := c.x(i, len(days)) - w*float64(len(list))/2 + w*float64(si)
			y := c.y(*v, top)
			c.Bars = append(c.Bars, ChartBar{X: x, Y: y, W: w, H: c.Bottom - y, Class: s.class,
				Title: fmt.Sprintf("%s, %s: %d", shortDay(days[i]), s.label, int(*v))})
		}
	}
	return c
}

// lineChart draws each series as a line with a dot per measured day;
// axis formats values for the axis, hover for the hover text.
func lineChart(id, title string, days []string, list []series, axis, hover func(float64) string) Chart {
	c := newChart(id, title, days)
	top := c.yAxis(maxOf(list), axis)
	c.Empty = true
	for _, s := range list {
		c.Legend = append(c.Legend, LegendItem{s.class, s.label})
		l := ChartLine{Class: s.class}
		for i, v := range s.values {
			if v == nil {
				continue
			}
			c.Empty = false
			x, y := c.x(i, len(days)), c.y(*v, top)
			l.Points += fmt.Sprintf("%.1f,%.1f ", x, y)
			l.Dots = append(l.Dots, ChartDot{X: x, Y: y, Title: fmt.Sprintf("%s, %s: %s", shortDay(days[i]), s.label, hover(*v))})
		}
		c.Lines = append(c.Lines, l)
	}
	return c
}

func maxOf(list []series) float64 {
	m := 0.0
	for _, s := range list {
		for _, v := range s.values {
			if v != nil && *v > m {
				m = *v
			}
		}
	}
	return m
}
