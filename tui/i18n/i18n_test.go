package i18n

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestCatalogue_EveryMessageInBothLanguages(t *testing.T) {
	verbs := regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)
	for key, m := range messages {
		if strings.TrimSpace(m.nb) == "" || strings.TrimSpace(m.en) == "" {
			t.Errorf("%s: a language is empty", key)
		}
		if nb, en := verbs.FindAllString(m.nb, -1), verbs.FindAllString(m.en, -1); strings.Join(nb, "") != strings.Join(en, "") {
			t.Errorf("%s: nb has %v, en has %v", key, nb, en)
		}
	}
}

// Every key the program asks for is in the catalogue: a missing one would
// show as its key.
func TestCatalogue_HasEveryKeyTheCodeUses(t *testing.T) {
	root := filepath.Join("..", "..")
	literal := regexp.MustCompile(`\.T\("([a-z0-9_.]+)"\s*[,)]`)
	c := New(NB)
	filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() && strings.HasPrefix(d.Name(), ".") && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range literal.FindAllStringSubmatch(string(src), -1) {
			if !c.Has(m[1]) {
				t.Errorf("%s asks for %q, which the catalogue lacks", path, m[1])
			}
		}
		return nil
	})
}

func TestNumber(t *testing.T) {
	if got := New(NB).Number(37.5); got != "37,5" {
		t.Errorf("nb 37.5 = %q", got)
	}
	if got := New(EN).Number(24); got != "24" {
		t.Errorf("en 24 = %q", got)
	}
}
