package occupation

import (
	"fmt"
	"os"
	"testing"
)

func TestTuneFields(t *testing.T) {
	if os.Getenv("TUNE") == "" {
		t.Skip()
	}
	items := sharedItems(t)
	for _, fw := range []float64{0, 1, 2, 4} {
		o := fopts{fw, 2, 4, 1, true, true}
		cvAlt(t, fmt.Sprintf("mix fields=%v", fw), func(fit []titleRow) ([]string, func(string) []float64) {
			m := buildAlt(items, fit, o, 1)
			return m.codes, func(text string) []float64 {
				q := m.query(text)
				s := make([]float64, len(m.codes))
				best := make([][2]float64, len(m.codes))
				for i, d := range m.docs {
					x := dot(q, d)
					b := &best[m.dcode[i]]
					if x > b[0] {
						b[0], b[1] = x, b[0]
					} else if x > b[1] {
						b[1] = x
					}
				}
				for i, b := range best {
					s[i] = b[0] + 0.3*b[1] + 0.5*dot(q, m.cent[i])
				}
				return s
			}
		})
	}
}
