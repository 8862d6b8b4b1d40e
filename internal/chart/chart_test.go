package chart_test

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"newsgraph/internal/chart"
)

const hostile = `<script>alert(1)</script>"'&`

// Every chart escapes what it is given and uses no inline style or
// script, so that pages keep a strict Content-Security-Policy.
func TestChartsEscape(t *testing.T) {
	series := []chart.Series{{Label: hostile, Class: "quad1"}}
	outs := map[string]string{
		"timeline": string(chart.Timeline(hostile, series, []chart.Stack{{Label: hostile, Values: []int{3}, Href: "/x?a=" + hostile}}, 600, 200)),
		"bars":     string(chart.Bars(hostile, []chart.Bar{{Label: hostile, Note: hostile, Value: 2, Href: hostile}}, 400)),
		"spark":    string(chart.Spark(hostile, []int{1, 0, 2}, hostile, 100, 20)),
		"network":  string(chart.Network(hostile, []chart.Node{{Label: hostile}, {Label: "b", Href: hostile}}, []chart.Link{{A: 0, B: 1, Weight: 2}, {A: 5, B: -1}}, 300, 300)),
		"map":      string(chart.WorldMap(chart.MapLayer{Label: hostile, Shade: map[string]int{"FRA": 3}, ShadeNote: hostile, Points: []chart.Point{{Lat: 48.9, Lon: 2.3, N: 1, Label: hostile, Href: hostile}}})),
	}
	for name, out := range outs {
		if strings.Contains(out, "<script") || strings.Contains(out, "style=") || strings.Contains(out, `"'&`) {
			t.Errorf("%s: unescaped or styled output: %.300s", name, out)
		}
		if !strings.Contains(out, "&lt;script&gt;") {
			t.Errorf("%s: label lost", name)
		}
		if !strings.HasPrefix(out, "<svg ") || !strings.HasSuffix(out, "</svg>") {
			t.Errorf("%s: not one svg element", name)
		}
	}
}

func TestEmptyCharts(t *testing.T) {
	if out := string(chart.Timeline("t", nil, nil, 600, 200)); !strings.Contains(out, "no events") {
		t.Errorf("empty timeline: %s", out)
	}
	if out := string(chart.Bars("b", nil, 300)); !strings.Contains(out, "nothing yet") {
		t.Errorf("empty bars: %s", out)
	}
	_ = chart.Network("n", nil, nil, 100, 100)
	_ = chart.Spark("s", nil, "", 10, 10)
}

func TestDeterministic(t *testing.T) {
	nodes := []chart.Node{{Label: "a", Weight: 3}, {Label: "b", Weight: 1}, {Label: "c", Weight: 2}}
	links := []chart.Link{{A: 0, B: 1, Weight: 1}, {A: 1, B: 2, Weight: 4}}
	if chart.Network("n", nodes, links, 400, 300) != chart.Network("n", nodes, links, 400, 300) {
		t.Error("network layout differs between runs")
	}
	layer := chart.MapLayer{Shade: map[string]int{"FRA": 3, "DEU": 1, "RUS": 9}}
	if chart.WorldMap(layer) != chart.WorldMap(layer) {
		t.Error("map differs between runs")
	}
}

func TestMapPoint(t *testing.T) {
	x, _ := chart.MapPoint(0, 0)
	if math.Abs(x-chart.MapWidth/2) > 0.01 {
		t.Errorf("lon 0 at x=%v", x)
	}
	// Paris is north-east of Madrid, Sydney south-east of Jakarta.
	px, py := chart.MapPoint(48.86, 2.35)
	mx, my := chart.MapPoint(40.42, -3.70)
	if !(px > mx && py < my) {
		t.Errorf("Paris (%v,%v) vs Madrid (%v,%v)", px, py, mx, my)
	}
	_, top := chart.MapPoint(chart.MapNorth, 0)
	_, bottom := chart.MapPoint(chart.MapSouth, 0)
	if math.Abs(top) > 0.01 || math.Abs(bottom-chart.MapHeight()) > 1 {
		t.Errorf("map spans y %v to %v, height %v", top, bottom, chart.MapHeight())
	}
}

func TestWorld(t *testing.T) {
	cs := chart.Countries()
	if len(cs) < 170 {
		t.Fatalf("%d outlines", len(cs))
	}
	seen := map[string]bool{}
	for _, c := range cs {
		seen[c.ISO3] = true
		if len(c.ISO3) != 3 || !strings.HasPrefix(c.Path, "M") || !strings.HasSuffix(c.Path, "z") {
			t.Errorf("%s %s: bad outline", c.ISO3, c.Name)
		}
	}
	for _, c := range []string{"USA", "RUS", "BLR", "UKR", "CHN", "BRA", "FJI", "XKX"} {
		if !seen[c] {
			t.Errorf("no outline for %s", c)
		}
	}
	// No outline jumps across the map (the antimeridian is unwrapped):
	// relative moves stay short.
	for _, c := range cs {
		for _, ring := range strings.Split(c.Path, "M")[1:] {
			_, rel, _ := strings.Cut(ring, "l")
			nums := pathNumbers(strings.TrimSuffix(rel, "z"))
			for i := 0; i+1 < len(nums); i += 2 {
				if math.Abs(nums[i]) > 200 {
					t.Errorf("%s %s: a move of %v px", c.ISO3, c.Name, nums[i])
					break
				}
			}
		}
	}
}

// pathNumbers splits SVG path numbers written without separators where
// the grammar allows ("1.2.5-3" is 1.2, .5, -3).
func pathNumbers(s string) []float64 {
	var out []float64
	i := 0
	for i < len(s) {
		if s[i] == ' ' {
			i++
			continue
		}
		j := i
		if s[j] == '-' {
			j++
		}
		dot := false
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.' && !dot) {
			if s[j] == '.' {
				dot = true
			}
			j++
		}
		v, err := strconv.ParseFloat(s[i:j], 64)
		if err != nil || j == i {
			return out
		}
		out = append(out, v)
		i = j
	}
	return out
}
