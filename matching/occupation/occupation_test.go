package occupation

import (
	"slices"
	"testing"
)

// small is a made-up corner of the classification, enough to see how the
// resolver reads what people type.
func small() *Classification {
	return New([]Occupation{
		{Code: "5", Level: 1, Name: "Salgs- og serviceyrker"},
		{Code: "51", Level: 2, Name: "Yrker innen personlig tjenesteyting", Parent: "5"},
		{Code: "512", Level: 3, Name: "Kokker", Parent: "51"},
		{Code: "5120", Level: 4, Name: "Kokker", Parent: "512", Category1: "Reiseliv og mat", Category2: "Kokk",
			Titles: []string{"Kokk", "Institusjonskokk", "Kokkelærling"}},
		{Code: "9", Level: 1, Name: "Renholdere, hjelpearbeidere mv."},
		{Code: "91", Level: 2, Name: "Renholdere mv.", Parent: "9"},
		{Code: "911", Level: 3, Name: "Renholdere", Parent: "91"},
		{Code: "9111", Level: 4, Name: "Renholdere i private hjem", Parent: "911", Category1: "Salg og service",
			Category2: "Renholdere og renovasjon", Titles: []string{"Hushjelp (privathjem)"}},
		{Code: "9112", Level: 4, Name: "Renholdere i virksomheter", Parent: "911", Category1: "Salg og service",
			Category2: "Renholdere og renovasjon", Titles: []string{"Renholder (bedrift)", "Flyrengjører", "Romassistent"}},
		{Code: "94", Level: 2, Name: "Kjøkkenassistenter", Parent: "9"},
		{Code: "941", Level: 3, Name: "Kjøkkenassistenter", Parent: "94"},
		{Code: "9412", Level: 4, Name: "Kjøkkenassistenter", Parent: "941", Category1: "Reiseliv og mat",
			Category2: "Reiseliv, hotell og overnatting", Titles: []string{"Kjøkkenassistent", "Oppvasker"}},
		{Code: "4", Level: 1, Name: "Kontoryrker"},
		{Code: "41", Level: 2, Name: "Allmenne kontoryrker", Parent: "4"},
		{Code: "411", Level: 3, Name: "Allmenne kontormedarbeidere", Parent: "41"},
		{Code: "4110", Level: 4, Name: "Kontormedarbeidere", Parent: "411", Category1: "Kontor og økonomi",
			Category2: "Kontormedarbeider", Titles: []string{"Kontorassistent", "Sekretær"}},
	})
}

func TestResolve_ReadsWhatPeopleType(t *testing.T) {
	c := small()
	cases := []struct{ text, want string }{
		{"kokk", "5120"},
		{"KOKKER", "5120"},                // case and plural
		{"kokken", "5120"},                // definite form
		{"pizzakokk", "5120"},             // a compound ending in a known title
		{"rengjører på flyplass", "9112"}, // a compound's head inside an indexed compound
		{"renholder", "9112"},
		{"renholdere", "9112"},
		{"kjokkenassistent", "9412"},  // ø typed as o
		{"kjoekkenassistent", "9412"}, // ø typed as oe
		{"kjøkenassistent", "9412"},   // a letter missing
		{"kjøkkenasisstent", "9412"},  // letters swapped
		{"oppvask", "9412"},
		{"kontor", "4110"},
	}
	for _, tc := range cases {
		got := c.Resolve(tc.text, 3)
		if len(got) == 0 || got[0].Code != tc.want {
			t.Errorf("Resolve(%q) = %v, want %s first", tc.text, got, tc.want)
		}
	}
}

func TestResolve_ScoresAreBestFirstBetweenZeroAndOne(t *testing.T) {
	c := small()
	got := c.Resolve("renholder", 10)
	if len(got) < 2 {
		t.Fatalf("Resolve gave %v", got)
	}
	for i, m := range got {
		if m.Score < 0 || m.Score > 1 || (i > 0 && m.Score > got[i-1].Score) {
			t.Fatalf("scores %v: want 0–1, best first", got)
		}
	}
	if exact := c.Resolve("Kjøkkenassistent", 1); exact[0].Score < Confident {
		t.Errorf("a registered title scores %v, want at least %v", exact[0].Score, Confident)
	}
	if !IsConfident([]Match{{Score: 0.9}, {Score: 0.5}}) || IsConfident([]Match{{Score: 0.7}, {Score: 0.65}}) ||
		IsConfident([]Match{{Score: 0.55}}) {
		t.Errorf("IsConfident: a match must score %v and stand %v above the next", Confident, ConfidentMargin)
	}
	if _, ok := c.Best("kjøkkenassistent"); !ok {
		t.Errorf("a registered title is not a confident match")
	}
	if none := c.Resolve("xq", 3); len(none) != 0 && none[0].Score >= Confident {
		t.Errorf("nonsense resolves confidently: %v", none)
	}
	if got := c.Resolve("", 3); len(got) != 0 {
		t.Errorf("empty text resolves to %v", got)
	}
	if got := c.Resolve("kokk", 1); len(got) != 1 {
		t.Errorf("top 1 gave %d results", len(got))
	}
}

