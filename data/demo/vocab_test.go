package demo

import (
	"bytes"
	"encoding/csv"
	"regexp"
	"slices"
	"strings"
	"testing"

	"arbeidsboks/data/builtin"
	"arbeidsboks/matching"
)

// taxonomyWords returns every term and synonym of the built-in skills
// taxonomy.
func taxonomyWords(t *testing.T) map[string]bool {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(builtin.SkillsCSV)).ReadAll()
	if err != nil {
		t.Fatalf("skills.csv: %v", err)
	}
	words := map[string]bool{}
	for _, row := range rows[1:] {
		words[row[0]] = true
		for _, s := range strings.Split(row[2], ";") {
			if s != "" {
				words[s] = true
			}
		}
	}
	return words
}

func TestVocab_SkillsAreInTheTaxonomy(t *testing.T) {
	words := taxonomyWords(t)
	check := func(where string, skills []string) {
		if len(skills) == 0 {
			t.Errorf("%s: no skills", where)
		}
		for _, s := range skills {
			if !words[s] {
				t.Errorf("%s: %q is neither a term nor a synonym in skills.csv", where, s)
			}
		}
	}
	for _, d := range domains {
		check(d.key+" skillsRequired", d.skillsRequired)
		check(d.key+" skillsTrained", d.skillsTrained)
	}
	check("candidateSkills", candidateSkills)
}

// schedulePattern is the schedule syntax as the demo writes it: groups of
// days and one HH:MM-HH:MM range, separated by "; ".
var schedulePattern = regexp.MustCompile(
	`^(man|tir|ons|tor|fre|lør|søn)([-,](man|tir|ons|tor|fre|lør|søn))* [0-2][0-9]:[0-5][0-9]-[0-2][0-9]:[0-5][0-9]` +
		`(; (man|tir|ons|tor|fre|lør|søn)([-,](man|tir|ons|tor|fre|lør|søn))* [0-2][0-9]:[0-5][0-9]-[0-2][0-9]:[0-5][0-9])*$`)

func checkSchedule(t *testing.T, where, text string) {
	t.Helper()
	if !schedulePattern.MatchString(text) {
		t.Errorf("%s: %q is not days followed by HH:MM-HH:MM", where, text)
		return
	}
	s, err := matching.ParseSchedule(text)
	if err != nil {
		t.Errorf("%s: %q: %v", where, text, err)
		return
	}
	if s.IsEmpty() {
		t.Errorf("%s: %q is an empty week", where, text)
	}
}

func TestVocab_SchedulesParse(t *testing.T) {
	for _, d := range domains {
		if len(d.schedules) == 0 {
			t.Errorf("%s: no schedules", d.key)
		}
		for _, text := range d.schedules {
			checkSchedule(t, d.key, text)
		}
	}
	if len(availabilities) < 15 {
		t.Errorf("%d availabilities, want at least 15", len(availabilities))
	}
	for _, text := range availabilities {
		checkSchedule(t, "availabilities", text)
	}
}

