package occupation

import (
	"fmt"
	"os"
	"testing"
)

func TestTuneCD(t *testing.T) {
	if os.Getenv("TUNE") == "" {
		t.Skip()
	}
	p := defaultParams()
	obj := func(p params) (float64, float64, float64) { a, b := crossValidate(t, p); return a + b, a, b }
	best, a, b := obj(p)
	fmt.Printf("start %.3f %.3f\n", a, b)
	type knob struct {
		name string
		ptr  func(*params) *float64
		vals []float64
	}
	knobs := []knob{
		{"word", func(p *params) *float64 { return &p.word }, []float64{0, 0.5, 1, 2, 3}},
		{"part", func(p *params) *float64 { return &p.part }, []float64{0, 0.25, 0.5, 1, 2}},
		{"field", func(p *params) *float64 { return &p.field }, []float64{0, 1, 2, 3, 5}},
		{"second", func(p *params) *float64 { return &p.second }, []float64{0, 0.15, 0.3, 0.5, 0.8}},
		{"third", func(p *params) *float64 { return &p.third }, []float64{0, 0.1, 0.2, 0.4}},
		{"prior", func(p *params) *float64 { return &p.prior }, []float64{0, 0.05, 0.1, 0.2, 0.4}},
		{"qualifier", func(p *params) *float64 { return &p.qualifier }, []float64{0, 0.15, 0.3, 0.5, 0.8}},
		{"centroid", func(p *params) *float64 { return &p.centroid }, []float64{0.25, 0.5, 0.75, 1, 1.5}},
		{"spread0", func(p *params) *float64 { return &p.spread[0] }, []float64{0, 0.1, 0.2, 0.4}},
		{"spread1", func(p *params) *float64 { return &p.spread[1] }, []float64{0, 0.1, 0.2, 0.4}},
		{"spread2", func(p *params) *float64 { return &p.spread[2] }, []float64{0, 0.05, 0.1, 0.2}},
		{"level0", func(p *params) *float64 { return &p.level[0] }, []float64{0, 0.025, 0.05, 0.1, 0.2}},
		{"level1", func(p *params) *float64 { return &p.level[1] }, []float64{0, 0.025, 0.05, 0.1, 0.2}},
		{"level2", func(p *params) *float64 { return &p.level[2] }, []float64{0, 0.025, 0.05, 0.1, 0.2}},
		{"levelTemp", func(p *params) *float64 { return &p.levelTemp }, []float64{1, 2, 3, 5, 8}},
		{"alpha", func(p *params) *float64 { return &p.alpha }, []float64{0.02, 0.05, 0.1, 0.3, 1}},
		{"group", func(p *params) *float64 { return &p.kindWt[docGroup] }, []float64{0, 0.3, 0.6, 1}},
		{"cat", func(p *params) *float64 { return &p.kindWt[docCategory] }, []float64{0, 0.3, 0.6, 1}},
		{"name", func(p *params) *float64 { return &p.kindWt[docName] }, []float64{0.5, 0.75, 1, 1.5}},
	}
	for round := 0; round < 2; round++ {
		for _, k := range knobs {
			for _, v := range k.vals {
				q := p
				if *k.ptr(&q) == v {
					continue
				}
				*k.ptr(&q) = v
				o, a, b := obj(q)
				if o > best+0.001 {
					best, p = o, q
					fmt.Printf("%s=%v -> %.3f %.3f\n", k.name, v, a, b)
				}
			}
		}
	}
	fmt.Printf("final %+v\n", p)
}
