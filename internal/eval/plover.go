package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"

	"newsgraph/internal/article"
	"newsgraph/internal/pipeline"
)

// ploverRecord is one object of a PLOVER gold-standard file.
type ploverRecord struct {
	ID     string          `json:"id"`
	Date   string          `json:"date"`
	Event  string          `json:"event"`
	Source json.RawMessage `json:"source"`
	Target json.RawMessage `json:"target"`
	Text   string          `json:"text"`
}

type ploverActor struct {
	Code string `json:"code"`
}

// ploverRename maps PLOVER 0.5b1 types to the current names.
var ploverRename = map[string]string{
	"DEMAND":      "REQUEST",
	"DISAPPROVE":  "ACCUSE",
	"INVESTIGATE": "ACCUSE",
	"FIGHT":       "ASSAULT",
}

// PloverType returns the current PLOVER name of a (possibly older) type.
func PloverType(t string) string {
	t = strings.ToUpper(strings.TrimSpace(t))
	if n, ok := ploverRename[t]; ok {
		return n
	}
	return t
}

// actors reads a source or target field: a list of actors, or a string
// (empty, or a word such as "diplomatic") that names none.
func ploverActors(raw json.RawMessage) []string {
	var list []ploverActor
	if err := json.Unmarshal(raw, &list); err != nil {
		return nil
	}
	var out []string
	for _, a := range list {
		if c := strings.ToUpper(strings.TrimSpace(a.Code)); len(c) >= 3 {
			out = append(out, c[:3])
		}
	}
	return out
}

// PloverRecord is the outcome for one sentence, for --json.
type PloverRecord struct {
	ID   string   `json:"id"`
	Text string   `json:"text"`
	Gold []string `json:"gold"`
	Got  []string `json:"got"`
	Hit  bool     `json:"type_hit"`
}

// Plover scores the whole pipeline (our knowledge base, no extra
// dictionaries) on PLOVER gold records: each sentence is run as an
// article dated by its record, and its events are compared with the gold
// event: type_acc is the share of sentences where an event has the gold
// type (older type names mapped to current ones), actor_F1 the set F1 of
// the three-letter country (or IGO) codes of sources and targets, and F1
// the micro F1 of (type, source country, target country) triples.
// Negated events and events without a PLOVER type do not count.
func Plover(ctx context.Context, path string, cfg pipeline.Config) (*Report, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval plover: %w", err)
	}
	var recs []ploverRecord
	if err := json.Unmarshal(b, &recs); err != nil {
		return nil, fmt.Errorf("eval plover: parse %s: %w", path, err)
	}
	cfg.Raw = true
	p, err := pipeline.New(cfg)
	if err != nil {
		return nil, fmt.Errorf("eval plover: %w", err)
	}
	var triples, actors Counts
	hits, n := 0, 0
	type tc struct{ n, hit int }
	byType := map[string]*tc{}
	var out []PloverRecord
	for _, r := range recs {
		if r.Event == "" || r.Event == "DOCUMENT" || strings.TrimSpace(r.Text) == "" {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		n++
		typ := PloverType(r.Event)
		srcs, tgts := ploverActors(r.Source), ploverActors(r.Target)
		gold := map[[3]string]bool{}
		goldActors := map[string]bool{}
		for _, s := range srcs {
			goldActors[s] = true
			if len(tgts) == 0 {
				gold[[3]string{typ, s, ""}] = true
			}
			for _, t := range tgts {
				gold[[3]string{typ, s, t}] = true
			}
		}
		for _, t := range tgts {
			goldActors[t] = true
		}
		if len(srcs) == 0 {
			for _, t := range tgts {
				gold[[3]string{typ, "", t}] = true
			}
		}
		rec, err := p.Process(ctx, article.Input{Text: r.Text, Published: r.Date})
		if err != nil {
			continue
		}
		got := map[[3]string]bool{}
		gotActors := map[string]bool{}
		hit := false
		for _, e := range rec.Events {
			if e.Negated || e.Plover == "" {
				continue
			}
			s, t := prefix(e.Source, 3), prefix(e.Target, 3)
			got[[3]string{e.Plover, s, t}] = true
			if s != "" {
				gotActors[s] = true
			}
			if t != "" {
				gotActors[t] = true
			}
			if e.Plover == typ {
				hit = true
			}
		}
		if hit {
			hits++
		}
		if byType[typ] == nil {
			byType[typ] = &tc{}
		}
		byType[typ].n++
		if hit {
			byType[typ].hit++
		}
		triples.Add(compare(gold, got))
		actors.Add(compareSet(goldActors, gotActors))
		out = append(out, PloverRecord{ID: r.ID, Text: r.Text, Gold: tripleList(gold), Got: tripleList(got), Hit: hit})
	}
	ts, as := PRF(triples), PRF(actors)
	acc := 0.0
	if n > 0 {
		acc = float64(hits) / float64(n)
	}
	rep := &Report{Task: "plover", Header: ScoreHeader}
	rep.Rows = append(rep.Rows, Row("triples", ts), Row("actors", as))
	types := make([]string, 0, len(byType))
	for k := range byType {
		types = append(types, k)
	}
	sort.Strings(types)
	rep.Notes = append(rep.Notes, fmt.Sprintf("type_acc %.3f (%d of %d sentences)", acc, hits, n))
	for _, k := range types {
		rep.Notes = append(rep.Notes, fmt.Sprintf("  %-10s %d/%d", k, byType[k].hit, byType[k].n))
	}
	rep.Summary = []KV{{"F1", ts.F1}, {"type_acc", acc}, {"actor_F1", as.F1}}
	rep.Detail = out
	return rep, nil
}

func compareSet(gold, got map[string]bool) Counts {
	var c Counts
	for k := range got {
		if gold[k] {
			c.TP++
		} else {
			c.FP++
		}
	}
	for k := range gold {
		if !got[k] {
			c.FN++
		}
	}
	return c
}
