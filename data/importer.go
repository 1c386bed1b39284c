package data

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"arbeidsboks/matching/occupation"
)

// ImportResult counts what an import did.
type ImportResult struct {
	Created, Updated, Unchanged int
}

// ImportPlacements reads a placements file and creates or updates every
// record in it by ref, in one transaction: if any row is bad, the returned
// *ValidationError lists every problem with its place, and nothing is written.
func ImportPlacements(ctx context.Context, s Store, format Format, r io.Reader) (ImportResult, error) {
	return importFile(ctx, s, format, r, importer[Placement]{
		entity:  "placements",
		columns: placementColumns,
		fresh:   NewPlacement,
		loadAll: func(ctx context.Context, tx Tx) ([]Placement, error) {
			return tx.Placements(ctx, PlacementFilter{})
		},
		ref:         func(p *Placement) string { return p.Ref },
		values:      PlacementValues,
		validate:    ValidatePlacement,
		save:        func(ctx context.Context, tx Tx, p *Placement) error { return tx.SavePlacement(ctx, p) },
		occupations: "occupations",
	})
}

// ImportCandidates is ImportPlacements for candidates.
func ImportCandidates(ctx context.Context, s Store, format Format, r io.Reader) (ImportResult, error) {
	if s.Actor().Role == RoleMarket {
		return ImportResult{}, ErrForbidden
	}
	return importFile(ctx, s, format, r, importer[Candidate]{
		entity:  "candidates",
		columns: candidateColumns,
		fresh:   NewCandidate,
		loadAll: func(ctx context.Context, tx Tx) ([]Candidate, error) {
			return tx.Candidates(ctx, CandidateFilter{})
		},
		ref:         func(c *Candidate) string { return c.Ref },
		values:      CandidateValues,
		validate:    ValidateCandidate,
		save:        func(ctx context.Context, tx Tx, c *Candidate) error { return tx.SaveCandidate(ctx, c) },
		dateColumns: []string{"unavailable_until", "registered"},
		occupations: "goal_occupations",
	})
}

// importer is what an import needs to know about one kind of record.
type importer[T any] struct {
	entity      string
	columns     []column[T]
	fresh       func() T
	loadAll     func(context.Context, Tx) ([]T, error)
	ref         func(*T) string
	values      func(*T) map[string]any
	validate    func(*T) []*FieldError
	save        func(context.Context, Tx, *T) error
	dateColumns []string
	// occupations names the column of occupation codes or titles; titles
	// are resolved to codes by the stored classification (cls), and codes
	// checked against it.
	occupations string
	cls         *occupation.Classification
}

func importFile[T any](ctx context.Context, s Store, format Format, r io.Reader, im importer[T]) (ImportResult, error) {
	var result ImportResult
	tbl, cols, err := im.read(format, r)
	if err != nil {
		return result, err
	}
	err = s.WithTx(ctx, func(tx Tx) error {
		// One read of what is stored beats a look-up per row.
		stored, err := im.loadAll(ctx, tx)
		if err != nil {
			return err
		}
		if headerHas(cols, im.occupations) {
			if im.cls, err = LoadClassification(ctx, tx); err != nil {
				return err
			}
		}
		byRef := make(map[string]T, len(stored))
		for _, r := range stored {
			byRef[im.ref(&r)] = r
		}
		writes, counts, err := im.check(tbl, cols, func(ref string) (T, error) {
			if r, ok := byRef[ref]; ok {
				return r, nil
			}
			var none T
			return none, ErrNotFound
		})
		if err != nil {
			return err
		}
		for _, w := range writes {
			if err := im.save(ctx, tx, &w.record); err != nil {
				return locate(err, w.where)
			}
		}
		result = counts
		return nil
	})
	if err != nil {
		return ImportResult{}, err
	}
	return result, nil
}

// read reads the file and maps its header to columns.
func (im importer[T]) read(format Format, r io.Reader) (*table, []*column[T], error) {
	tbl, p := readTable(format, r, im.dateColumns)
	if p != nil {
		return nil, nil, &ValidationError{Entity: im.entity, Problems: []*FieldError{p}}
	}
	cols, problems := im.mapHeader(tbl)
	if len(problems) == 0 && len(tbl.rows) == 0 {
		problems = append(problems, &FieldError{Code: CodeEmptyFile})
	}
	if len(problems) > 0 {
		return nil, nil, &ValidationError{Entity: im.entity, Problems: problems}
	}
	return tbl, cols, nil
}

// pending is a record an import will write, and the row it came from.
type pending[T any] struct {
	where  Location
	record T
}

// check applies every row to its stored record (load gives it, or
// ErrNotFound for a new ref) and returns the records to write, or every
// problem the rows have.
func (im importer[T]) check(tbl *table, cols []*column[T], load func(string) (T, error)) ([]pending[T], ImportResult, error) {
	var result ImportResult
	var writes []pending[T]
	var problems []*FieldError
	firstSeen := map[string]Location{}
	for _, row := range tbl.rows {
		rec, changed, rowProblems, err := im.applyRow(tbl, cols, row, firstSeen, load)
		if err != nil {
			return nil, result, err
		}
		problems = append(problems, rowProblems...)
		switch {
		case len(rowProblems) > 0:
		case changed < 0:
			result.Created++
			writes = append(writes, pending[T]{row.where, rec})
		case changed > 0:
			result.Updated++
			writes = append(writes, pending[T]{row.where, rec})
		default:
			result.Unchanged++
		}
	}
	if len(problems) > 0 {
		return nil, result, &ValidationError{Entity: im.entity, Problems: problems}
	}
	return writes, result, nil
}

