package occupation

import (
	"fmt"
	"os"
	"testing"
)

func TestTuneRanks(t *testing.T) {
	if os.Getenv("TUNE") == "" {
		t.Skip()
	}
	items := sharedItems(t)
	train := titleList(t, "split/train.csv")
	p := defaultParams()
	p.level = [3]float64{0.05, 0.05, 0.05}
	p.levelTemp = 3
	hist := map[string]int{}
	total := 0
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
		for _, r := range test {
			total++
			ms := c.Resolve(r.title, 500)
			rank := -1
			for i, m := range ms {
				if containsString(r.codes, m.Code) {
					rank = i
					break
				}
			}
			switch {
			case rank < 0:
				hist["absent"]++
			case rank == 0:
				hist["1"]++
			case rank < 3:
				hist["2-3"]++
			case rank < 5:
				hist["4-5"]++
			case rank < 10:
				hist["6-10"]++
			case rank < 30:
				hist["11-30"]++
			default:
				hist[">30"]++
			}
		}
	}
	for _, k := range []string{"1", "2-3", "4-5", "6-10", "11-30", ">30", "absent"} {
		fmt.Printf("%s %.3f\n", k, float64(hist[k])/float64(total))
	}
}
