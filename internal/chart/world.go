package chart

import (
	_ "embed"
	"html/template"
	"math"
	"strings"
	"sync"
)

//go:embed world.tsv
var worldTSV string

// Country is one outline of the embedded world map.
type Country struct {
	ISO3 string
	Name string
	// Path is SVG path data in map pixels (see MapPoint).
	Path string
}

var world = sync.OnceValue(func() []Country {
	var out []Country
	for line := range strings.Lines(worldTSV) {
		line = strings.TrimRight(line, "\n")
		if line == "" || line[0] == '#' || strings.HasPrefix(line, "iso3\t") {
			continue
		}
		f := strings.SplitN(line, "\t", 3)
		if len(f) == 3 {
			out = append(out, Country{f[0], f[1], f[2]})
		}
	}
	return out
})

// Countries returns the outlines of the embedded world map, sorted by
// code. A code may have several shapes (Somalia and Somaliland).
func Countries() []Country { return world() }

// Point is a marker on the map.
type Point struct {
	Lat, Lon float64
	// N sizes the marker (by its square root, against the largest N).
	N     int
	Label string
	Href  string
	Class string
}

// MapLayer is what a world map shows: countries shaded by a value and
// markers at coordinates.
type MapLayer struct {
	Label string
	// Shade gives a value per country (ISO 3166-1 alpha-3); countries
	// are shaded in six steps on a square-root scale of the largest.
	Shade map[string]int
	// ShadeNote names what Shade counts ("events"), for the tooltips.
	ShadeNote string
	// CountryHref, when set, links each shaded country.
	CountryHref func(iso3 string) string
	Points      []Point
}

// WorldMap draws the world map with the layer's shading and markers.
func WorldMap(m MapLayer) template.HTML {
	var s svg
	h := MapHeight()
	s.open(MapWidth, h, "map", m.Label)
	s.f(`<rect class="sea" x="0" y="0" width="%d" height="%s"/>`, MapWidth, num(h))
	maxV := 0
	for _, v := range m.Shade {
		maxV = max(maxV, v)
	}
	s.WriteString(`<g class="land">`)
	for _, c := range Countries() {
		v := m.Shade[c.ISO3]
		step := 0
		if v > 0 && maxV > 0 {
			step = 1 + int(math.Floor(5*math.Sqrt(float64(v)/float64(maxV))-1e-9))
			step = min(max(step, 1), 5)
		}
		href := ""
		if v > 0 && m.CountryHref != nil {
			href = m.CountryHref(c.ISO3)
		}
		s.link(href, func() {
			s.f(`<path class="s%d" d="%s"><title>%s`, step, c.Path, esc(c.Name))
			if v > 0 {
				s.f(`: %d %s`, v, esc(m.ShadeNote))
			}
			s.WriteString(`</title></path>`)
		})
	}
	s.WriteString(`</g>`)
	maxN := 1
	for _, p := range m.Points {
		maxN = max(maxN, p.N)
	}
	for _, p := range m.Points {
		x, y := MapPoint(p.Lat, p.Lon)
		if y < 0 || y > h {
			continue
		}
		r := 2.5 + 9*math.Sqrt(float64(p.N)/float64(maxN))
		s.link(p.Href, func() {
			s.f(`<circle class="%s" cx="%s" cy="%s" r="%s"><title>%s</title></circle>`,
				esc(orDefault(p.Class, "pt")), num(x), num(y), num(r), esc(p.Label))
		})
	}
	return s.html()
}
