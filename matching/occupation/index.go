package occupation

import (
	"math"
	"strings"
)

// index is what the resolver searches. Every name and title of a unit
// group is a document, and every text (document or query) a vector of
// features weighted by how rare they are (TF-IDF): the letter n-grams of
// its word stems, which meet inflections, compounds and misspellings
// half-way; the stems themselves and the known words a compound ends or
// begins with; and the words of a title's head ("Lærling") and of its
// qualifier in parentheses ("(kokk)") apart. A unit group also has the sum
// of its documents' vectors (its centroid), so that a text can resemble an
// occupation as a whole without resembling any one of its titles.
type index struct {
	p       params
	feature map[string]int32
	idf     []float32
	maxIDF  float32
	words   map[string]bool // every stem of the documents, for compound parts

	docs     []doc
	docPost  [][]posting // by feature: documents
	centPost [][]posting // by feature: unit groups' centroids
	codes    []int32     // the unit groups, as indices into the items
	// groups list, for each kind of group (minor group, NAV category 2,
	// NAV category 1), the group of each unit group (-1: none), so that
	// evidence for one occupation counts a little for its neighbours.
	groups [3][]int32
	nGroup [3]int

	// levels is a naive Bayes model of each level of the classification
	// (major, sub-major, minor and unit group, by code prefix): which group
	// a text's features point at.
	levels [4]levelModel

	// model is a linear model of the unit groups learnt from the
	// documents (see model.go): by feature, the weight of each unit group
	// the feature is seen in; nil for the features seen in many.
	model [][]posting
}

// levelModel scores the groups of one level: a group's score is
// base[g]·(sum of the text's feature counts) + the sum of each feature's
// delta for the groups it was seen in + prior[g].
type levelModel struct {
	groupOf []int32     // by unit group
	base    []float64   // by group
	prior   []float64   // by group
	delta   [][]posting // by feature
}

type doc struct {
	code int32 // index into index.codes
}

type posting struct {
	at  int32
	val float32
}

type docKind uint8

const (
	docTitle    docKind = iota // a registered job title
	docName                    // the unit group's own name
	docGroup                   // the name of the minor group above it
	docCategory                // NAV's category level 2
)

// params tune the resolver. The defaults were chosen by cross-validation
// on the training titles (see quality_test.go), never on held-out ones.
type params struct {
	nmin, nmax int     // letter n-gram lengths
	word       float64 // weight of a whole stem
	part       float64 // weight of a known word a compound ends or begins with
	head       float64 // weight of a word's head: the known word it ends with, or itself
	minHead    int     // letters a compound's head has at least
	kindWt     [4]float64
	startWt    float64 // weight of the n-grams that begin a word

	// concentration is the exponent of how concentrated a feature is on
	// few unit groups (1 − its entropy over them, relative to the most
	// there can be), which weighs it beside its rarity (IDF).
	concentration float64
	alpha         float64 // naive Bayes smoothing
	levelTemp     float64 // softmax temperature

	modelMaxGroups int     // the model weighs features seen in at most this many unit groups
	modelInit      float64 // its weights start as the centroids' times this
	modelEpochs    int     // passes over the documents
	modelRate      float64 // learning rate of the first pass (the n-th: rate/n)
	modelL2        float64 // weight decay

	// weights weigh the features of a text and a unit group (fBest and
	// the rest) into its score.
	weights [nFeat]float64
}

func defaultParams() params {
	return params{
		nmin: 2, nmax: 4, word: 0.5, part: 1, head: 2, minHead: 3, startWt: 2,
		kindWt:        [4]float64{docTitle: 1, docName: 1, docGroup: 0.6, docCategory: 0},
		concentration: 0.25, alpha: 0.02, levelTemp: 8,
		modelMaxGroups: 20, modelInit: 10, modelEpochs: 3, modelRate: 0.5, modelL2: 1e-4,
		weights: fittedWeights,
	}
}

// vector is a sparse feature vector; feature ids are those of the index.
type vector struct {
	ids  []int32
	vals []float32
	// word says which word of the text each feature came from, so that a
	// query's words can be weighed apart.
	word []int8
}

// bag is a text's features counted: ids, counts and the word each came
// from first.
type bag struct {
	ids  []int32
	tf   []float64
	word []int8
	// unknown holds the squared weights of features the index lacks, which
	// count in a query's length.
	unknown float64
}

