package occupation

import (
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"testing"
)

func ngramVec(s string, idf map[string]float64) map[string]float64 {
	r := []rune(" " + strings.ToLower(s) + " ")
	v := map[string]float64{}
	for n := 3; n <= 5; n++ {
		for i := 0; i+n <= len(r); i++ {
			v[string(r[i:i+n])]++
		}
	}
	if idf != nil {
		norm := 0.0
		for g, c := range v {
			v[g] = c * idf[g]
			norm += v[g] * v[g]
		}
		norm = math.Sqrt(norm)
		for g := range v {
			v[g] /= norm
		}
	}
	return v
}

func baseline(items []Occupation, fit, test []titleRow) (float64, float64) {
	type d struct {
		code string
		text string
	}
	var docs []d
	for _, it := range items {
		if it.Level == 4 {
			docs = append(docs, d{it.Code, it.Name})
		}
	}
	for _, r := range fit {
		for _, c := range r.codes {
			docs = append(docs, d{c, r.title})
		}
	}
	df := map[string]float64{}
	for _, x := range docs {
		for g := range ngramVec(x.text, nil) {
			df[g]++
		}
	}
	idf := map[string]float64{}
	for g, n := range df {
		idf[g] = math.Log(float64(len(docs))/n) + 1
	}
	vecs := make([]map[string]float64, len(docs))
	for i, x := range docs {
		vecs[i] = ngramVec(x.text, idf)
	}
	var n1, n3 int
	for _, r := range test {
		q := ngramVec(r.title, idf)
		best := map[string]float64{}
		for i, v := range vecs {
			s := 0.0
			for g, w := range q {
				s += w * v[g]
			}
			if s > best[docs[i].code] {
				best[docs[i].code] = s
			}
		}
		var codes []string
		for c := range best {
			codes = append(codes, c)
		}
		sort.Slice(codes, func(i, j int) bool { return best[codes[i]] > best[codes[j]] })
		for rank := 0; rank < 3 && rank < len(codes); rank++ {
			if containsString(r.codes, codes[rank]) {
				if rank == 0 {
					n1++
				}
				n3++
				break
			}
		}
	}
	return float64(n1) / float64(len(test)), float64(n3) / float64(len(test))
}

func TestTuneBaseline(t *testing.T) {
	if os.Getenv("TUNE") == "" {
		t.Skip()
	}
	items := sharedItems(t)
	train := titleList(t, "split/train.csv")
	var a1, a3 float64
	for k := 0; k < 5; k++ {
		var fit, test []titleRow
		for i, r := range train {
			if i%5 == k {
				test = append(test, r)
			} else {
				fit = append(fit, r)
			}
		}
		x, y := baseline(items, fit, test)
		a1 += x / 5
		a3 += y / 5
	}
	fmt.Printf("baseline CV: %.3f %.3f\n", a1, a3)
}
