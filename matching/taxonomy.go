package matching

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// TaxonomyTerm is one term of a skills taxonomy: its broader term, the
// other words people write for it, and the occupation codes it names.
type TaxonomyTerm struct {
	Term        string
	Broader     string
	Synonyms    []string
	Occupations []string
}

// Taxonomy relates skill terms so that related words earn partial credit:
// a synonym is the same term, a narrower or broader term is close, and
// terms under the same broader term are related.
type Taxonomy struct {
	ids    map[string]int32 // a term or synonym, normalized → term id
	terms  []string
	parent []int32 // -1 at the top
	codes  [][]string
	sorted []string // built on first use
}

// NewTaxonomy builds a taxonomy. Broader terms that are not themselves terms
// are added at the top; a cycle is broken where it closes.
func NewTaxonomy(terms []TaxonomyTerm) *Taxonomy {
	t := &Taxonomy{ids: map[string]int32{}}
	for _, term := range terms {
		id := t.add(NormalizeTerm(term.Term))
		t.codes[id] = append(t.codes[id], term.Occupations...)
	}
	for _, term := range terms {
		id := t.ids[NormalizeTerm(term.Term)]
		for _, syn := range term.Synonyms {
			if s := NormalizeTerm(syn); s != "" {
				if _, taken := t.ids[s]; !taken {
					t.ids[s] = id
				}
			}
		}
		if b := NormalizeTerm(term.Broader); b != "" {
			parent := t.add(b)
			if !t.isAncestor(id, parent) && parent != id {
				t.parent[id] = parent
			}
		}
	}
	t.sortedWords() // built now, so that the taxonomy is read-only once shared
	return t
}

func (t *Taxonomy) add(term string) int32 {
	if id, ok := t.ids[term]; ok {
		return id
	}
	id := int32(len(t.terms))
	t.ids[term] = id
	t.terms = append(t.terms, term)
	t.parent = append(t.parent, -1)
	t.codes = append(t.codes, nil)
	return id
}

// sortedWords lists every term and synonym in sorted order.
func (t *Taxonomy) sortedWords() []string {
	if t.sorted == nil {
		t.sorted = make([]string, 0, len(t.ids))
		for w := range t.ids {
			t.sorted = append(t.sorted, w)
		}
		slices.Sort(t.sorted)
	}
	return t.sorted
}

// isAncestor reports whether a is b or above b.
func (t *Taxonomy) isAncestor(a, b int32) bool {
	for ; b >= 0; b = t.parent[b] {
		if a == b {
			return true
		}
	}
	return false
}

// Len is the number of terms.
func (t *Taxonomy) Len() int {
	if t == nil {
		return 0
	}
	return len(t.terms)
}

// termSpace numbers the terms one scoring run meets: the taxonomy's first,
// then words the taxonomy lacks. A word it lacks is placed under the
// longest taxonomy term it ends with or starts with, which is how Norwegian
// compounds work ("flyrengjøring" is a kind of "rengjøring").
type termSpace struct {
	tax    *Taxonomy
	ids    map[string]int32
	parent []int32
	area   []int32
	codes  [][]string
	words  []string
}

func newTermSpace(tax *Taxonomy) *termSpace {
	if tax == nil {
		tax = NewTaxonomy(nil)
	}
	s := &termSpace{tax: tax, ids: map[string]int32{}}
	s.parent = slices.Clone(tax.parent)
	s.codes = slices.Clone(tax.codes)
	s.words = slices.Clone(tax.terms)
	return s
}

// id gives the term's number, adding a word the taxonomy lacks.
func (s *termSpace) id(word string) int32 {
	if id, ok := s.tax.ids[word]; ok {
		return id
	}
	if id, ok := s.ids[word]; ok {
		return id
	}
	id := int32(len(s.parent))
	s.ids[word] = id
	s.parent = append(s.parent, s.compoundHead(word))
	s.codes = append(s.codes, nil)
	s.words = append(s.words, word)
	return id
}

const minCompoundPart = 4 // characters; shorter parts match too much

// compoundHead finds the taxonomy term a compound word is a kind of: the
// longest known term or synonym at its end, else at its start (ties go to
// the first in sorted order, so the result never depends on map order).
func (s *termSpace) compoundHead(word string) int32 {
	for _, fits := range []func(string, string) bool{strings.HasSuffix, strings.HasPrefix} {
		best, bestLen := int32(-1), 0
		for _, known := range s.tax.sortedWords() {
			if n := utf8.RuneCountInString(known); n >= minCompoundPart && n > bestLen && known != word && fits(word, known) {
				best, bestLen = s.tax.ids[known], n
			}
		}
		if best >= 0 {
			return best
		}
	}
	return -1
}

// finish computes each term's area (its topmost broader term).
func (s *termSpace) finish() {
	s.area = make([]int32, len(s.parent))
	for id := range s.parent {
		a := int32(id)
		for s.parent[a] >= 0 {
			a = s.parent[a]
		}
		s.area[id] = a
	}
}
