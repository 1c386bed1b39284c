package occupation

import (
	"fmt"
	"os"
	"testing"
)

func TestTuneGrid(t *testing.T) {
	if os.Getenv("TUNE") == "" {
		t.Skip()
	}
	base := defaultParams()
	try := func(name string, f func(p *params)) {
		p := base
		f(&p)
		a, b := crossValidate(t, p)
		fmt.Printf("%-30s %.3f %.3f\n", name, a, b)
	}
	try("base", func(p *params) {})
	if os.Getenv("TUNE") == "1" {
		return
	}
	for _, v := range []float64{0, 0.25, 1} {
		try(fmt.Sprint("part ", v), func(p *params) { p.part = v })
	}
	for _, v := range []float64{0, 1, 4} {
		try(fmt.Sprint("field ", v), func(p *params) { p.field = v })
	}
	for _, v := range []float64{0, 2} {
		try(fmt.Sprint("word ", v), func(p *params) { p.word = v })
	}
	for _, v := range []float64{0.1, 0.2, 0.4} {
		try(fmt.Sprint("spread0 ", v), func(p *params) { p.spread[0] = v })
	}
	for _, v := range []float64{0.1, 0.2, 0.4} {
		try(fmt.Sprint("spread1 ", v), func(p *params) { p.spread[1] = v })
	}
	for _, v := range []float64{0.05, 0.1, 0.2} {
		try(fmt.Sprint("spread2 ", v), func(p *params) { p.spread[2] = v })
	}
	for _, v := range []float64{0.3, 1} {
		try(fmt.Sprint("group ", v), func(p *params) { p.kindWt[docGroup] = v })
	}
	for _, v := range []float64{0.3, 1} {
		try(fmt.Sprint("cat ", v), func(p *params) { p.kindWt[docCategory] = v })
	}
	for _, v := range []float64{0.25, 1, 2} {
		try(fmt.Sprint("centroid ", v), func(p *params) { p.centroid = v })
	}
	for _, v := range []float64{0, 0.6} {
		try(fmt.Sprint("second ", v), func(p *params) { p.second = v })
	}
	try("n 3-5", func(p *params) { p.nmin, p.nmax = 3, 5 })
	try("n 2-5", func(p *params) { p.nmin, p.nmax = 2, 5 })
	try("n 1-4", func(p *params) { p.nmin, p.nmax = 1, 4 })
}

func TestTuneLevels(t *testing.T) {
	if os.Getenv("TUNE") == "" {
		t.Skip()
	}
	base := defaultParams()
	try := func(name string, f func(p *params)) {
		p := base
		f(&p)
		a, b := crossValidate(t, p)
		fmt.Printf("%-30s %.3f %.3f\n", name, a, b)
	}
	for _, lv := range []int{0, 1, 2} {
		for _, w := range []float64{0.1, 0.3} {
			for _, temp := range []float64{1, 3} {
				try(fmt.Sprint("level ", lv, " w ", w, " temp ", temp), func(p *params) { p.level[lv] = w; p.levelTemp = temp })
			}
		}
	}
}
