package data

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"arbeidsboks/matching"
	"arbeidsboks/matching/occupation"
)

// Occupation is one item of STYRK-08, the classification of occupations
// NAV codes job seekers' goals and job ads by: a major group (level 1, one
// digit) down to a unit group (level 4, four digits), with NAV's two
// category levels and the job titles people use for it (unit groups only).
type Occupation struct {
	Code         string
	Level        int
	Name         string
	Parent       string
	NavCategory1 string
	NavCategory2 string
	Titles       []string
}

// EntityOccupations names the classification of occupations in audit
// entries and changes.
const EntityOccupations = "occupations"

// OccupationReads reads the classification of occupations.
type OccupationReads interface {
	// Occupations lists every stored item, ordered by code, with its titles.
	Occupations(ctx context.Context) ([]Occupation, error)
}

// OccupationWrites changes the classification of occupations.
type OccupationWrites interface {
	// SaveOccupations creates or updates each item by code: the fields are
	// set as given, and its titles are added to those stored (never
	// removed). Team leads only; audited as one change.
	SaveOccupations(ctx context.Context, items []Occupation) error
}

// OccupationImportResult counts what a taxonomy import did: codes created,
// changed and left as they were, and titles added.
type OccupationImportResult struct {
	Created, Updated, Unchanged, Titles int
}

// The kinds of occupation file the import recognises by their content.
const (
	OccupationFileKLASS      = "klass"      // SSB's classification service: JSON with classificationItems
	OccupationFileCategories = "categories" // NAV: Styrk code;Styrk description;Category level 1;Category level 2
	OccupationFileJobTitles  = "job_titles" // NAV: aar;…;yrkeskode;yrke;yrkesbetegnelse;…
	OccupationFileTitleList  = "title_list" // title,codes (codes separated by spaces)
	OccupationFileExport     = "export"     // what taxonomy export writes, CSV or JSON
)

// OccupationColumns are the columns of the occupations export.
var OccupationColumns = []string{"code", "level", "name", "parent", "nav_category_1", "nav_category_2", "titles"}

// ImportOccupations reads one occupation file, recognised by its content,
// and merges it into the stored classification in one transaction: items
// are updated by code and titles added. If anything in the file is wrong,
// the returned *ValidationError lists every problem with its place, and
// nothing is written.
func ImportOccupations(ctx context.Context, s Store, content []byte) (string, OccupationImportResult, error) {
	var result OccupationImportResult
	kind, rows, problems := readOccupationFile(content)
	if len(rows) == 0 && len(problems) > 0 {
		return kind, result, &ValidationError{Entity: "taxonomy", Problems: problems}
	}
	err := s.WithTx(ctx, func(tx Tx) error {
		stored, err := tx.Occupations(ctx)
		if err != nil {
			return err
		}
		// The good rows are checked against what is stored too, so that
		// every problem is listed at once.
		changed, counts, more := mergeOccupations(stored, rows)
		if problems = append(problems, more...); len(problems) > 0 {
			slices.SortStableFunc(problems, func(a, b *FieldError) int { return a.Where.N - b.Where.N })
			return &ValidationError{Entity: "taxonomy", Problems: problems}
		}
		result = counts
		if len(changed) == 0 {
			return nil
		}
		return tx.SaveOccupations(ctx, changed)
	})
	if err != nil {
		return kind, OccupationImportResult{}, err
	}
	return kind, result, nil
}

// occupationRow is what one row of an occupation file says about one code:
// only the fields the file has are set.
type occupationRow struct {
	where  Location
	code   string
	level  int    // 0: not given
	name   string // "": not given
	parent string
	// hasParent: the parent is given (the KLASS file and the export).
	hasParent bool
	// nameIfNone: the name only fills a code that has none (NAV's files,
	// whose names differ a little from SSB's).
	nameIfNone    bool
	cat1, cat2    string
	hasCategories bool
	titles        []string
}

