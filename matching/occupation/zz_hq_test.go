package occupation

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

func TestTuneHQ(t *testing.T) {
	if os.Getenv("TUNE") == "" {
		t.Skip()
	}
	items := sharedItems(t)
	train := titleList(t, "split/train.csv")
	p := defaultParams()
	p.level = [3]float64{0.05, 0.05, 0.05}
	p.levelTemp = 3
	for _, gq := range []float64{0, 0.2, 0.4} {
		for _, gh := range []float64{0, 0.2} {
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
				c := New(withTitles(items, fit))
				c.ix = buildIndexWith(c.items, p)
				var n1, n3 int
				for _, r := range test {
					sc := map[string]float64{}
					for _, m := range c.Resolve(r.title, 50) {
						sc[m.Code] += m.Score
					}
					head, q, ok := strings.Cut(r.title, "(")
					if ok {
						for _, m := range c.Resolve(q, 50) {
							sc[m.Code] += gq * m.Score
						}
						for _, m := range c.Resolve(head, 50) {
							sc[m.Code] += gh * m.Score
						}
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
				a1 += float64(n1) / float64(len(test)) / 5
				a3 += float64(n3) / float64(len(test)) / 5
			}
			fmt.Printf("gq %v gh %v: %.3f %.3f\n", gq, gh, a1, a3)
		}
	}
}
