package occupation

import (
	"fmt"
	"math"
	"math/rand"
	"os"
	"sort"
	"testing"
)

type lrModel struct {
	m    *altModel
	fid  map[string]int
	W, B []float64
	K    int
}

func trainLR(items []Occupation, fit []titleRow, o fopts, epochs int, lr, l2 float64) *lrModel {
	m := buildAlt(items, fit, o, 1)
	L := &lrModel{m: m, fid: map[string]int{}, K: len(m.codes)}
	type ex struct {
		f []int
		v []float64
		y int
	}
	var exs []ex
	at := map[string]int{}
	for i, c := range m.codes {
		at[c] = i
	}
	conv := func(q map[string]float64) ([]int, []float64) {
		var f []int
		var v []float64
		for k, x := range q {
			id, ok := L.fid[k]
			if !ok {
				id = len(L.fid)
				L.fid[k] = id
			}
			f = append(f, id)
			v = append(v, x)
		}
		return f, v
	}
	for _, it := range items {
		if it.Level == 4 {
			f, v := conv(m.query(it.Name))
			exs = append(exs, ex{f, v, at[it.Code]})
		}
	}
	for _, r := range fit {
		for _, c := range r.codes {
			f, v := conv(m.query(r.title))
			exs = append(exs, ex{f, v, at[c]})
		}
	}
	K := L.K
	L.W = make([]float64, len(L.fid)*K)
	G := make([]float64, len(L.fid)*K)
	L.B = make([]float64, K)
	rng := rand.New(rand.NewSource(1))
	p := make([]float64, K)
	for ep := 0; ep < epochs; ep++ {
		rng.Shuffle(len(exs), func(i, j int) { exs[i], exs[j] = exs[j], exs[i] })
		for _, e := range exs {
			mx := -1e18
			for c := 0; c < K; c++ {
				s := L.B[c]
				for i, f := range e.f {
					s += L.W[f*K+c] * e.v[i]
				}
				p[c] = s
				if s > mx {
					mx = s
				}
			}
			z := 0.0
			for c := range p {
				p[c] = math.Exp(p[c] - mx)
				z += p[c]
			}
			for c := range p {
				g := p[c] / z
				if c == e.y {
					g -= 1
				}
				if math.Abs(g) < 1e-4 {
					continue
				}
				for i, f := range e.f {
					gi := g*e.v[i] + l2*L.W[f*K+c]
					G[f*K+c] += gi * gi
					L.W[f*K+c] -= lr * gi / math.Sqrt(G[f*K+c]+1e-8)
				}
			}
		}
	}
	return L
}

func (L *lrModel) probs(text string) map[string]float64 {
	q := L.m.query(text)
	s := make([]float64, L.K)
	mx := -1e18
	for c := 0; c < L.K; c++ {
		x := L.B[c]
		for k, v := range q {
			if id, ok := L.fid[k]; ok {
				x += L.W[id*L.K+c] * v
			}
		}
		s[c] = x
		if x > mx {
			mx = x
		}
	}
	z := 0.0
	for c := range s {
		s[c] = math.Exp(s[c] - mx)
		z += s[c]
	}
	out := map[string]float64{}
	for c := range s {
		out[L.m.codes[c]] = s[c] / z
	}
	return out
}

func TestTuneLRMix(t *testing.T) {
	if os.Getenv("TUNE") == "" {
		t.Skip()
	}
	items := sharedItems(t)
	train := titleList(t, "split/train.csv")
	p := defaultParams()
	p.level = [3]float64{0.05, 0.05, 0.05}
	p.levelTemp = 3
	lams := []float64{0, 0.1, 0.2, 0.4, 0.8, 100}
	a1 := make([]float64, len(lams))
	a3 := make([]float64, len(lams))
	for k := 0; k < 5; k++ {
		var fit, test []titleRow
		for i, r := range train {
			if i%5 == k {
				test = append(test, r)
			} else {
				fit = append(fit, r)
			}
		}
		c := New(withTitles(items, fit))
		c.ix = buildIndexWith(c.items, p)
		L := trainLR(items, fit, fopts{0, 2, 4, 1, true, true}, 15, 0.5, 1e-4)
		for li, lam := range lams {
			var n1, n3 int
			for _, r := range test {
				sc := map[string]float64{}
				for _, m := range c.Resolve(r.title, 50) {
					sc[m.Code] += m.Score
				}
				for code, pr := range L.probs(r.title) {
					sc[code] += lam * pr
				}
				var codes []string
				for x := range sc {
					codes = append(codes, x)
				}
				sort.Slice(codes, func(i, j int) bool {
					if sc[codes[i]] != sc[codes[j]] {
						return sc[codes[i]] > sc[codes[j]]
					}
					return codes[i] < codes[j]
				})
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
			a1[li] += float64(n1) / float64(len(test)) / 5
			a3[li] += float64(n3) / float64(len(test)) / 5
		}
	}
	for li, lam := range lams {
		fmt.Printf("lam %v: %.3f %.3f\n", lam, a1[li], a3[li])
	}
}
