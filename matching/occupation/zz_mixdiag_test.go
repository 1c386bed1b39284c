package occupation

import (
	"fmt"
	"os"
	"sort"
	"testing"
)

func TestTuneMixDiag(t *testing.T) {
	if os.Getenv("TUNE") == "" {
		t.Skip()
	}
	items := sharedItems(t)
	train := titleList(t, "split/train.csv")
	var fit, test []titleRow
	for i, r := range train {
		if i%5 == 0 {
			test = append(test, r)
		} else {
			fit = append(fit, r)
		}
	}
	o := fopts{0, 2, 4, 1, true, true}
	m := buildAlt(items, fit, o, 1)
	byCode := map[string][]string{}
	for _, r := range fit {
		for _, c := range r.codes {
			byCode[c] = append(byCode[c], r.title)
		}
	}
	cls := New(withTitles(items, fit))
	n := 0
	for _, r := range test {
		q := m.query(r.title)
		s := make([]float64, len(m.codes))
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
			s[i] = b[0] + 0.3*b[1] + 0.5*dot(q, m.cent[i])
		}
		idx := make([]int, len(s))
		for i := range idx {
			idx[i] = i
		}
		sort.Slice(idx, func(a, b int) bool { return s[idx[a]] > s[idx[b]] })
		if containsString(r.codes, m.codes[idx[0]]) {
			continue
		}
		n++
		if n > 70 {
			continue
		}
		c := r.codes[0]
		fmt.Printf("%-40.40s want %s %-25.25s got %s %-22.22s | %s %-22.22s  ex: %.80v\n", r.title, c, cls.Name(c), m.codes[idx[0]], cls.Name(m.codes[idx[0]]), m.codes[idx[1]], cls.Name(m.codes[idx[1]]), byCode[c])
	}
}
