package occupation

import (
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"testing"
)

type fopts struct {
	fields     float64
	nmin, nmax int
	words      float64 // weight of whole-word features
	stemmed    bool
	sublinear  bool
}

func feats(text string, o fopts) map[string]float64 {
	v := map[string]float64{}
	var ws []string
	if o.stemmed {
		ws = words(text)
	} else {
		ws = nil
		for _, w := range words(text) {
			ws = append(ws, w)
		}
	}
	for _, w := range ws {
		r := []rune("<" + w + ">")
		for n := o.nmin; n <= o.nmax; n++ {
			for i := 0; i+n <= len(r); i++ {
				v[string(r[i:i+n])]++
			}
		}
		if o.words > 0 {
			v["W:"+w] += o.words
		}
	}
	if o.fields > 0 {
		head, qual, _ := strings.Cut(text, "(")
		qual = strings.TrimSuffix(strings.TrimSpace(qual), ")")
		for _, w := range words(head) {
			v["H:"+w] += o.fields
		}
		if qual != "" {
			v["Q:"+strings.Join(words(qual), " ")] += o.fields
			for _, w := range words(qual) {
				v["QW:"+w] += o.fields
			}
		}
	}
	if o.sublinear {
		for k, x := range v {
			v[k] = 1 + math.Log(x)
		}
	}
	return v
}

type altModel struct {
	idf   map[string]float64
	codes []string
	cent  []map[string]float64 // normalized centroid per code
	docs  []map[string]float64
	dcode []int
	o     fopts
}

func norm(v map[string]float64) {
	s := 0.0
	for _, x := range v {
		s += x * x
	}
	s = math.Sqrt(s)
	if s == 0 {
		return
	}
	for k := range v {
		v[k] /= s
	}
}

func buildAlt(items []Occupation, fit []titleRow, o fopts, nameWt float64) *altModel {
	m := &altModel{idf: map[string]float64{}, o: o}
	at := map[string]int{}
	type d struct {
		c int
		t string
		w float64
	}
	var ds []d
	for _, it := range items {
		if it.Level == 4 {
			at[it.Code] = len(m.codes)
			m.codes = append(m.codes, it.Code)
			ds = append(ds, d{at[it.Code], it.Name, nameWt})
		}
	}
	for _, r := range fit {
		for _, c := range r.codes {
			ds = append(ds, d{at[c], r.t(), 1})
		}
	}
	df := map[string]float64{}
	fs := make([]map[string]float64, len(ds))
	for i, x := range ds {
		fs[i] = feats(x.t, o)
		for k := range fs[i] {
			df[k]++
		}
	}
	N := float64(len(ds))
	for k, n := range df {
		m.idf[k] = math.Log((N+1)/(n+1)) + 1
	}
	m.cent = make([]map[string]float64, len(m.codes))
	for i := range m.cent {
		m.cent[i] = map[string]float64{}
	}
	for i, x := range ds {
		for k := range fs[i] {
			fs[i][k] *= m.idf[k]
		}
		norm(fs[i])
		for k, v := range fs[i] {
			m.cent[x.c][k] += v * x.w
		}
		m.docs = append(m.docs, fs[i])
		m.dcode = append(m.dcode, x.c)
	}
	for _, c := range m.cent {
		norm(c)
	}
	return m
}

func (r titleRow) t() string { return r.title }

func (m *altModel) query(text string) map[string]float64 {
	q := feats(text, m.o)
	for k := range q {
		q[k] *= m.idf[k]
	}
	norm(q)
	return q
}

func dot(a, b map[string]float64) float64 {
	s := 0.0
	if len(a) > len(b) {
		a, b = b, a
	}
	for k, x := range a {
		s += x * b[k]
	}
	return s
}

func rankEval(test []titleRow, codes []string, scorer func(string) []float64) (float64, float64) {
	var n1, n3 int
	idx := make([]int, len(codes))
	for _, r := range test {
		s := scorer(r.title)
		for i := range idx {
			idx[i] = i
		}
		sort.Slice(idx, func(a, b int) bool { return s[idx[a]] > s[idx[b]] })
		for rank := 0; rank < 3; rank++ {
			if containsString(r.codes, codes[idx[rank]]) {
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

func cvAlt(t *testing.T, name string, build func(fit []titleRow) ([]string, func(string) []float64)) {
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
		codes, sc := build(fit)
		x, y := rankEval(test, codes, sc)
		a1 += x / 5
		a3 += y / 5
	}
	fmt.Printf("%-40s %.3f %.3f\n", name, a1, a3)
}

func TestTuneAlt(t *testing.T) {
	if os.Getenv("TUNE") == "" {
		t.Skip()
	}
	items := sharedItems(t)
	for _, o := range []fopts{} {
		for _, mode := range []string{"cent", "knn1", "knn3", "mix"} {
			o, mode := o, mode
			cvAlt(t, fmt.Sprintf("%v %s", o, mode), func(fit []titleRow) ([]string, func(string) []float64) {
				m := buildAlt(items, fit, o, 1)
				return m.codes, func(text string) []float64 {
					q := m.query(text)
					s := make([]float64, len(m.codes))
					switch mode {
					case "cent":
						for i, c := range m.cent {
							s[i] = dot(q, c)
						}
					case "knn1", "knn3", "mix":
						best := make([][3]float64, len(m.codes))
						for i, d := range m.docs {
							x := dot(q, d)
							b := &best[m.dcode[i]]
							if x > b[0] {
								b[0], b[1], b[2] = x, b[0], b[1]
							} else if x > b[1] {
								b[1], b[2] = x, b[1]
							} else if x > b[2] {
								b[2] = x
							}
						}
						for i, b := range best {
							switch mode {
							case "knn1":
								s[i] = b[0]
							case "knn3":
								s[i] = b[0] + 0.5*b[1] + 0.25*b[2]
							case "mix":
								s[i] = b[0] + 0.3*b[1] + 0.5*dot(q, m.cent[i])
							}
						}
					}
					return s
				}
			})
		}
	}
}