func buildIndex(items []Occupation) *index {
	return buildIndexWith(items, defaultParams())
}

func buildIndexWith(items []Occupation, p params) *index {
	ix := &index{p: p, feature: map[string]int32{}, words: map[string]bool{}}
	type text struct {
		code int32
		text string
		kind docKind
	}
	var texts []text
	byCode := make(map[string]int, len(items))
	for i, it := range items {
		byCode[it.Code] = i
	}
	groupIDs := [3]map[string]int32{{}, {}, {}}
	groupOf := func(kind int, key string) int32 {
		if key == "" {
			return -1
		}
		id, ok := groupIDs[kind][key]
		if !ok {
			id = int32(len(groupIDs[kind]))
			groupIDs[kind][key] = id
		}
		return id
	}
	for i, it := range items {
		if it.Level != 4 {
			continue
		}
		code := int32(len(ix.codes))
		ix.codes = append(ix.codes, int32(i))
		ix.groups[0] = append(ix.groups[0], groupOf(0, it.Parent))
		ix.groups[1] = append(ix.groups[1], groupOf(1, lowerTrim(it.Category2)))
		ix.groups[2] = append(ix.groups[2], groupOf(2, lowerTrim(it.Category1)))
		texts = append(texts, text{code, it.Name, docName})
		for _, t := range it.Titles {
			texts = append(texts, text{code, t, docTitle})
		}
		if p.kindWt[docGroup] > 0 {
			if g, ok := byCode[it.Parent]; ok {
				texts = append(texts, text{code, items[g].Name, docGroup})
			}
		}
		if p.kindWt[docCategory] > 0 && it.Category2 != "" {
			texts = append(texts, text{code, it.Category2, docCategory})
		}
	}
	// Other words, where no other occupation's title or name has the same
	// stems.
	named := map[string]int32{} // stems → the unit group, -1 for several
	for _, t := range texts {
		if t.kind == docTitle || t.kind == docName {
			key := strings.Join(words(t.text), " ")
			if c, ok := named[key]; ok && c != t.code {
				named[key] = -1
			} else if !ok {
				named[key] = t.code
			}
		}
	}
	for code, i := range ix.codes {
		for _, w := range items[i].Words {
			key := strings.Join(words(w), " ")
			if c, ok := named[key]; key == "" || ok && c != int32(code) {
				continue
			}
			texts = append(texts, text{int32(code), w, docTitle})
		}
	}
	for k := range ix.nGroup {
		ix.nGroup[k] = len(groupIDs[k])
	}
	split := make([][][]string, len(texts)) // by text: the stems of its head and its qualifier
	for i, t := range texts {
		head, qualifier, _ := strings.Cut(t.text, "(")
		split[i] = [][]string{words(head), words(qualifier)}
		for _, ws := range split[i] {
			for _, w := range ws {
				ix.words[w] = true
			}
		}
	}

	// Count every text's features, numbering them as they come.
	var acc accumulator
	bags := make([]bag, len(texts))
	var df []int32
	for i := range texts {
		ix.features(split[i], func(key []byte, w float64, word int) {
			id, ok := ix.feature[string(key)]
			if !ok {
				id = int32(len(df))
				ix.feature[string(key)] = id
				df = append(df, 0)
			}
			acc.add(id, w, word)
		})
		bags[i] = acc.take()
		for _, id := range bags[i].ids {
			df[id]++
		}
	}
	n := float64(len(texts))
	ix.idf = make([]float32, len(df))
	// A feature's entropy over the unit groups, from how many of each
	// group's texts (which come together) have it.
	entropy := make([]float64, len(df))
	count := make([]float64, len(df))
	var seen []int32
	flushCounts := func() {
		for _, id := range seen {
			pr := count[id] / float64(df[id])
			entropy[id] -= pr * math.Log(pr)
			count[id] = 0
		}
		seen = seen[:0]
	}
	for i, b := range bags {
		if i > 0 && texts[i-1].code != texts[i].code {
			flushCounts()
		}
		for _, id := range b.ids {
			if count[id] == 0 {
				seen = append(seen, id)
			}
			count[id]++
		}
	}
	flushCounts()
	most := math.Log(float64(max(2, len(ix.codes))))
	for id, c := range df {
		x := math.Log((n+1)/(float64(c)+1)) + 1
		if p.concentration != 0 {
			x *= math.Pow(max(0, 1-entropy[id]/most), p.concentration)
		}
		ix.idf[id] = float32(x)
		ix.maxIDF = max(ix.maxIDF, ix.idf[id])
	}

	// Weigh them: each text is a document, and each unit group's texts
	// (which come together) add up to its centroid.
	ix.docPost = make([][]posting, len(df))
	ix.centPost = make([][]posting, len(df))
	ix.docs = make([]doc, len(texts))
	cent := make([]float64, len(df))
	var centIDs []int32
	flush := func(code int32) {
		norm := 0.0
		for _, id := range centIDs {
			norm += cent[id] * cent[id]
		}
		norm = math.Sqrt(norm)
		for _, id := range centIDs {
			ix.centPost[id] = append(ix.centPost[id], posting{code, float32(cent[id] / norm)})
			cent[id] = 0
		}
		centIDs = centIDs[:0]
	}
	for i, t := range texts {
		if i > 0 && texts[i-1].code != t.code {
			flush(texts[i-1].code)
		}
		v := ix.weigh(bags[i])
		ix.docs[i] = doc{code: t.code}
		wt := p.kindWt[t.kind]
		for j, id := range v.ids {
			ix.docPost[id] = append(ix.docPost[id], posting{int32(i), v.vals[j] * float32(wt)})
			if cent[id] == 0 {
				centIDs = append(centIDs, id)
			}
			cent[id] += float64(v.vals[j]) * wt
		}
	}
	if len(texts) > 0 {
		flush(texts[len(texts)-1].code)
	}

	textCodes := make([]int32, len(texts))
	for i, t := range texts {
		textCodes[i] = t.code
	}
	for lv := range ix.levels {
		ix.levels[lv] = ix.buildLevel(items, lv+1, textCodes, bags)
	}
	ix.model = ix.trainModel()
	return ix
}

