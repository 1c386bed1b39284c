package data

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Codes of the problems occupation files and occupation columns can have.
const (
	CodeOccupationUnknown = "occupation_unknown" // a code the stored classification lacks
	CodeOccupationTitle   = "occupation_title"   // Args: the title, then the nearest occupations ("9112 Renholdere i virksomheter")
	CodeOccupationNone    = "occupation_none"    // a title, but no classification is stored to read it by
	CodeOccupationParent  = "occupation_parent"  // the parent is not a known group one level up
	CodeOccupationCode    = "occupation_code"    // not 1–4 digits, as many as the level
	CodeOccupationFile    = "occupation_file"    // not a kind of occupation file the import knows
	CodeDuplicateCode     = "duplicate_code"     // Args: unit and number of where the code was first seen
)

// maxOccupationTitle is the longest job title taken, in characters (NAV's
// longest is under 250).
const maxOccupationTitle = 300

// readOccupationFile recognises an occupation file by its content and reads
// its rows, or gives every problem it has.
func readOccupationFile(content []byte) (string, []occupationRow, []*FieldError) {
	content = bytes.TrimPrefix(content, utf8BOM)
	if p := firstNotUTF8(content); p != nil {
		return "", nil, []*FieldError{p}
	}
	trimmed := bytes.TrimSpace(content)
	if len(trimmed) == 0 {
		return "", nil, []*FieldError{{Code: CodeEmptyFile}}
	}
	switch trimmed[0] {
	case '{':
		rows, problems := readKLASS(trimmed)
		return OccupationFileKLASS, rows, problems
	case '[':
		tbl, p := readJSON(bytes.NewReader(trimmed))
		if p != nil {
			return OccupationFileExport, nil, []*FieldError{p}
		}
		rows, problems := readExportTable(tbl)
		return OccupationFileExport, rows, problems
	}
	firstLine, _, _ := bytes.Cut(content, []byte("\n"))
	comma := ','
	if bytes.ContainsRune(firstLine, ';') {
		comma = ';'
	}
	tbl, p := readDelimited(content, comma)
	if p != nil {
		return "", nil, []*FieldError{p}
	}
	names := make([]string, len(tbl.header))
	for i, h := range tbl.header {
		names[i] = strings.ToLower(strings.TrimSpace(h))
	}
	col := func(name string) int {
		for i, n := range names {
			if n == name {
				return i
			}
		}
		return -1
	}
	if len(tbl.rows) == 0 {
		return "", nil, []*FieldError{{Code: CodeEmptyFile}}
	}
	switch {
	case comma == ';' && col("styrk code") >= 0 && col("category level 1") >= 0 && col("category level 2") >= 0:
		rows, problems := readCategories(tbl, col)
		return OccupationFileCategories, rows, problems
	case comma == ';' && col("yrkeskode") >= 0 && col("yrkesbetegnelse") >= 0:
		rows, problems := readJobTitles(tbl, col)
		return OccupationFileJobTitles, rows, problems
	case comma == ',' && col("title") >= 0 && col("codes") >= 0 && len(names) == 2:
		rows, problems := readTitleList(tbl, col)
		return OccupationFileTitleList, rows, problems
	case comma == ',' && col("code") >= 0:
		rows, problems := readExportTable(tbl)
		return OccupationFileExport, rows, problems
	}
	return "", nil, []*FieldError{{Where: Location{"line", 1}, Code: CodeOccupationFile}}
}

// cellOf is a row's cell in column i, trimmed ("" when the row is short).
func cellOf(row tableRow, i int) string {
	if i < 0 || i >= len(row.cells) {
		return ""
	}
	return strings.TrimSpace(CleanText(row.cells[i], false))
}

// unitCode checks a four-digit unit-group code.
func unitCode(where Location, column, code string) *FieldError {
	if !codePattern.MatchString(code) {
		return &FieldError{Where: where, Column: column, Value: code, Code: CodeOccupation}
	}
	return nil
}

// readCategories reads NAV's category mapping: a code, its description
// and the two category levels (values may carry trailing spaces).
func readCategories(tbl *table, col func(string) int) ([]occupationRow, []*FieldError) {
	var rows []occupationRow
	var problems []*FieldError
	codeAt, nameAt, cat1At, cat2At := col("styrk code"), col("styrk description"), col("category level 1"), col("category level 2")
	seen := map[string]Location{}
	for _, row := range tbl.rows {
		code := cellOf(row, codeAt)
		if p := unitCode(row.where, tbl.header[codeAt], code); p != nil {
			problems = append(problems, p)
			continue
		}
		if first, dup := seen[code]; dup {
			problems = append(problems, &FieldError{Where: row.where, Column: tbl.header[codeAt], Value: code,
				Code: CodeDuplicateCode, Args: []string{first.Unit, strconv.Itoa(first.N)}})
			continue
		}
		seen[code] = row.where
		r := occupationRow{where: row.where, code: code, name: cellOf(row, nameAt), nameIfNone: true,
			cat1: cellOf(row, cat1At), cat2: cellOf(row, cat2At), hasCategories: true}
		for _, at := range []int{cat1At, cat2At} {
			if cellOf(row, at) == "" {
				problems = append(problems, &FieldError{Where: row.where, Column: strings.TrimSpace(tbl.header[at]), Code: CodeRequired})
			}
		}
		rows = append(rows, r)
	}
	return rows, problems
}