func TestVocab_DomainsAreComplete(t *testing.T) {
	want := []string{
		"renhold", "hjemmetjeneste", "barnehage", "storkjøkken", "lager", "butikk", "vaktmester",
		"kafé", "verksted", "kontor", "hotell", "grøntarbeid",
	}
	measures := []string{"arbeidstrening", "arbeidspraksis", "lønnstilskudd", "arbeid med bistand", "VTA", "mentor", "annet"}
	adaptations := []string{"arbeidstid", "fysisk", "arbeidshverdagen", "språk"}
	sectors := []string{"kommunal", "privat", "frivillig", "statlig"}
	codePattern := regexp.MustCompile(`^[0-9]{4}$`)
	refPattern := regexp.MustCompile(`^[A-Z]{3}$`)

	keys := map[string]bool{}
	refs := map[string]bool{}
	employers := map[string]string{}
	for _, d := range domains {
		if keys[d.key] {
			t.Errorf("domain %q twice", d.key)
		}
		keys[d.key] = true
		if !refPattern.MatchString(d.ref) || refs[d.ref] {
			t.Errorf("%s: ref %q is not three capital letters or is taken", d.key, d.ref)
		}
		refs[d.ref] = true
		if n := len(d.titles); n < 3 || n > 8 {
			t.Errorf("%s: %d titles, want 3–8", d.key, n)
		}
		if n := len(d.employers); n < 6 || n > 15 {
			t.Errorf("%s: %d employers, want 6–15", d.key, n)
		}
		for _, e := range d.employers {
			if e.name == "" || !slices.Contains(sectors, e.sector) {
				t.Errorf("%s: employer %q has sector %q", d.key, e.name, e.sector)
			}
			if other, ok := employers[e.name]; ok {
				t.Errorf("%s: employer %q is already in %s", d.key, e.name, other)
			}
			employers[e.name] = d.key
		}
		if len(d.measures) == 0 {
			t.Errorf("%s: no measures", d.key)
		}
		for _, m := range d.measures {
			if !slices.Contains(measures, m) {
				t.Errorf("%s: unknown measure %q", d.key, m)
			}
		}
		for _, a := range d.adaptations {
			if !slices.Contains(adaptations, a) {
				t.Errorf("%s: unknown adaptation %q", d.key, a)
			}
		}
		if len(d.norwegianMin) == 0 {
			t.Errorf("%s: no Norwegian minimums", d.key)
		}
		for _, level := range d.norwegianMin {
			if _, err := matching.ParseNorwegian(level); err != nil {
				t.Errorf("%s: Norwegian minimum %q: %v", d.key, level, err)
			}
		}
		for name, share := range map[string]float64{"hardLanguage": d.hardLanguage, "police": d.police, "driving": d.driving} {
			if share < 0 || share > 1 {
				t.Errorf("%s: %s is %v, want a share in [0, 1]", d.key, name, share)
			}
		}
		for _, l := range d.languages {
			if !slices.Contains(otherLanguages, l) {
				t.Errorf("%s: valued language %q is not among otherLanguages", d.key, l)
			}
		}
		if len(d.occupations) == 0 {
			t.Errorf("%s: no occupations", d.key)
		}
		for _, c := range d.occupations {
			if !codePattern.MatchString(c) {
				t.Errorf("%s: occupation %q is not a 4-digit STYRK-08 code", d.key, c)
			}
		}
		if len(d.goals) == 0 {
			t.Errorf("%s: no goals", d.key)
		}
		if d.weight <= 0 {
			t.Errorf("%s: weight %d, want > 0", d.key, d.weight)
		}
	}
	for _, k := range want {
		if !keys[k] {
			t.Errorf("no domain %q", k)
		}
	}
	for _, police := range []string{"hjemmetjeneste", "barnehage"} {
		for _, d := range domains {
			if d.key == police && d.police != 1 {
				t.Errorf("%s: police is %v, want 1", d.key, d.police)
			}
		}
	}
}

func TestVocab_PeopleAndPlaces(t *testing.T) {
	unique := func(what string, list []string, min, max int) {
		t.Helper()
		if len(list) < min || (max > 0 && len(list) > max) {
			t.Errorf("%s: %d, want %d–%d", what, len(list), min, max)
		}
		seen := map[string]bool{}
		for _, s := range list {
			if strings.TrimSpace(s) != s || s == "" {
				t.Errorf("%s: %q is empty or has surrounding space", what, s)
			}
			if seen[s] {
				t.Errorf("%s: %q twice", what, s)
			}
			seen[s] = true
		}
	}
	unique("districts", districts, 15, 15)
	unique("givenNames", givenNames, 120, 0)
	unique("familyNames", familyNames, 100, 0)
	unique("specialists", specialists, 8, 12)
	unique("contactFirst", contactFirst, 10, 0)
	unique("contactLast", contactLast, 10, 0)
	unique("candidateSkills", candidateSkills, 20, 0)
	unique("availabilities", availabilities, 15, 0)
	unique("otherLanguages", otherLanguages, 15, 0)
	for _, l := range otherLanguages {
		if l != strings.ToLower(l) {
			t.Errorf("otherLanguages: %q is not a lower-case name", l)
		}
	}
}
