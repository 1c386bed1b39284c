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

	// levels is a naive Bayes model of the classification's upper levels
	// (major, sub-major and minor group, by code prefix): which group a
	// text's features point at, whatever unit group it is.
	levels [3]levelModel
	prior  []float64 // by unit group: how many documents it has, 0–1
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
	kind docKind
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
	field      float64 // weight of a stem as head or qualifier
	kindWt     [4]float64

	second    float64    // weight of a unit group's second-best document
	third     float64    // and of its third
	prior     float64    // weight of the number of its documents
	qualifier float64    // weight of a title's qualifier scored on its own
	centroid  float64    // weight of its centroid
	spread    [3]float64 // share of a neighbour's evidence, by kind of group

	level     [3]float64 // weight of the probability of the major, sub-major and minor group
	alpha     float64    // naive Bayes smoothing
	levelTemp float64    // softmax temperature
}

func defaultParams() params {
	return params{
		nmin: 2, nmax: 4, word: 2, part: 1, field: 0,
		kindWt: [4]float64{docTitle: 1, docName: 1, docGroup: 0.6, docCategory: 0},
		second: 0.3, third: 0.2, centroid: 0.5, spread: [3]float64{0.2, 0, 0.2},
		alpha: 0.02, levelTemp: 3, level: [3]float64{0.1, 0.05, 0.05}, qualifier: 0.3,
	}
}

// vector is a sparse feature vector; feature ids are those of the index,
// or -1 for a feature the index lacks (it still counts in the norm).
type vector struct {
	ids  []int32
	vals []float32
	// word says which query word each feature came from, for spreading
	// each word's evidence on its own.
	word []int8
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
	byCode := map[string]int{}
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
	for k := range ix.nGroup {
		ix.nGroup[k] = len(groupIDs[k])
	}
	for _, t := range texts {
		for _, w := range words(t.text) {
			ix.words[w] = true
		}
	}
	// Count features, then weigh them.
	raw := make([]map[string]float64, len(texts))
	df := map[string]int{}
	for i, t := range texts {
		raw[i] = ix.rawFeatures(t.text)
		for f := range raw[i] {
			df[f]++
		}
	}
	ix.idf = make([]float32, 0, len(df))
	n := float64(len(texts))
	for f, c := range df {
		ix.feature[f] = int32(len(ix.idf))
		v := float32(math.Log((n+1)/(float64(c)+1)) + 1)
		ix.idf = append(ix.idf, v)
		ix.maxIDF = max(ix.maxIDF, v)
	}
	ix.docPost = make([][]posting, len(ix.idf))
	ix.centPost = make([][]posting, len(ix.idf))
	cents := make([]map[int32]float64, len(ix.codes))
	for i := range cents {
		cents[i] = map[int32]float64{}
	}
	for i, t := range texts {
		v := ix.weigh(raw[i], nil)
		d := int32(len(ix.docs))
		ix.docs = append(ix.docs, doc{code: t.code, kind: t.kind})
		wt := p.kindWt[t.kind]
		for j, f := range v.ids {
			ix.docPost[f] = append(ix.docPost[f], posting{d, v.vals[j] * float32(wt)})
			cents[t.code][f] += float64(v.vals[j]) * wt
		}
	}
	for lv := range ix.levels {
		if p.level[lv] > 0 {
			codes := make([]int32, len(texts))
			for i, t := range texts {
				codes[i] = t.code
			}
			ix.levels[lv] = ix.buildLevel(items, lv+1, codes, raw)
		}
	}
	ix.prior = make([]float64, len(ix.codes))
	most := 1.0
	for _, d := range ix.docs {
		ix.prior[d.code]++
		most = max(most, ix.prior[d.code])
	}
	for c := range ix.prior {
		ix.prior[c] = math.Log(1+ix.prior[c]) / math.Log(1+most)
	}
	for c, cent := range cents {
		norm := 0.0
		for _, x := range cent {
			norm += x * x
		}
		norm = math.Sqrt(norm)
		for f, x := range cent {
			ix.centPost[f] = append(ix.centPost[f], posting{int32(c), float32(x / norm)})
		}
	}
	return ix
}

