package newsgraph_test

import (
	"context"
	"fmt"
	"log"
	"slices"

	"newsgraph"
)

func Example() {
	eng, err := newsgraph.New(newsgraph.Options{})
	if err != nil {
		log.Fatal(err)
	}
	rec, err := eng.Process(context.Background(), newsgraph.Article{
		Published: "2025-08-09",
		Text: "The government freed 24 political prisoners on Friday after talks with European envoys. " +
			"Negotiators said another 300 detainees could be released next month.",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("sentences:", len(rec.Sentences))
	fmt.Println("words:", rec.Tone.WordCount)
	themes := make([]string, len(rec.Themes))
	for i, t := range rec.Themes {
		themes[i] = t.Code
		if t.Code == "PRISONER_RELEASE" {
			s := t.Spans[0] // spans are byte offsets into rec.Text
			fmt.Printf("prisoner release: %q\n", rec.Text[s.Start:s.End])
		}
	}
	fmt.Println("negotiations:", slices.Contains(themes, "NEGOTIATIONS"))
	// Output:
	// sentences: 2
	// words: 21
	// prisoner release: "freed 24 political prisoners"
	// negotiations: true
}
