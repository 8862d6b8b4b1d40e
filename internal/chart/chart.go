// Package chart draws the web UI's charts as SVG on the server: a timeline
// of events by quad class, horizontal bars, a small network with a
// deterministic layout, sparklines, and a world map from embedded Natural
// Earth outlines. Every function returns markup safe to put in a page:
// all text is escaped, and nothing uses inline styles or scripts, so a
// strict Content-Security-Policy holds.
package chart

//go:generate go run ./gen -o world.tsv