// rawFeatures counts a text's features, each with the word it came from
// (the word's place in the text, from 1).
func (ix *index) rawFeatures(text string) map[string]float64 {
	out := map[string]float64{}
	ix.eachFeature(text, func(f string, w float64, _ int) { out[f] += w })
	return out
}

// eachFeature gives every feature of a text with its weight and the
// number of the word it came from.
func (ix *index) eachFeature(text string, fn func(feature string, weight float64, word int)) {
	head, qualifier, _ := strings.Cut(text, "(")
	n := 0
	for part, s := range []string{head, qualifier} {
		field := "h:"
		if part == 1 {
			field = "q:"
		}
		for _, w := range words(s) {
			if n >= maxQueryWords {
				return
			}
			r := []rune("<" + w + ">")
			for size := ix.p.nmin; size <= ix.p.nmax; size++ {
				for i := 0; i+size <= len(r); i++ {
					fn(string(r[i:i+size]), 1, n)
				}
			}
			if ix.p.word > 0 {
				fn("w:"+w, ix.p.word, n)
			}
			if ix.p.field > 0 {
				fn(field+w, ix.p.field, n)
			}
			if ix.p.part > 0 {
				first, head := ix.parts(w)
				if head != "" {
					fn("w:"+head, ix.p.part, n)
				}
				if first != "" {
					fn("w:"+first, ix.p.part, n)
				}
			}
			n++
		}
	}
}

// maxQueryWords is how many words of a text count.
const maxQueryWords = 8

// parts finds the known words a compound begins and ends with: the
// longest known stem of at least four letters it ends with ("kokk" in
// "pizzakokk"), and the longest it begins with, which may be followed by a
// linking s or e ("barnehage" in "barnehageassistent").
func (ix *index) parts(w string) (first, head string) {
	r := []rune(w)
	for i := 1; i+4 <= len(r); i++ {
		if s := string(r[i:]); ix.words[s] || ix.words[stem(s)] {
			head = s
			break
		}
	}
	for i := len(r) - 1; i >= 4; i-- {
		s := string(r[:i])
		if ix.words[s] {
			first = s
			break
		}
		if r[i-1] == 's' || r[i-1] == 'e' {
			if t := string(r[:i-1]); len(r[:i-1]) >= 4 && ix.words[t] {
				first = t
				break
			}
		}
	}
	return first, head
}

// weigh turns counted features into a unit vector of TF-IDF weights
// (sublinear TF). words, when given, holds each feature's word number.
func (ix *index) weigh(raw map[string]float64, words map[string]int) vector {
	var v vector
	norm := 0.0
	for f, tf := range raw {
		id, ok := ix.feature[f]
		idf := ix.maxIDF
		if ok {
			idf = ix.idf[id]
		} else {
			id = -1
		}
		x := float32((1 + math.Log(tf)) * float64(idf))
		if tf < 1 {
			x = float32(tf * float64(idf))
		}
		norm += float64(x) * float64(x)
		if id >= 0 {
			v.ids = append(v.ids, id)
			v.vals = append(v.vals, x)
			if words != nil {
				v.word = append(v.word, int8(words[f]))
			}
		}
	}
	if norm > 0 {
		inv := float32(1 / math.Sqrt(norm))
		for i := range v.vals {
			v.vals[i] *= inv
		}
	}
	return v
}

// lowerTrim is s as a key: trimmed, lower case.
func lowerTrim(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// buildLevel counts the features of the texts by the group of the given
// level (digits of the code) their unit group belongs to.
func (ix *index) buildLevel(items []Occupation, digits int, textCodes []int32, raw []map[string]float64) levelModel {
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
	counts := make([]map[int32]float64, len(ix.idf))
	total := make([]float64, n)
	texts := make([]float64, n)
	for i, r := range raw {
		g := m.groupOf[textCodes[i]]
		texts[g]++
		for f, tf := range r {
			id := ix.feature[f]
			if counts[id] == nil {
				counts[id] = map[int32]float64{}
			}
			counts[id][g] += tf
			total[g] += tf
		}
	}
	a := ix.p.alpha
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
	m.delta = make([][]posting, len(ix.idf))
	for f, byGroup := range counts {
		for g, c := range byGroup {
			m.delta[f] = append(m.delta[f], posting{g, float32(math.Log((c + a) / a))})
		}
	}
	return m
}
