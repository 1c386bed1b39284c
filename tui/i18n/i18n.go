// Package i18n is the one catalogue of the words arbeidsboks shows people,
// in Norwegian bokmål (the default) and English. It imports nothing of the
// program's own, so that the command line, the server and the screens all
// take their words from here.
package i18n

import (
	"fmt"
	"strings"
)

// Lang is a language of the catalogue.
type Lang string

// The languages.
const (
	NB Lang = "nb"
	EN Lang = "en"
)

// ParseLang reads a language name as given to --lang.
func ParseLang(s string) (Lang, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "nb", "no", "nob", "norsk", "bokmål":
		return NB, nil
	case "en", "eng", "english":
		return EN, nil
	}
	return "", fmt.Errorf("unknown language %q (nb or en)", s)
}

// Catalogue gives the words of one language.
type Catalogue struct {
	lang Lang
}

// New is the catalogue of lang.
func New(lang Lang) *Catalogue { return &Catalogue{lang: lang} }

// Lang is the catalogue's language.
func (c *Catalogue) Lang() Lang { return c.lang }

// T gives the message for key, formatted with args as fmt.Sprintf does.
// A key the catalogue lacks comes back as itself, so a missing word shows
// instead of vanishing (a test keeps the catalogue complete).
func (c *Catalogue) T(key string, args ...any) string {
	m, ok := messages[key]
	if !ok {
		return key
	}
	text := m.nb
	if c.lang == EN {
		text = m.en
	}
	if len(args) == 0 {
		return text
	}
	return fmt.Sprintf(text, args...)
}

// Has reports whether the catalogue has key.
func (c *Catalogue) Has(key string) bool {
	_, ok := messages[key]
	return ok
}

// Number writes a number the way the language does: "37,5" in bokmål and
// "37.5" in English, without trailing zeros.
func (c *Catalogue) Number(f float64) string {
	s := strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.1f", f), "0"), ".")
	if c.lang == NB {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

type message struct{ nb, en string }