// accumulator counts features by id, remembering which it has seen.
type accumulator struct {
	tf      []float64
	word    []int8
	touched []int32
}

func (a *accumulator) add(id int32, w float64, word int) {
	for int(id) >= len(a.tf) {
		a.tf = append(a.tf, 0)
		a.word = append(a.word, 0)
	}
	if a.tf[id] == 0 {
		a.touched = append(a.touched, id)
		a.word[id] = int8(word)
	}
	a.tf[id] += w
}

// take gives what was counted as a bag and starts again.
func (a *accumulator) take() bag {
	b := bag{ids: make([]int32, len(a.touched)), tf: make([]float64, len(a.touched)), word: make([]int8, len(a.touched))}
	for i, id := range a.touched {
		b.ids[i], b.tf[i], b.word[i] = id, a.tf[id], a.word[id]
		a.tf[id] = 0
	}
	a.touched = a.touched[:0]
	return b
}

// features gives every feature of a text (the stems of its head and of
// its qualifier) with its weight and the number of the word it came from.
// The key is only valid during the call.
func (ix *index) features(parts [][]string, fn func(key []byte, weight float64, word int)) {
	var buf [64]byte
	key := buf[:0]
	var bounds [40]int
	n := 0
	for _, ws := range parts {
		for _, w := range ws {
			if n >= maxQueryWords {
				return
			}
			// Letter n-grams of "<stem>".
			marked := "<" + w + ">"
			b := bounds[:0]
			for i := range marked {
				b = append(b, i)
			}
			b = append(b, len(marked))
			runes := len(b) - 1
			for size := ix.p.nmin; size <= ix.p.nmax; size++ {
				for i := 0; i+size <= runes; i++ {
					w := 1.0
					if i == 0 {
						w = ix.p.startWt
					}
					fn(append(key[:0], marked[b[i]:b[i+size]]...), w, n)
				}
			}
			if ix.p.word > 0 {
				fn(append(append(key[:0], "w:"...), w...), ix.p.word, n)
			}
			first, head := ix.parts(w)
			if ix.p.head > 0 {
				// The compound's head, or the word itself: what kind of
				// work ("kokk" in "hjelpekokk").
				h := head
				if h == "" {
					h = w
				}
				fn(append(append(key[:0], "H:"...), h...), ix.p.head, n)
			}
			if ix.p.part > 0 {
				if head != "" {
					fn(append(append(key[:0], "w:"...), head...), ix.p.part, n)
				}
				if first != "" {
					fn(append(append(key[:0], "w:"...), first...), ix.p.part, n)
				}
			}
			n++
		}
	}
}

