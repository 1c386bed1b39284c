package occupation

import (
	"strings"
	"testing"
)

// allData is STYRK-08, NAV's categories and every title of NAV's 2017 file.
func allData(t testing.TB) *Classification {
	t.Helper()
	items := sharedItems(t)
	titles := navTitles(t)
	for i := range items {
		items[i].Titles = titles[items[i].Code]
	}
	return New(items)
}

func TestReal_EveryUnitGroupReachesItsMajorGroup(t *testing.T) {
	c := allData(t)
	units := 0
	for _, it := range c.Items() {
		if it.Level != 4 {
			continue
		}
		units++
		path := c.Path(it.Code)
		if len(path) != 4 || path[3].Level != 1 || path[3].Code != it.Code[:1] {
			t.Errorf("%s reaches %v", it.Code, path)
		}
		if it.Category1 == "" || it.Category2 == "" {
			t.Errorf("%s has no NAV categories", it.Code)
		}
	}
	if units != 407 {
		t.Errorf("%d unit groups, want 407", units)
	}
}

func TestReal_KnownPairsResolve(t *testing.T) {
	c := allData(t)
	top3 := func(text, prefix string) {
		t.Helper()
		for _, m := range c.Resolve(text, 3) {
			if strings.HasPrefix(m.Code, prefix) {
				return
			}
		}
		t.Errorf("Resolve(%q) = %v, want a %s… code in the top 3", text, c.Resolve(text, 3), prefix)
	}
	top3("renhold", "911")
	top3("rengjøring", "911")
	top3("flyrengjører", "9112")
	if got := c.Resolve("barnehageassistent", 1); len(got) == 0 || got[0].Code != "5311" {
		t.Errorf("barnehageassistent = %v, want 5311", got)
	}
	kokk, assistent := c.Resolve("kokk", 1), c.Resolve("kjøkkenassistent", 1)
	if len(kokk) == 0 || kokk[0].Code != "5120" || len(assistent) == 0 || assistent[0].Code != "9412" {
		t.Fatalf("kokk = %v, kjøkkenassistent = %v; want 5120 and 9412", kokk, assistent)
	}
	if l := c.Likeness("5120", "9412"); l.Kind != KindField || l.Shared != "Reiseliv og mat" {
		t.Errorf("kokk and kjøkkenassistent: %+v, want the same NAV category level 1", l)
	}
	if l := c.Likeness("9111", "9112"); l.Kind != KindGroup || l.Shared != "Renholdere" {
		t.Errorf("9111 and 9112: %+v, want the same minor group Renholdere", l)
	}
}

func BenchmarkResolve(b *testing.B) {
	c := allData(b)
	queries := []string{"kokk", "renholder", "barnehageassistent", "jobbe på hotell", "lagerarbeider",
		"helsefagarbeider", "kjokkenassistent", "sjåfør", "butikkmedarbeider", "flyrengjører"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		c.Resolve(queries[i%len(queries)], 10)
	}
}

func BenchmarkNew(b *testing.B) {
	items := sharedItems(b)
	titles := navTitles(b)
	for i := range items {
		items[i].Titles = titles[items[i].Code]
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		New(items)
	}
}
