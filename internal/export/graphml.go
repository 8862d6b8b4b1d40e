package export

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"

	"newsgraph/internal/store"
)

// graphmlKeys declare the node and edge attributes; Gephi reads "label"
// as the node label and "weight" as the edge weight.
const graphmlKeys = `  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="type" for="node" attr.name="type" attr.type="string"/>
  <key id="actor" for="node" attr.name="actor" attr.type="string"/>
  <key id="country" for="node" attr.name="country" attr.type="string"/>
  <key id="articles" for="node" attr.name="articles" attr.type="int"/>
  <key id="kind" for="edge" attr.name="kind" attr.type="string"/>
  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>
  <key id="root" for="edge" attr.name="cameo_root" attr.type="string"/>
  <key id="goldstein" for="edge" attr.name="goldstein" attr.type="double"/>
`

// WriteGraphML writes g as GraphML. Event edges are directed (source actor
// to target actor); co-mention edges carry directed="false".
func WriteGraphML(w io.Writer, g store.Graph) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
`)
	bw.WriteString(graphmlKeys)
	bw.WriteString(`  <graph id="actors" edgedefault="directed">
`)
	data := func(key, v string) {
		if v == "" {
			return
		}
		fmt.Fprintf(bw, `      <data key="%s">`, key)
		xml.EscapeText(bw, []byte(v))
		bw.WriteString("</data>\n")
	}
	for _, n := range g.Nodes {
		fmt.Fprintf(bw, "    <node id=\"%s\">\n", attr(n.ID))
		data("label", n.Label)
		data("type", n.Type)
		data("actor", n.Actor)
		data("country", n.Country)
		data("articles", strconv.Itoa(n.Articles))
		bw.WriteString("    </node>\n")
	}
	for i, e := range g.Edges {
		directed := ""
		if e.Kind == store.EdgeCoMention {
			directed = ` directed="false"`
		}
		fmt.Fprintf(bw, "    <edge id=\"e%d\" source=\"%s\" target=\"%s\"%s>\n", i, attr(e.Source), attr(e.Target), directed)
		data("kind", e.Kind)
		data("weight", strconv.Itoa(e.Weight))
		if e.Kind == store.EdgeEvent {
			data("root", e.Root)
			data("goldstein", strconv.FormatFloat(e.Goldstein, 'f', 2, 64))
		}
		bw.WriteString("    </edge>\n")
	}
	bw.WriteString("  </graph>\n</graphml>\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write graphml: %w", err)
	}
	return nil
}

// attr escapes s for a double-quoted XML attribute.
func attr(s string) string {
	var b []byte
	for _, r := range s {
		switch r {
		case '&':
			b = append(b, "&amp;"...)
		case '<':
			b = append(b, "&lt;"...)
		case '>':
			b = append(b, "&gt;"...)
		case '"':
			b = append(b, "&quot;"...)
		case '\n', '\r', '\t':
			b = append(b, ' ')
		default:
			if r < 0x20 || r == 0xFFFE || r == 0xFFFF {
				r = '\uFFFD' // not allowed in XML
			}
			b = append(b, string(r)...)
		}
	}
	return string(b)
}