// maxQueryWords is how many words of a text count.
const maxQueryWords = 8

// parts finds the known words a compound begins and ends with: the
// longest known stem of at least minHead letters it ends with ("kokk" in
// "pizzakokk", "led" in "avdelingsled", the stem of "avdelingsleder"), and
// the longest of at least four letters it begins with, which may be
// followed by a linking s or e ("barnehage" in "barnehageassistent").
func (ix *index) parts(w string) (first, head string) {
	// Byte offsets of the runes, so that the parts are substrings.
	var buf [40]int
	at := buf[:0]
	for i := range w {
		at = append(at, i)
	}
	n := len(at)
	at = append(at, len(w))
	for i := 1; i+ix.p.minHead <= n; i++ {
		if s := w[at[i]:]; ix.words[s] || ix.words[stem(s)] {
			head = s
			break
		}
	}
	for i := n - 1; i >= 4; i-- {
		s := w[:at[i]]
		if ix.words[s] {
			first = s
			break
		}
		if last := w[at[i-1]:at[i]]; (last == "s" || last == "e") && i-1 >= 4 && ix.words[w[:at[i-1]]] {
			first = w[:at[i-1]]
			break
		}
	}
	return first, head
}

// weigh turns counted features into a unit vector of TF-IDF weights
// (sublinear TF).
func (ix *index) weigh(b bag) vector {
	v := vector{ids: b.ids, vals: make([]float32, len(b.ids)), word: b.word}
	norm := b.unknown
	for i, id := range b.ids {
		x := tfidf(b.tf[i], ix.idf[id])
		v.vals[i] = x
		norm += float64(x) * float64(x)
	}
	if norm > 0 {
		inv := float32(1 / math.Sqrt(norm))
		for i := range v.vals {
			v.vals[i] *= inv
		}
	}
	return v
}

func tfidf(tf float64, idf float32) float32 {
	if tf < 1 {
		return float32(tf * float64(idf))
	}
	return float32((1 + math.Log(tf)) * float64(idf))
}

// lowerTrim is s as a key: trimmed, lower case.
func lowerTrim(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// buildLevel counts the features of the texts by the group of the given
// level (digits of the code) their unit group belongs to.
func (ix *index) buildLevel(items []Occupation, digits int, textCodes []int32, bags []bag) levelModel {
	var m levelModel
	ids := map[string]int32{}
	m.groupOf = make([]int32, len(ix.codes))
	for c, i := range ix.codes {
		key := items[i].Code[:min(digits, len(items[i].Code))]
		id, ok := ids[key]
		if !ok {
			id = int32(len(ids))
			ids[key] = id
		}
		m.groupOf[c] = id
	}
	n := len(ids)
	total := make([]float64, n)
	texts := make([]float64, n)
	a := ix.p.alpha
	m.delta = make([][]posting, len(ix.idf))
	// The texts come in code order, so a group's texts come together.
	count := make([]float64, len(ix.idf))
	var touched []int32
	flush := func(g int32) {
		for _, id := range touched {
			m.delta[id] = append(m.delta[id], posting{g, float32(math.Log((count[id] + a) / a))})
			count[id] = 0
		}
		touched = touched[:0]
	}
	for i, b := range bags {
		g := m.groupOf[textCodes[i]]
		if i > 0 && m.groupOf[textCodes[i-1]] != g {
			flush(m.groupOf[textCodes[i-1]])
		}
		texts[g]++
		for j, id := range b.ids {
			if count[id] == 0 {
				touched = append(touched, id)
			}
			count[id] += b.tf[j]
			total[g] += b.tf[j]
		}
	}
	if len(bags) > 0 {
		flush(m.groupOf[textCodes[len(bags)-1]])
	}
	v := float64(len(ix.idf))
	m.base = make([]float64, n)
	m.prior = make([]float64, n)
	all := 0.0
	for _, t := range texts {
		all += t
	}
	for g := range n {
		m.base[g] = math.Log(a / (total[g] + a*v))
		m.prior[g] = math.Log((texts[g] + 1) / (all + float64(n)))
	}
	return m
}
