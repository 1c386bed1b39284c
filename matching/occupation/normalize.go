package occupation

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// canonical gives the form text is compared in: lower case, accents
// dropped, and the ways æ, ø and å are written without a Norwegian keyboard
// ("ae", "oe", "aa", "ä", "ö") written as those letters. The same mapping
// is applied to everything indexed and to every query, so a word that
// happens to hold "oe" ("poet") still meets itself.
func canonical(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	var prev rune
	for _, r := range strings.ToLower(s) {
		switch r {
		case 'ä':
			r = 'æ'
		case 'ö':
			r = 'ø'
		case 'é', 'è', 'ê', 'ë':
			r = 'e'
		case 'á', 'à', 'â':
			r = 'a'
		case 'ó', 'ò', 'ô':
			r = 'o'
		case 'ü', 'ú', 'ù', 'û':
			r = 'u'
		case 'í', 'ì', 'î', 'ï':
			r = 'i'
		case 'ç':
			r = 'c'
		case 'ñ':
			r = 'n'
		}
		switch {
		case prev == 'a' && r == 'e':
			replaceLast(&b, 'æ')
			prev = 0
			continue
		case prev == 'o' && r == 'e':
			replaceLast(&b, 'ø')
			prev = 0
			continue
		case prev == 'a' && r == 'a':
			replaceLast(&b, 'å')
			prev = 0
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// replaceLast replaces the builder's last (one-byte) letter with r.
func replaceLast(b *strings.Builder, r rune) {
	s := b.String()
	s = s[:len(s)-1]
	b.Reset()
	b.WriteString(s)
	b.WriteRune(r)
}

// stopWords are words of titles and names that say nothing about the work.
var stopWords = map[string]bool{
	"og": true, "i": true, "på": true, "for": true, "med": true, "av": true, "til": true, "ved": true,
	"mv": true, "m": true, "v": true, "mm": true, "eller": true, "innen": true, "som": true, "fra": true,
	"ellers": true, "el": true, "o": true,
	"the": true, "of": true, "and": true, "in": true, "a": true, "an": true, "s": true,
}

// others are the words of "the others": the catch-all groups of the
// classification are named by them ("Andre lærere"), and so are titles
// that mean them ("Annen lærer").
var others = map[string]bool{"annen": true, "annet": true, "andre": true, "øvrig": true, "øvrige": true}

// words splits text into the stems it is compared by: canonical form,
// letters and digits only, stop words left out, inflection stripped.
func words(text string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(canonical(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if stopWords[w] {
			continue
		}
		if others[w] {
			// "Annen lærer" names the group "Andre lærere".
			out = append(out, "andre")
			continue
		}
		if s := stem(w); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// suffixes are the Norwegian endings of plural, definite form and the
// -ing/-er pair of activity and doer ("rengjøring", "rengjører"), longest
// first. Stripping them is crude, but it is done the same way on both
// sides, and a too-short remainder keeps its ending.
var suffixes = []string{
	"ingene", "ingen", "inger", "ernes", "erne", "enes", "ene", "ane", "ere", "ing", "ens", "ers",
	"er", "en", "et", "ar", "e", "a",
}

const minStem = 3 // letters a stem keeps

// stem strips one inflectional ending.
func stem(w string) string {
	n := utf8.RuneCountInString(w)
	for _, suf := range suffixes {
		if strings.HasSuffix(w, suf) && n-utf8.RuneCountInString(suf) >= minStem {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}
