package occupation

import (
	"math"
	"math/rand/v2"
)

// trainModel learns a linear model of the unit groups from the documents:
// multinomial logistic regression, by stochastic gradient descent, whose
// weights start as the centroids' and whose classes are, for each
// document, the unit groups that share a feature with it. It weighs only
// the features seen in few unit groups (the letter n-grams every
// occupation has tell little and cost the most), and a feature keeps
// weights only for the unit groups it is seen in. Where the centroids say
// what an occupation's titles have in common, the model also learns what
// tells it from the occupations whose titles look alike.
func (ix *index) trainModel() [][]posting {
	p := ix.p
	if p.modelEpochs <= 0 {
		return nil
	}
	model := make([][]posting, len(ix.centPost))
	for f, ps := range ix.centPost {
		if len(ps) > p.modelMaxGroups {
			continue
		}
		model[f] = make([]posting, len(ps))
		for j, c := range ps {
			model[f][j] = posting{c.at, float32(p.modelInit) * c.val}
		}
	}
	// The documents' vectors, by the model's features.
	docs := make([][]posting, len(ix.docs))
	for f, ps := range ix.docPost {
		if model[f] == nil {
			continue
		}
		for _, d := range ps {
			docs[d.at] = append(docs[d.at], posting{int32(f), d.val})
		}
	}
	n := len(ix.codes)
	prob := make([]float64, n)
	bias := make([]float64, n)
	seen := make([]bool, n)
	var touched []int32
	order := rand.New(rand.NewPCG(1, 2)).Perm(len(docs))
	for epoch := range p.modelEpochs {
		rate := p.modelRate / float64(1+epoch)
		for _, d := range order {
			x, y := docs[d], ix.docs[d].code
			touched = touched[:0]
			for _, e := range x {
				for _, w := range model[e.at] {
					if !seen[w.at] {
						seen[w.at] = true
						touched = append(touched, w.at)
						prob[w.at] = bias[w.at]
					}
					prob[w.at] += float64(e.val * w.val)
				}
			}
			if seen[y] {
				softmax(prob, touched)
				prob[y]--
				for _, e := range x {
					ws := model[e.at]
					for j, w := range ws {
						g := prob[w.at]*float64(e.val) + p.modelL2*float64(w.val)
						ws[j].val -= float32(rate * g)
					}
				}
				for _, c := range touched {
					bias[c] -= rate * 0.1 * prob[c]
				}
			}
			for _, c := range touched {
				seen[c] = false
			}
		}
	}
	return model
}

// softmax turns the scores at the given places into probabilities.
func softmax(x []float64, at []int32) {
	top := math.Inf(-1)
	for _, i := range at {
		top = max(top, x[i])
	}
	z := 0.0
	for _, i := range at {
		x[i] = math.Exp(x[i] - top)
		z += x[i]
	}
	for _, i := range at {
		x[i] /= z
	}
}