// mergeOccupations applies the rows to the stored items and gives the items
// that change, the counts, or every problem. Codes of titles and
// categories must be known once a classification is stored; before that a
// row creates the unit group it names.
func mergeOccupations(stored []Occupation, rows []occupationRow) ([]Occupation, OccupationImportResult, []*FieldError) {
	var result OccupationImportResult
	byCode := make(map[string]*Occupation, len(stored))
	original := make(map[string]Occupation, len(stored))
	loaded := false
	for i := range stored {
		byCode[stored[i].Code] = &stored[i]
		original[stored[i].Code] = cloneOccupation(stored[i])
		loaded = loaded || stored[i].Level == 4
	}
	var problems []*FieldError
	var order []string
	for _, r := range rows {
		o, ok := byCode[r.code]
		if !ok {
			if !r.hasParent && loaded {
				problems = append(problems, &FieldError{Where: r.where, Column: "code", Value: r.code, Code: CodeOccupationUnknown})
				continue
			}
			o = &Occupation{Code: r.code, Level: len(r.code)}
			if len(r.code) == 4 {
				o.Parent = r.code[:3]
			}
			byCode[r.code] = o
		}
		if !slices.Contains(order, r.code) {
			order = append(order, r.code)
		}
		if r.level > 0 {
			o.Level = r.level
		}
		if r.name != "" && (!r.nameIfNone || o.Name == "") {
			o.Name = r.name
		}
		if r.hasParent {
			o.Parent = r.parent
		}
		if r.hasCategories {
			o.NavCategory1, o.NavCategory2 = r.cat1, r.cat2
		}
		for _, t := range r.titles {
			if !slices.ContainsFunc(o.Titles, func(s string) bool { return strings.EqualFold(s, t) }) {
				o.Titles = append(o.Titles, t)
				result.Titles++
			}
		}
	}
	// Every item the file defines hangs under a known group one level up.
	for _, r := range rows {
		if !r.hasParent {
			continue
		}
		o := byCode[r.code]
		if o.Level == 1 {
			if o.Parent != "" {
				problems = append(problems, &FieldError{Where: r.where, Column: "parent", Value: o.Parent, Code: CodeOccupationParent})
			}
			continue
		}
		p, ok := byCode[o.Parent]
		if !ok || p.Level != o.Level-1 || !strings.HasPrefix(o.Code, p.Code) {
			problems = append(problems, &FieldError{Where: r.where, Column: "parent", Value: o.Parent, Code: CodeOccupationParent})
		}
	}
	if len(problems) > 0 {
		return nil, result, problems
	}
	var changed []Occupation
	for _, code := range order {
		o := *byCode[code]
		before, existed := original[code]
		switch {
		case !existed:
			result.Created++
			changed = append(changed, o)
		case !sameOccupation(before, o):
			result.Updated++
			changed = append(changed, o)
		default:
			result.Unchanged++
		}
	}
	return changed, result, nil
}

func cloneOccupation(o Occupation) Occupation {
	o.Titles = slices.Clone(o.Titles)
	return o
}

func sameOccupation(a, b Occupation) bool {
	return a.Code == b.Code && a.Level == b.Level && a.Name == b.Name && a.Parent == b.Parent &&
		a.NavCategory1 == b.NavCategory1 && a.NavCategory2 == b.NavCategory2 && slices.Equal(a.Titles, b.Titles)
}

