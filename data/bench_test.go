package data_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"arbeidsboks/data"
)

// candidatesFile writes n candidates as a CSV file: varied names, levels,
// statuses, skills and schedules, deterministic.
func candidatesFile(n int) []byte {
	rng := rand.New(rand.NewPCG(7, 11))
	var b bytes.Buffer
	b.WriteString("ref,name,programme,specialist,district,norwegian_level,other_languages,skills,goals,availability,target_hours_week,has_police_certificate,has_drivers_license,adaptation_needs,status,registered\n")
	given := []string{"Amina", "Piotr", "Sara", "Ahmed", "Kari", "Olena", "Yonas", "Fatima", "Ola", "Mariam"}
	family := []string{"Hassan", "Kowalski", "Tesfay", "Ali", "Nordmann", "Kovalenko", "Berhe", "Haji", "Hansen", "Rahimi"}
	programmes := []string{"KVP", "IPS", "aktivitetsplikt", "introprogram", "AAP"}
	statuses := []string{"ny", "kartlegging", "klar", "klar", "utplassert"}
	levels := []string{"A1", "A2", "B1", "B2", "B1/A2", "-"}
	skills := []string{"renhold", "oppvask", "matlaging", "lager", "kundeservice", "stell", "truckførerbevis"}
	schedules := []string{"man-fre 08:00-15:30", "man-fre 08:00-12:00", "man,ons,fre 09:00-14:00", "tir-lør 10:00-18:00"}
	for i := range n {
		fmt.Fprintf(&b, "K-%06d,%s %s,%s,Kari Nordmann,Alna,%s,arabisk,%s;%s,%s,\"%s\",,%s,nei,,%s,2026-%02d-%02d\n",
			i, given[rng.IntN(len(given))], family[rng.IntN(len(family))], programmes[rng.IntN(len(programmes))],
			levels[rng.IntN(len(levels))], skills[rng.IntN(len(skills))], skills[rng.IntN(len(skills))],
			skills[rng.IntN(len(skills))], schedules[rng.IntN(len(schedules))],
			[]string{"ja", "nei"}[rng.IntN(2)], statuses[rng.IntN(len(statuses))], 1+rng.IntN(10), 1+rng.IntN(28))
	}
	return b.Bytes()
}

// BenchmarkImportCandidates imports 100 000 candidates into an empty
// database: parse, validate, write with audit and change rows, commit.
func BenchmarkImportCandidates(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		file := candidatesFile(n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				s := newStore(b)
				b.StartTimer()
				res, err := data.ImportCandidates(context.Background(), s, data.CSV, bytes.NewReader(file))
				if err != nil || res.Created != n {
					b.Fatalf("%+v %v", res, err)
				}
			}
		})
	}
}

var (
	bigOnce  sync.Once
	bigStore data.Store
)

// bigOffice is a database of 100 000 candidates, built once per run.
func bigOffice(b *testing.B) data.Store {
	bigOnce.Do(func() {
		s := newStore(&testing.T{})
		if _, err := data.ImportCandidates(context.Background(), s, data.CSV, bytes.NewReader(candidatesFile(100_000))); err != nil {
			b.Fatal(err)
		}
		bigStore = s
	})
	return bigStore
}

// BenchmarkCandidatePage reads one filtered page of 50 out of 100 000: by
// status and programme, by a name fragment, and deep into the list by
// keyset paging.
func BenchmarkCandidatePage(b *testing.B) {
	s := bigOffice(b)
	cases := map[string]data.CandidateFilter{
		"status+programme": {Status: []data.CandidateStatus{data.CandidateReady}, Programme: []data.Programme{data.ProgrammeKVP}},
		"text":             {Text: "tesfay"},
		"deep":             {Page: data.Page{After: "K-090000"}},
	}
	for name, f := range cases {
		f.Limit = 50
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				page, err := s.Candidates(context.Background(), f)
				if err != nil || len(page) != 50 {
					b.Fatalf("%d rows, %v", len(page), err)
				}
			}
		})
	}
}

func TestCandidatesFile_IsValid(t *testing.T) {
	s := newStore(t)
	res, err := data.ImportCandidates(context.Background(), s, data.CSV, bytes.NewReader(candidatesFile(500)))
	if err != nil || res.Created != 500 {
		t.Fatalf("%+v %v", res, err)
	}
	page, err := s.Candidates(context.Background(), data.CandidateFilter{Text: "TESFAY", Page: data.Page{Limit: 5}})
	if err != nil || len(page) != 5 || !strings.Contains(page[0].Name, "Tesfay") {
		t.Fatalf("text filter: %v %v", page, err)
	}
	next, _ := s.Candidates(context.Background(), data.CandidateFilter{Text: "tesfay", Page: data.Page{After: page[4].Ref, Limit: 5}})
	if len(next) == 0 || next[0].Ref <= page[4].Ref {
		t.Fatalf("the next page starts at %v", next)
	}
}
