package occupation

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestTuneDiag(t *testing.T) {
	if os.Getenv("TUNE") == "" {
		t.Skip()
	}
	items := sharedItems(t)
	train := titleList(t, "split/train.csv")
	var fit, test []titleRow
	for i, r := range train {
		if i%5 == 1 {
			test = append(test, r)
		} else {
			fit = append(fit, r)
		}
	}
	c := New(withTitles(items, fit))
	byCode := map[string][]string{}
	for _, r := range fit {
		for _, c := range r.codes {
			byCode[c] = append(byCode[c], r.title)
		}
	}
	n := 0
	for _, r := range test {
		ms := c.Resolve(r.title, 3)
		if len(ms) > 0 && containsString(r.codes, ms[0].Code) {
			continue
		}
		n++
		if n > 100 {
			continue
		}
		exp := r.codes[0]
		fmt.Printf("%-38.38s want %s %-22.22s got", r.title, exp, c.Name(exp))
		for _, m := range ms {
			fmt.Printf(" | %s %.2f %.18s", m.Code, m.Score, m.Name)
		}
		fmt.Printf("\n      ex: %.150s\n", strings.Join(byCode[exp], "; "))
	}
}