// ExportOccupations writes the classification, one row per code: CSV with
// the titles joined by ";", or JSON with the titles as an array and the
// level as a number.
func ExportOccupations(ctx context.Context, r Reader, format Format, w io.Writer) error {
	items, err := r.Occupations(ctx)
	if err != nil {
		return err
	}
	switch format {
	case CSV:
		cw := csv.NewWriter(w)
		if err := cw.Write(OccupationColumns); err != nil {
			return err
		}
		for _, o := range items {
			if err := cw.Write([]string{o.Code, strconv.Itoa(o.Level), o.Name, o.Parent, o.NavCategory1, o.NavCategory2,
				strings.Join(o.Titles, ";")}); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	case JSON:
		type row struct {
			Code         string   `json:"code"`
			Level        int      `json:"level"`
			Name         string   `json:"name"`
			Parent       string   `json:"parent"`
			NavCategory1 string   `json:"nav_category_1"`
			NavCategory2 string   `json:"nav_category_2"`
			Titles       []string `json:"titles"`
		}
		out := make([]row, len(items))
		for i, o := range items {
			out[i] = row(o)
			if out[i].Titles == nil {
				out[i].Titles = []string{}
			}
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return err
		}
		_, err := w.Write(buf.Bytes())
		return err
	}
	return fmt.Errorf("export: unknown format %q", format)
}

// NewClassification builds the resolver's classification from stored
// items; nil when there are none.
func NewClassification(items []Occupation) *occupation.Classification {
	return ClassificationOf(items, nil)
}

// ClassificationOf builds the resolver from occupations and the skills
// taxonomy already read, as LoadClassification does; nil without
// occupations.
func ClassificationOf(items []Occupation, terms []SkillTerm) *occupation.Classification {
	if len(items) == 0 {
		return nil
	}
	words := skillWords(terms)
	out := make([]occupation.Occupation, len(items))
	for i, o := range items {
		out[i] = occupation.Occupation{Code: o.Code, Level: o.Level, Name: o.Name, Parent: o.Parent,
			Category1: o.NavCategory1, Category2: o.NavCategory2, Titles: o.Titles, Words: words[o.Code]}
	}
	return occupation.New(out)
}

// LoadClassification reads the stored classification and builds the
// resolver; nil when none is stored. The skills taxonomy's words for an
// occupation count as its titles where no other occupation has them: they
// hold the everyday words a registry of job titles lacks ("vaskehjelp",
// "romassistent").
func LoadClassification(ctx context.Context, r Reader) (*occupation.Classification, error) {
	items, err := r.Occupations(ctx)
	if err != nil || len(items) == 0 {
		return nil, err
	}
	terms, err := r.SkillTerms(ctx)
	if err != nil {
		return nil, err
	}
	return ClassificationOf(items, terms), nil
}

// LoadOccupationsOnly builds the resolver from the stored classification
// alone, without the skills taxonomy's words: how the resolver's quality
// is measured (BENCHMARKS.md).
func LoadOccupationsOnly(ctx context.Context, r Reader) (*occupation.Classification, error) {
	items, err := r.Occupations(ctx)
	if err != nil {
		return nil, err
	}
	return NewClassification(items), nil
}

// skillWords maps each code a skill term names, alone, to the term and its
// synonyms. A word for a field of work ("renhold": 9111 and 9112) is left
// out: as a title of several codes it would tie them, also where the
// registered titles tell them apart.
func skillWords(terms []SkillTerm) map[string][]string {
	out := map[string][]string{}
	for _, t := range terms {
		if len(t.Occupations) == 1 {
			code := t.Occupations[0]
			out[code] = append(out[code], append([]string{t.Term}, t.Synonyms...)...)
		}
	}
	return out
}

// nearestShown is how many occupations a title that does not resolve is
// shown with.
const nearestShown = 3

// ResolveOccupations reads a ";" list of occupations as a placement's
// occupations or a candidate's goals give them: STYRK-08 codes, or titles
// the resolver finds a confident code for (score at least
// occupation.Confident). With a classification, codes must be in it;
// without one, any four-digit code is taken and titles cannot be read. A
// title without a confident match is a problem that names the nearest
// occupations.
func ResolveOccupations(cls *occupation.Classification, cell string) ([]string, *FieldError) {
	var codes []string
	for _, item := range splitList(CleanText(cell, false)) {
		switch {
		case codePattern.MatchString(item):
			if hasUnitGroups(cls) && !cls.Has(item) {
				return nil, problem(CodeOccupationUnknown)
			}
			codes = append(codes, item)
		case len(item) <= 4 && strings.IndexFunc(item, func(r rune) bool { return r < '0' || r > '9' }) < 0:
			return nil, problem(CodeOccupation)
		case !hasUnitGroups(cls):
			return nil, problem(CodeOccupationNone)
		default:
			// One look-up answers both: the best, if confident, or the
			// nearest to name.
			matches := cls.Resolve(item, max(nearestShown, 2))
			if !occupation.IsConfident(matches) {
				var near []string
				for _, m := range matches[:min(nearestShown, len(matches))] {
					near = append(near, m.Code+" "+m.Name)
				}
				return nil, problem(CodeOccupationTitle, append([]string{item}, near...)...)
			}
			codes = append(codes, matches[0].Code)
		}
	}
	return matching.NormalizeTerms(codes), nil
}

func hasUnitGroups(cls *occupation.Classification) bool { return cls.UnitGroups() > 0 }
