package occupation

import (
	"math"
	"slices"
	"strings"
	"sync"
)

// Match is an occupation a text may name, with how sure the resolver is:
// a score from 0 to 1, the probability it gives the occupation among those
// the text has anything in common with, and 1 for a registered title or
// name written the same way.
type Match struct {
	Code  string  `json:"code"`
	Name  string  `json:"name"`
	Score float64 `json:"score"`
}

// A text names an occupation with confidence when its best match scores
// at least Confident and at least ConfidentMargin more than the next: then
// imports take a title as that occupation without asking, and matching
// reads a goal as it. Measured by five-fold cross-validation on the
// training titles (titles the resolver had not seen; quality_test.go), 86 %
// of the matches this lets through were right, and it let through 46 % of
// them. A registered title or name written the same way scores 1; as the
// scores are probabilities, the margin only keeps out a title registered
// for two occupations.
const (
	Confident       = 0.6
	ConfidentMargin = 0.1
)

// IsConfident reports whether matches (best first, as Resolve gives them)
// name their first occupation with confidence.
func IsConfident(matches []Match) bool {
	if len(matches) == 0 || matches[0].Score < Confident {
		return false
	}
	return len(matches) == 1 || matches[0].Score-matches[1].Score >= ConfidentMargin
}

// Resolve finds the unit groups (four-digit codes) the text most likely
// names, best first, at most top of them (top ≤ 0: 10). It understands
// inflection ("kokker"), compounds ("flyrengjører" is a kind of
// "rengjører"), misspellings, case, and æ, ø, å written as ae, oe, aa.
func (c *Classification) Resolve(text string, top int) []Match {
	if c == nil || c.ix == nil {
		return nil
	}
	if top <= 0 {
		top = 10
	}
	scores := c.ix.score(text, top)
	out := make([]Match, 0, len(scores))
	for _, s := range scores {
		it := c.items[c.ix.codes[s.code]]
		out = append(out, Match{Code: it.Code, Name: it.Name, Score: math.Round(min(1, max(0, s.score))*1000) / 1000})
	}
	return out
}

// Best is the occupation the text names with confidence, if it names one
// (see Confident).
func (c *Classification) Best(text string) (Match, bool) {
	m := c.Resolve(text, 2)
	if !IsConfident(m) {
		return Match{}, false
	}
	return m[0], true
}

type codeScore struct {
	code  int32
	score float64
}

// The features of a text and a unit group the resolver weighs: for the
// text, again for its qualifier on its own ("Lærling (kokk)" → "kokk"),
// and again for the head of its last word on its own ("pizzakokk" →
// "kokk"), and the learnt model's score.
const (
	fBest     = iota // similarity of the unit group's closest document
	fSecond          // of its second closest
	fThird           // and of its third
	fCentroid        // each word's similarity to the unit group's centroid, summed
	fSpread0         // each word's best centroid similarity in the minor group, summed
	fSpread1         // in the NAV category level 2
	fSpread2         // in the NAV category level 1
	fLevel0          // probability of the major group (naive Bayes)
	fLevel1          // of the sub-major group
	fLevel2          // of the minor group
	fLevel3          // of the unit group
	nText

	fQualifier = nText     // the same for the qualifier
	fHead      = 2 * nText // and for the head
	fModel     = 3 * nText // the learnt model's score of the text
	nFeat      = fModel + 1
)

// scratch is one query's working memory, reused between queries.
type scratch struct {
	acc     []float32 // by document
	docs    []int32   // the documents acc holds
	evid    []float32 // by query word × unit group
	gmax    []float32 // by group
	feat    []float32 // by unit group × feature
	seen    []bool    // by unit group
	touched []int32   // the unit groups feat holds
	prob    []float64 // by unit group
}

var scratchPool sync.Pool

func (ix *index) scratch() *scratch {
	if s, ok := scratchPool.Get().(*scratch); ok && len(s.acc) == len(ix.docs) && len(s.seen) == len(ix.codes) {
		return s
	}
	n := len(ix.codes)
	return &scratch{
		acc: make([]float32, len(ix.docs)), evid: make([]float32, maxQueryWords*n), seen: make([]bool, n),
		feat: make([]float32, n*nFeat), prob: make([]float64, n),
		gmax: make([]float32, max(ix.nGroup[0], ix.nGroup[1], ix.nGroup[2])),
	}
}

// touch gives the unit group's features, noting that it has some.
func (s *scratch) touch(c int32) []float32 {
	if !s.seen[c] {
		s.seen[c] = true
		s.touched = append(s.touched, c)
	}
	return s.feat[int(c)*nFeat : int(c+1)*nFeat]
}

// reset clears what a query left.
func (s *scratch) reset() {
	for _, c := range s.touched {
		s.seen[c] = false
		clear(s.feat[int(c)*nFeat : int(c+1)*nFeat])
	}
	s.touched = s.touched[:0]
}

// levelProbabilities gives, for each level of the classification, the
// probability of each group given the text's features.
func (ix *index) levelProbabilities(b bag) [4][]float64 {
	var out [4][]float64
	for lv, m := range ix.levels {
		if m.base == nil {
			continue
		}
		sum := 0.0
		score := make([]float64, len(m.base))
		for i, id := range b.ids {
			tf := b.tf[i]
			sum += tf
			for _, p := range m.delta[id] {
				score[p.at] += tf * float64(p.val)
			}
		}
		top := math.Inf(-1)
		for g := range score {
			score[g] = (score[g] + sum*m.base[g] + m.prior[g]) / ix.p.levelTemp
			top = max(top, score[g])
		}
		z := 0.0
		for g := range score {
			score[g] = math.Exp(score[g] - top)
			z += score[g]
		}
		for g := range score {
			score[g] /= z
		}
		out[lv] = score
	}
	return out
}