// readJobTitles reads NAV's job titles per code: the code (yrkeskode), its
// name (yrke) and every title seen for it (yrkesbetegnelse, joined by ", ";
// "*" when suppressed).
func readJobTitles(tbl *table, col func(string) int) ([]occupationRow, []*FieldError) {
	var rows []occupationRow
	var problems []*FieldError
	codeAt, nameAt, titlesAt := col("yrkeskode"), col("yrke"), col("yrkesbetegnelse")
	for _, row := range tbl.rows {
		if len(row.cells) != len(tbl.header) {
			problems = append(problems, &FieldError{Where: row.where, Code: CodeFieldCount,
				Args: []string{strconv.Itoa(len(row.cells)), strconv.Itoa(len(tbl.header))}})
			continue
		}
		code := cellOf(row, codeAt)
		if p := unitCode(row.where, tbl.header[codeAt], code); p != nil {
			problems = append(problems, p)
			continue
		}
		r := occupationRow{where: row.where, code: code, name: cellOf(row, nameAt), nameIfNone: true}
		if cell := cellOf(row, titlesAt); cell != "*" {
			for _, t := range SplitTitles(cell) {
				if utf8.RuneCountInString(t) > maxOccupationTitle {
					problems = append(problems, &FieldError{Where: row.where, Column: tbl.header[titlesAt], Value: t,
						Code: CodeTooLong, Args: []string{strconv.Itoa(maxOccupationTitle)}})
					continue
				}
				r.titles = append(r.titles, t)
			}
		}
		rows = append(rows, r)
	}
	return rows, problems
}

