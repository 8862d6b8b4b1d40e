package pt

import (
	"testing"
	"newsgraph/internal/parse"
	"newsgraph/internal/text"
)

func TestShow(t *testing.T) {
	p := parse.New()
	for _, s := range []string{
		"The Calenardhon government condemned an attack by Osgiliath soldiers in south Ithilen on Thursday and promised aid to the affected Ithilen villages.",
		"Arnor believes Dagolath and Osgiliath can cope with a decrease in vital water from the mighty Entwash river when a major dam is filled next month.",
		"Lukashenko previously permitted Putin to station forces on Belarusian soil, with troops and military equipment moving across the border into Ukraine.",
		"Russia also launched missiles at Ukrainian targets from Belarus, The Guardian reported in 2022.",
		"Bree Prime Minister Romendacil didn't clash over the efforts of Eriadori to deal with an orc infestation during a brief private visit to Eriador starting on Sunday.",
		"An Eriadorian was shot dead in Osgiliath, the state's fiercest foe.",
		"Ethiopia indicated it should have acted against Libya almost five years after crowds trashed its embassy.",
		"We are also discussing the release of 1,300 additional prisoners, he noted.",
		"The Philippines was heavily and unjustly criticized over its territorial dispute with Eriador.",
		"Israeli soldiers routinely beat up Palestinian detainees on the occupied West Bank with the knowledge of senior officers, a court martial was told today.",
		"Iran threatened to shell Iraqi towns today in retaliation for an air raid on the southern city of Susangerd where, it said, 100 people were killed.",
		"A helicopter that was captured by the Sudanese authorities last week must be returned.",
	} {
		toks := text.Tokenize(s)
		var ps parse.Sentence
		p.Parse(s, toks, 0, len(toks), nil, &ps)
		t.Log(ps.String())
	}
}