// mapHeader finds each header name's column; unknown and repeated names
// are problems, and so is a file without a ref column.
func (im importer[T]) mapHeader(tbl *table) ([]*column[T], []*FieldError) {
	var problems []*FieldError
	if len(tbl.header) == 0 {
		return nil, []*FieldError{{Code: CodeEmptyFile}}
	}
	cols := make([]*column[T], len(tbl.header))
	seen := map[string]bool{}
	for i, raw := range tbl.header {
		name := strings.ToLower(strings.TrimSpace(raw))
		if i == 0 {
			name = strings.TrimPrefix(name, "\ufeff")
		}
		if name == "" {
			// A spreadsheet saved as CSV often ends its rows in empty
			// columns: one without a name is left out while it is empty.
			if where, ok := firstValue(tbl, i); ok {
				problems = append(problems, &FieldError{Where: where, Code: CodeUnnamedColumn, Args: []string{fmt.Sprint(i + 1)}})
			}
			continue
		}
		col, ok := findColumn(im.columns, name)
		switch {
		case !ok:
			problems = append(problems, &FieldError{Where: tbl.headerAt[i], Column: raw, Code: CodeUnknownColumn})
		case seen[name]:
			problems = append(problems, &FieldError{Where: tbl.headerAt[i], Column: name, Code: CodeDuplicateColumn})
		default:
			cols[i] = &col
		}
		seen[name] = true
	}
	if !seen["ref"] {
		problems = append(problems, &FieldError{Where: Location{tbl.unit, 1}, Column: "ref", Code: CodeNoColumn})
	}
	return cols, problems
}

// firstValue finds the first row with a value in column i.
func firstValue(tbl *table, i int) (Location, bool) {
	for _, row := range tbl.rows {
		if i < len(row.cells) && strings.TrimSpace(row.cells[i]) != "" {
			return row.where, true
		}
	}
	return Location{}, false
}

// applyRow builds the record a row describes: the stored one with the
// row's cells applied, or a new one. changed is -1 for a new record, 1 for a
// changed one and 0 when the row changes nothing.
func (im importer[T]) applyRow(tbl *table, cols []*column[T], row tableRow, firstSeen map[string]Location,
	load func(string) (T, error)) (rec T, changed int, problems []*FieldError, err error) {
	if len(row.cells) != len(tbl.header) && tbl.unit != "record" {
		// A spreadsheet leaves trailing empty cells out; CSV must match.
		if tbl.unit == "row" && len(row.cells) < len(tbl.header) {
			row.cells = append(row.cells, make([]string, len(tbl.header)-len(row.cells))...)
		} else if tbl.unit == "line" || !blank(row.cells[len(tbl.header):]) {
			return rec, 0, []*FieldError{{Where: row.where, Code: CodeFieldCount,
				Args: []string{fmt.Sprint(len(row.cells)), fmt.Sprint(len(tbl.header))}}}, nil
		}
	}
	present := func(i int) bool { return row.present == nil || row.present[i] }
	var ref string
	for i, c := range cols {
		if c != nil && c.name == "ref" && present(i) {
			ref = strings.TrimSpace(CleanText(row.cells[i], false))
		}
	}
	if ref == "" {
		return rec, 0, []*FieldError{{Where: row.where, Column: "ref", Code: CodeRequired}}, nil
	}
	if first, dup := firstSeen[ref]; dup {
		return rec, 0, []*FieldError{{Where: row.where, Column: "ref", Value: ref, Code: CodeDuplicateRef,
			Args: []string{first.Unit, fmt.Sprint(first.N)}}}, nil
	}
	firstSeen[ref] = row.where

	stored, err := load(ref)
	isNew := errors.Is(err, ErrNotFound)
	if err != nil && !isNew {
		return rec, 0, nil, err
	}
	rec = stored
	if isNew {
		rec = im.fresh()
		for _, c := range im.columns {
			if c.required && !headerHas(cols, c.name) {
				problems = append(problems, &FieldError{Where: row.where, Column: c.name, Value: ref, Code: CodeMissingColumn})
			}
		}
	}
	for i, c := range cols {
		if c == nil || !present(i) {
			continue
		}
		cell := row.cells[i]
		if c.name == im.occupations {
			codes, p := ResolveOccupations(im.cls, cell)
			if p != nil {
				p.Where, p.Column, p.Value = row.where, c.name, cell
				problems = append(problems, p)
				continue
			}
			cell = strings.Join(codes, ";")
		}
		if p := c.set(&rec, cell); p != nil {
			p.Where, p.Column, p.Value = row.where, c.name, row.cells[i]
			problems = append(problems, p)
		}
	}
	if len(problems) > 0 {
		return rec, 0, problems, nil
	}
	for _, p := range im.validate(&rec) {
		p.Where = row.where
		problems = append(problems, p)
	}
	switch {
	case isNew:
		changed = -1
	default:
		if _, after := DiffValues(im.values(&stored), im.values(&rec)); len(after) > 0 {
			changed = 1
		}
	}
	return rec, changed, problems, nil
}

func headerHas[T any](cols []*column[T], name string) bool {
	for _, c := range cols {
		if c != nil && c.name == name {
			return true
		}
	}
	return false
}

// locate puts a write's error at the row it came from.
func locate(err error, where Location) error {
	var ve *ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			p.Where = where
		}
		return ve
	}
	return fmt.Errorf("%s %d: %w", where.Unit, where.N, err)
}