// SplitTitles splits a cell of job titles joined by ", ", except where the
// comma is inside parentheses ("Fagsjef (jordbruk, skogbruk)" is one
// title). A stray closing parenthesis is taken as text.
func SplitTitles(cell string) []string {
	var out []string
	depth, start := 0, 0
	add := func(t string) {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	for i := 0; i < len(cell); i++ {
		switch cell[i] {
		case '(':
			depth++
		case ')':
			depth = max(0, depth-1)
		case ',':
			if depth == 0 && i+1 < len(cell) && cell[i+1] == ' ' {
				add(cell[start:i])
				start = i + 2
			}
		}
	}
	add(cell[start:])
	return out
}

// readTitleList reads a list of titles, each with its codes separated by
// spaces.
func readTitleList(tbl *table, col func(string) int) ([]occupationRow, []*FieldError) {
	var rows []occupationRow
	var problems []*FieldError
	titleAt, codesAt := col("title"), col("codes")
	for _, row := range tbl.rows {
		if len(row.cells) != len(tbl.header) {
			problems = append(problems, &FieldError{Where: row.where, Code: CodeFieldCount,
				Args: []string{strconv.Itoa(len(row.cells)), strconv.Itoa(len(tbl.header))}})
			continue
		}
		title := cellOf(row, titleAt)
		switch {
		case title == "":
			problems = append(problems, &FieldError{Where: row.where, Column: "title", Code: CodeRequired})
			continue
		case utf8.RuneCountInString(title) > maxOccupationTitle:
			problems = append(problems, &FieldError{Where: row.where, Column: "title", Value: title,
				Code: CodeTooLong, Args: []string{strconv.Itoa(maxOccupationTitle)}})
			continue
		}
		codes := strings.Fields(cellOf(row, codesAt))
		if len(codes) == 0 {
			problems = append(problems, &FieldError{Where: row.where, Column: "codes", Code: CodeRequired})
		}
		for _, code := range codes {
			if p := unitCode(row.where, "codes", code); p != nil {
				problems = append(problems, p)
				continue
			}
			rows = append(rows, occupationRow{where: row.where, code: code, titles: []string{title}})
		}
	}
	return rows, problems
}

// readExportTable reads what taxonomy export writes (CSV or JSON): every
// field of each code.
func readExportTable(tbl *table) ([]occupationRow, []*FieldError) {
	var problems []*FieldError
	at := map[string]int{}
	for i, h := range tbl.header {
		name := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		known := false
		for _, c := range OccupationColumns {
			known = known || c == name
		}
		switch _, twice := at[name]; {
		case !known:
			problems = append(problems, &FieldError{Where: tbl.headerAt[i], Column: h, Code: CodeUnknownColumn})
		case twice:
			problems = append(problems, &FieldError{Where: tbl.headerAt[i], Column: name, Code: CodeDuplicateColumn})
		}
		at[name] = i
	}
	for _, need := range []string{"code", "level", "name", "parent"} {
		if _, ok := at[need]; !ok {
			problems = append(problems, &FieldError{Where: Location{tbl.unit, 1}, Column: need, Code: CodeNoColumn})
		}
	}
	if len(problems) > 0 {
		return nil, problems
	}
	get := func(row tableRow, name string) (string, bool) {
		i, ok := at[name]
		if !ok || i >= len(row.cells) || (row.present != nil && !row.present[i]) {
			return "", false
		}
		return strings.TrimSpace(CleanText(row.cells[i], false)), true
	}
	var rows []occupationRow
	seen := map[string]Location{}
	for _, row := range tbl.rows {
		if tbl.unit == "line" && len(row.cells) != len(tbl.header) {
			problems = append(problems, &FieldError{Where: row.where, Code: CodeFieldCount,
				Args: []string{strconv.Itoa(len(row.cells)), strconv.Itoa(len(tbl.header))}})
			continue
		}
		code, _ := get(row, "code")
		levelText, _ := get(row, "level")
		r, p := definedItem(row.where, code, levelText)
		if p != nil {
			problems = append(problems, p)
			continue
		}
		if first, dup := seen[code]; dup {
			problems = append(problems, &FieldError{Where: row.where, Column: "code", Value: code,
				Code: CodeDuplicateCode, Args: []string{first.Unit, strconv.Itoa(first.N)}})
			continue
		}
		seen[code] = row.where
		r.name, _ = get(row, "name")
		r.parent, _ = get(row, "parent")
		if r.name == "" {
			problems = append(problems, &FieldError{Where: row.where, Column: "name", Code: CodeRequired})
		}
		cat1, has1 := get(row, "nav_category_1")
		cat2, has2 := get(row, "nav_category_2")
		r.cat1, r.cat2, r.hasCategories = cat1, cat2, has1 || has2
		if titles, ok := get(row, "titles"); ok {
			r.titles = splitList(titles)
		}
		rows = append(rows, r)
	}
	return rows, problems
}

// definedItem checks the code and level of an item a file defines (KLASS,
// export): 1–4 digits, as many as its level.
func definedItem(where Location, code, levelText string) (occupationRow, *FieldError) {
	level, err := strconv.Atoi(levelText)
	if err != nil || level < 1 || level > 4 {
		return occupationRow{}, &FieldError{Where: where, Column: "level", Value: levelText, Code: CodeRange, Args: []string{"1", "4"}}
	}
	if len(code) != level || strings.IndexFunc(code, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return occupationRow{}, &FieldError{Where: where, Column: "code", Value: code, Code: CodeOccupationCode}
	}
	return occupationRow{where: where, code: code, level: level, hasParent: true}, nil
}

// readKLASS reads a classification as SSB's classification service
// serves it: classificationItems with code, level, name and parentCode.
func readKLASS(content []byte) ([]occupationRow, []*FieldError) {
	var doc struct {
		Items []json.RawMessage `json:"classificationItems"`
	}
	if err := json.Unmarshal(content, &doc); err != nil {
		return nil, []*FieldError{{Code: CodeSyntax, Args: []string{err.Error()}}}
	}
	if len(doc.Items) == 0 {
		return nil, []*FieldError{{Code: CodeOccupationFile}}
	}
	var rows []occupationRow
	var problems []*FieldError
	seen := map[string]Location{}
	for i, raw := range doc.Items {
		where := Location{"record", i + 1}
		var item struct {
			Code       string          `json:"code"`
			Level      json.RawMessage `json:"level"`
			Name       string          `json:"name"`
			ParentCode string          `json:"parentCode"`
		}
		if err := json.Unmarshal(raw, &item); err != nil {
			problems = append(problems, &FieldError{Where: where, Code: CodeSyntax, Args: []string{err.Error()}})
			continue
		}
		level := strings.Trim(string(item.Level), `"`)
		code := strings.TrimSpace(item.Code)
		r, p := definedItem(where, code, level)
		if p != nil {
			problems = append(problems, p)
			continue
		}
		if first, dup := seen[code]; dup {
			problems = append(problems, &FieldError{Where: where, Column: "code", Value: code,
				Code: CodeDuplicateCode, Args: []string{first.Unit, strconv.Itoa(first.N)}})
			continue
		}
		seen[code] = where
		r.name = strings.TrimSpace(CleanText(item.Name, false))
		r.parent = strings.TrimSpace(item.ParentCode)
		if r.name == "" {
			problems = append(problems, &FieldError{Where: where, Column: "name", Code: CodeRequired})
			continue
		}
		rows = append(rows, r)
	}
	return rows, problems
}

// firstNotUTF8 locates, by its line, the first text in a file that is not
// UTF-8.
func firstNotUTF8(content []byte) *FieldError {
	if utf8.Valid(content) {
		return nil
	}
	at := 0
	for at < len(content) {
		r, size := utf8.DecodeRune(content[at:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		at += size
	}
	start := bytes.LastIndexByte(content[:at], '\n') + 1
	end := bytes.IndexByte(content[at:], '\n')
	if end < 0 {
		end = len(content) - at
	}
	line := string(bytes.TrimRight(content[start:at+end], "\r"))
	return &FieldError{Where: Location{"line", 1 + bytes.Count(content[:at], []byte("\n"))},
		Value: strings.ToValidUTF8(line, "\uFFFD"), Code: CodeNotUTF8}
}