// query counts a text's features and weighs them; it also says how many
// words the text has.
func (ix *index) query(text string) (vector, int, bag) {
	head, qualifier, _ := strings.Cut(text, "(")
	parts := [][]string{words(head), words(qualifier)}
	var b bag
	at := map[int32]int{}
	unknown := map[string]float64{}
	nWords := 0
	ix.features(parts, func(key []byte, w float64, n int) {
		nWords = max(nWords, n+1)
		id, ok := ix.feature[string(key)]
		if !ok {
			unknown[string(key)] += w
			return
		}
		i, seen := at[id]
		if !seen {
			i = len(b.ids)
			at[id] = i
			b.ids, b.tf, b.word = append(b.ids, id), append(b.tf, 0), append(b.word, int8(n))
		}
		b.tf[i] += w
	})
	for _, tf := range unknown {
		x := float64(tfidf(tf, ix.maxIDF))
		b.unknown += x * x
	}
	return ix.weigh(b), nWords, b
}

// score scores the unit groups the text has anything in common with and
// gives the best, at most top of them, best first: the weighted sum of
// their features, as a probability among them (softmax). A unit group with
// a document the text matches exactly (the same stems) scores 1.
func (ix *index) score(text string, top int) []codeScore {
	s := ix.scratch()
	defer scratchPool.Put(s)
	defer s.reset()
	ix.gather(text, s)
	if len(s.touched) == 0 {
		return nil
	}
	for _, c := range s.touched {
		f := s.feat[int(c)*nFeat : int(c+1)*nFeat]
		x := 0.0
		for i, w := range ix.p.weights {
			x += w * float64(f[i])
		}
		s.prob[c] = x
	}
	softmax(s.prob, s.touched)
	// The best, kept in order as they come.
	scores := make([]codeScore, 0, min(top, len(s.touched)))
	for _, c := range s.touched {
		x := codeScore{c, s.prob[c]}
		if s.feat[int(c)*nFeat+fBest] >= exact {
			x.score = 1
		}
		i := len(scores)
		for i > 0 && better(x, scores[i-1]) {
			i--
		}
		switch {
		case len(scores) < top:
			scores = slices.Insert(scores, i, x)
		case i < top:
			copy(scores[i+1:], scores[i:top-1])
			scores[i] = x
		}
	}
	return scores
}

// better orders scores best first, then by code.
func better(a, b codeScore) bool {
	return a.score > b.score || a.score == b.score && a.code < b.code
}

// exact is the similarity of a text and a document with the same stems
// (1, less what rounding takes).
const exact = 0.9999

// gather finds the features of the text for every unit group it has
// anything in common with.
func (ix *index) gather(text string, s *scratch) {
	vec := ix.gatherText(text, s, 0)
	head, qualifier, ok := strings.Cut(text, "(")
	if ok {
		ix.gatherText(strings.TrimSuffix(strings.TrimSpace(qualifier), ")"), s, fQualifier)
	}
	if ws := words(head); len(ws) > 0 {
		if _, h := ix.parts(ws[len(ws)-1]); h != "" {
			ix.gatherText(h, s, fHead)
		}
	}
	// The model's score, for the unit groups that have other features.
	for j, f := range vec.ids {
		for _, p := range ix.model[f] {
			if s.seen[p.at] {
				s.feat[int(p.at)*nFeat+fModel] += vec.vals[j] * p.val
			}
		}
	}
}

// gatherText finds the features of one text, from feature off on, and
// gives its vector.
func (ix *index) gatherText(text string, s *scratch, off int) vector {
	q, nWords, raw := ix.query(text)
	if len(q.ids) == 0 {
		return q
	}
	n := len(ix.codes)
	for j, f := range q.ids {
		x := q.vals[j]
		for _, p := range ix.docPost[f] {
			if s.acc[p.at] == 0 {
				s.docs = append(s.docs, p.at)
			}
			s.acc[p.at] += x * p.val
		}
		ev := s.evid[int(q.word[j])*n : int(q.word[j]+1)*n]
		for _, p := range ix.centPost[f] {
			ev[p.at] += x * p.val
		}
	}
	for _, d := range s.docs {
		x := s.acc[d]
		s.acc[d] = 0
		f := s.touch(ix.docs[d].code)[off:]
		switch {
		case x > f[fBest]:
			f[fThird], f[fSecond], f[fBest] = f[fSecond], f[fBest], x
		case x > f[fSecond]:
			f[fThird], f[fSecond] = f[fSecond], x
		case x > f[fThird]:
			f[fThird] = x
		}
	}
	s.docs = s.docs[:0]

	// Each word's evidence, and the best of it in each group of the
	// occupations it points at, summed over the words.
	for w := range nWords {
		ev := s.evid[w*n : (w+1)*n]
		for k := range ix.groups {
			gm := s.gmax[:ix.nGroup[k]]
			clear(gm)
			for c, g := range ix.groups[k] {
				if g >= 0 {
					gm[g] = max(gm[g], ev[c])
				}
			}
			for c, g := range ix.groups[k] {
				if g >= 0 && gm[g] > 0 {
					s.touch(int32(c))[off+fSpread0+k] += gm[g]
				}
			}
		}
		for c, x := range ev {
			if x != 0 {
				s.touch(int32(c))[off+fCentroid] += x
				ev[c] = 0
			}
		}
	}
	for lv, pr := range ix.levelProbabilities(raw) {
		if pr == nil {
			continue
		}
		for c, g := range ix.levels[lv].groupOf {
			if x := pr[g]; x > 0.001 {
				s.touch(int32(c))[off+fLevel0+lv] = float32(x)
			}
		}
	}
	return q
}
