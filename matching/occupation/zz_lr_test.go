package occupation

import (
	"fmt"
	"math"
	"math/rand"
	"os"
	"testing"
)

func TestTuneLR(t *testing.T) {
	if os.Getenv("TUNE") == "" {
		t.Skip()
	}
	items := sharedItems(t)
	type cfg struct {
		o      fopts
		epochs int
		lr, l2 float64
		mix    float64
	}
	for _, cf := range []cfg{
		{fopts{0, 2, 4, 1, true, true}, 15, 0.5, 1e-5, 0},
		{fopts{0, 2, 4, 1, true, true}, 15, 0.5, 1e-4, 0},
		{fopts{0, 2, 4, 1, true, true}, 15, 0.5, 1e-5, 1},
		{fopts{0, 3, 5, 1, true, false}, 15, 0.5, 1e-5, 0},
	} {
		cf := cf
		cvAlt(t, fmt.Sprintf("LR %+v", cf), func(fit []titleRow) ([]string, func(string) []float64) {
			m := buildAlt(items, fit, cf.o, 1)
			fid := map[string]int{}
			type ex struct {
				f []int
				v []float64
				y int
			}
			var exs []ex
			conv := func(q map[string]float64, add bool) ([]int, []float64) {
				var f []int
				var v []float64
				for k, x := range q {
					id, ok := fid[k]
					if !ok {
						if !add {
							continue
						}
						id = len(fid)
						fid[k] = id
					}
					f = append(f, id)
					v = append(v, x)
				}
				return f, v
			}
			at := map[string]int{}
			for i, c := range m.codes {
				at[c] = i
			}
			for _, it := range items {
				if it.Level == 4 {
					f, v := conv(m.query(it.Name), true)
					exs = append(exs, ex{f, v, at[it.Code]})
				}
			}
			for _, r := range fit {
				for _, c := range r.codes {
					f, v := conv(m.query(r.title), true)
					exs = append(exs, ex{f, v, at[c]})
				}
			}
			K := len(m.codes)
			W := make([]float64, len(fid)*K)
			G := make([]float64, len(fid)*K)
			B := make([]float64, K)
			rng := rand.New(rand.NewSource(1))
			p := make([]float64, K)
			for ep := 0; ep < cf.epochs; ep++ {
				rng.Shuffle(len(exs), func(i, j int) { exs[i], exs[j] = exs[j], exs[i] })
				for _, e := range exs {
					mx := -1e18
					for c := 0; c < K; c++ {
						s := B[c]
						for i, f := range e.f {
							s += W[f*K+c] * e.v[i]
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
							gi := g*e.v[i] + cf.l2*W[f*K+c]
							G[f*K+c] += gi * gi
							W[f*K+c] -= cf.lr * gi / math.Sqrt(G[f*K+c]+1e-8)
						}
					}
				}
			}
			return m.codes, func(text string) []float64 {
				q := m.query(text)
				f, v := conv(q, false)
				s := make([]float64, K)
				for c := 0; c < K; c++ {
					x := B[c]
					for i, ff := range f {
						x += W[ff*K+c] * v[i]
					}
					s[c] = x
				}
				if cf.mix > 0 {
					mx := -1e18
					for _, x := range s {
						if x > mx {
							mx = x
						}
					}
					z := 0.0
					for c := range s {
						s[c] = math.Exp(s[c] - mx)
						z += s[c]
					}
					best := make([][2]float64, K)
					for i, d := range m.docs {
						x := dot(q, d)
						b := &best[m.dcode[i]]
						if x > b[0] {
							b[0], b[1] = x, b[0]
						} else if x > b[1] {
							b[1] = x
						}
					}
					for c := range s {
						s[c] = s[c]/z + cf.mix*(best[c][0]+0.3*best[c][1]+0.5*dot(q, m.cent[c]))
					}
				}
				return s
			}
		})
	}
}
