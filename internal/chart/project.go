package chart

import "math"

// Equal Earth projection (Šavrič, Patterson and Jenny, 2018): an
// equal-area projection for world maps. Project returns x in [-1, 1]
// (west to east) and y in about [-0.487, 0.487] (north to south, so that
// it grows downwards as SVG does), both divided by the projected
// half-width.
const (
	eeA1 = 1.340264
	eeA2 = -0.081106
	eeA3 = 0.000893
	eeA4 = 0.003796
)

var (
	eeM         = math.Sqrt(3) / 2
	eeHalfWidth = math.Pi / (eeM * eeA1)
)

// Project maps a latitude and longitude in degrees to the unit Equal Earth
// plane described above.
func Project(lat, lon float64) (x, y float64) {
	lat = math.Max(-90, math.Min(90, lat))
	lon = math.Max(-180, math.Min(180, lon))
	phi := lat * math.Pi / 180
	lam := lon * math.Pi / 180
	t := math.Asin(eeM * math.Sin(phi))
	t2 := t * t
	t6 := t2 * t2 * t2
	x = lam * math.Cos(t) / (eeM * (eeA1 + 3*eeA2*t2 + t6*(7*eeA3+9*eeA4*t2)))
	y = t * (eeA1 + eeA2*t2 + t6*(eeA3+eeA4*t2))
	return x / eeHalfWidth, -y / eeHalfWidth
}

// Map geometry: the world map is drawn in a viewBox MapWidth wide; its
// top and bottom cut the poles (latitudes MapNorth and MapSouth), which
// news rarely needs and which would waste half the height.
const (
	MapWidth = 1000
	MapNorth = 84
	MapSouth = -58
)

// MapPoint maps a latitude and longitude to map pixels.
func MapPoint(lat, lon float64) (x, y float64) {
	px, py := Project(lat, lon)
	_, top := Project(MapNorth, 0)
	return (px + 1) * MapWidth / 2, (py - top) * MapWidth / 2
}

// MapHeight is the viewBox height of the map.
func MapHeight() float64 {
	_, y := MapPoint(MapSouth, 0)
	return math.Ceil(y)
}