func TestLikeness_NamesWhatIsShared(t *testing.T) {
	c := small()
	cases := []struct {
		a, b   string
		credit float64
		kind   string
		shared string
	}{
		{"9112", "9112", CreditSame, KindSame, "Renholdere i virksomheter"},
		{"9111", "9112", CreditGroup, KindGroup, "Renholdere"},
		{"5120", "9412", CreditField, KindField, "Reiseliv og mat"},
		{"5120", "4110", 0, "", ""},
		{"9413", "9412", CreditGroup, KindGroup, "Kjøkkenassistenter"}, // a code it lacks, by digits
	}
	for _, tc := range cases {
		got := c.Likeness(tc.a, tc.b)
		if got.Credit != tc.credit || got.Kind != tc.kind || got.Shared != tc.shared {
			t.Errorf("Likeness(%s, %s) = %+v, want %v %q %q", tc.a, tc.b, got, tc.credit, tc.kind, tc.shared)
		}
	}
	cat := New([]Occupation{
		{Code: "9112", Level: 4, Category1: "Salg og service", Category2: "Renholdere og renovasjon"},
		{Code: "9122", Level: 4, Category1: "Salg og service", Category2: "Renholdere og renovasjon "},
	})
	if got := cat.Likeness("9112", "9122"); got.Kind != KindCategory || got.Credit != CreditCategory {
		t.Errorf("same NAV category 2: %+v", got)
	}
}

func TestCanonical_WritesNorwegianLettersOneWay(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Kjøkken", "kjøkken"}, {"kjoekken", "kjøkken"}, {"Bååt", "bååt"}, {"baat", "båt"},
		{"vaer", "vær"}, {"Kafé", "kafe"}, {"Möbel", "møbel"},
	} {
		if got := canonical(tc.in); got != tc.want {
			t.Errorf("canonical(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := words("Renholdere i bedrifter, mv."); !slices.Equal(got, []string{"renhold", "bedrift"}) {
		t.Errorf("words = %v", got)
	}
}

func TestClassification_PathReachesTheMajorGroup(t *testing.T) {
	c := small()
	path := c.Path("9112")
	if len(path) != 4 || path[3].Code != "9" || path[0].Code != "9112" {
		t.Errorf("Path(9112) = %v", path)
	}
	if c.Has("9999") || !c.Has("911") || c.Len() != 16 {
		t.Errorf("Has/Len wrong")
	}
}

// Other words for an occupation fill the registered titles' gaps and never
// contest them: a word another occupation has as a title stays that one's.
func TestResolve_OtherWordsNeverContestARegisteredTitle(t *testing.T) {
	items := []Occupation{
		{Code: "4", Level: 1, Name: "Kontoryrker"},
		{Code: "42", Level: 2, Name: "Kundeservice", Parent: "4"},
		{Code: "422", Level: 3, Name: "Kundeinformasjon", Parent: "42"},
		{Code: "4224", Level: 4, Name: "Hotellresepsjonister", Parent: "422", Titles: []string{"Resepsjonist", "Nattportier"}},
		{Code: "4226", Level: 4, Name: "Resepsjonister (ekskl. hotell)", Parent: "422", Titles: []string{"Sentralbordresepsjonist"},
			Words: []string{"resepsjonist", "frontdesk"}},
	}
	c := New(items)
	if m, ok := c.Best("resepsjonist"); !ok || m.Code != "4224" {
		t.Errorf("resepsjonist = %+v %v, want 4224, whose registered title it is", m, ok)
	}
	if m, ok := c.Best("Frontdesk"); !ok || m.Code != "4226" {
		t.Errorf("frontdesk = %+v %v, want 4226, whose word it is", m, ok)
	}
}
