package common

import (
	"fmt"
	"slices"
	"testing"

	"arbeidsboks/data"
)

func TestMatchOccupation_AWordForTheWorkFindsTheCodedRows(t *testing.T) {
	cls := data.NewClassification([]data.Occupation{
		{Code: "9", Level: 1, Name: "Renholdere, hjelpearbeidere mv."},
		{Code: "91", Level: 2, Name: "Renholdere mv.", Parent: "9"},
		{Code: "911", Level: 3, Name: "Renholdere", Parent: "91"},
		{Code: "9112", Level: 4, Name: "Renholdere i virksomheter", Parent: "911", Titles: []string{"Renholder", "Vaskehjelp", "Rengjøringsassistent"}},
		{Code: "5", Level: 1, Name: "Salgs- og serviceyrker"},
		{Code: "51", Level: 2, Name: "Serviceyrker", Parent: "5"},
		{Code: "512", Level: 3, Name: "Kokker", Parent: "51"},
		{Code: "5120", Level: 4, Name: "Kokker", Parent: "512", Titles: []string{"Kokk", "Kjøkkensjef"}},
	})
	titles := []string{"Romassistent", "Kantinemedarbeider", "Vaskehjelp i barnehage"}
	codes := [][]string{{"9112"}, {"5120"}, nil}
	matched := Match("vaskehjelp", len(titles), func(i int) string { return titles[i] })
	got := MatchOccupation(matched, cls, "vaskehjelp", len(titles), func(i int) []string { return codes[i] })
	if !slices.Equal(got, []int{2, 0}) {
		t.Fatalf("rows = %v, want the title match first, then the placement coded 9112", got)
	}
	if got := MatchOccupation(nil, nil, "vaskehjelp", len(titles), func(i int) []string { return codes[i] }); got != nil {
		t.Fatalf("without a classification: %v", got)
	}
}

func TestOccupations_CodesAreShownWithTheirNames(t *testing.T) {
	cls := data.NewClassification([]data.Occupation{
		{Code: "9", Level: 1, Name: "Renholdere, hjelpearbeidere mv."},
		{Code: "91", Level: 2, Name: "Renholdere mv.", Parent: "9"},
		{Code: "911", Level: 3, Name: "Renholdere", Parent: "91"},
		{Code: "9112", Level: 4, Name: "Renholdere i virksomheter", Parent: "911"},
	})
	if got := Occupations(cls, []string{"9112", "5120"}); got != "9112 Renholdere i virksomheter; 5120" {
		t.Errorf("with a classification: %q", got)
	}
	if got := Occupations(nil, []string{"9112", "5120"}); got != "9112, 5120" {
		t.Errorf("without one: %q", got)
	}
	if got := Occupations(cls, nil); got != "–" {
		t.Errorf("none: %q", got)
	}
}

func TestMatch_TypedWithoutNorwegianLetters(t *testing.T) {
	names := []string{"Åse Ødegård", "Ola Hansen", "Bjørn Bjærum"}
	for _, q := range []string{"odegard", "oedegaard", "ødegård", "ase ode", "aase"} {
		if got := Match(q, len(names), func(i int) string { return names[i] }); !slices.Equal(got, []int{0}) {
			t.Errorf("Match(%q) = %v, want Åse Ødegård alone", q, got)
		}
	}
	if got := Match("bjaerum", len(names), func(i int) string { return names[i] }); !slices.Equal(got, []int{2}) {
		t.Errorf("Match(bjaerum) = %v, want Bjørn Bjærum", got)
	}
}

func BenchmarkMatch100k(b *testing.B) {
	rows := make([]string, 100_000)
	for i := range rows {
		rows[i] = fmt.Sprintf("K-%06d Åse Ødegård Kristiansen renhold kjøkken Søndre Nordstrand %d", i, i)
	}
	for b.Loop() {
		Match("nordstrand 99", len(rows), func(i int) string { return rows[i] })
	}
}
