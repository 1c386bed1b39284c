package data

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// table is an import file read into text cells: the header, and each row
// with where it stands in the file and which cells it gives (a JSON record
// may leave keys out, and a left-out column keeps the stored value).
type table struct {
	unit   string // "line", "row" or "record"
	header []string
	// headerAt says where each column was first named, for errors about it.
	headerAt []Location
	rows     []tableRow
}

type tableRow struct {
	where   Location
	cells   []string // one per header column
	present []bool   // nil: every column present
}

// Format is an import or export file format.
type Format string

// The file formats.
const (
	CSV  Format = "csv"
	XLSX Format = "xlsx"
	JSON Format = "json"
)

// FormatOf tells the format of a file by its name's extension.
func FormatOf(path string) (Format, bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return CSV, true
	case ".xlsx":
		return XLSX, true
	case ".json":
		return JSON, true
	}
	return "", false
}

// readTable reads a whole file. dateColumns name the columns whose XLSX
// cells may hold spreadsheet dates (serial numbers).
func readTable(format Format, r io.Reader, dateColumns []string) (*table, *FieldError) {
	switch format {
	case CSV:
		return readCSV(r)
	case XLSX:
		return readXLSX(r, dateColumns)
	case JSON:
		return readJSON(r)
	}
	return nil, problem(CodeFormat, string(format))
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

func readCSV(r io.Reader) (*table, *FieldError) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, problem(CodeSyntax, err.Error())
	}
	if bytes.HasPrefix(raw, []byte{0xFF, 0xFE}) || bytes.HasPrefix(raw, []byte{0xFE, 0xFF}) {
		// Excel's "Unicode text".
		return nil, &FieldError{Where: Location{"line", 1}, Code: CodeUTF16}
	}
	t, ferr := readDelimited(bytes.TrimPrefix(raw, utf8BOM), ',')
	if ferr != nil {
		return nil, ferr
	}
	// Excel in a Norwegian locale saves "CSV" with ; between the columns
	// and in Windows-1252: say so, rather than call the header one
	// unknown column or store æøå as replacement characters.
	if len(t.header) == 1 && strings.Contains(t.header[0], ";") {
		return nil, &FieldError{Where: t.headerAt[0], Code: CodeSemicolons}
	}
	return t, notUTF8(t)
}

// notUTF8 finds the first cell that is not UTF-8 text.
func notUTF8(t *table) *FieldError {
	for i, h := range t.header {
		if !utf8.ValidString(h) {
			return &FieldError{Where: t.headerAt[i], Value: strings.ToValidUTF8(h, "�"), Code: CodeNotUTF8}
		}
	}
	for _, row := range t.rows {
		for i, cell := range row.cells {
			if !utf8.ValidString(cell) {
				column := ""
				if i < len(t.header) {
					column = t.header[i]
				}
				return &FieldError{Where: row.where, Column: column, Value: strings.ToValidUTF8(cell, "�"), Code: CodeNotUTF8}
			}
		}
	}
	return nil
}

// readDelimited reads a CSV file with the given separator, each row with
// the physical line where it starts.
func readDelimited(content []byte, comma rune) (*table, *FieldError) {
	cr := csv.NewReader(bytes.NewReader(content))
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	t := &table{unit: "line"}
	for {
		record, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, &FieldError{Where: Location{"line", pe.StartLine}, Code: CodeSyntax, Args: []string{pe.Err.Error()}}
			}
			return nil, problem(CodeSyntax, err.Error())
		}
		line, _ := cr.FieldPos(0)
		if t.header == nil {
			t.header = record
			for range record {
				t.headerAt = append(t.headerAt, Location{"line", line})
			}
			continue
		}
		if blank(record) {
			continue
		}
		t.rows = append(t.rows, tableRow{where: Location{"line", line}, cells: record})
	}
	return t, nil
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

var serialNumber = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?$`)

func readXLSX(r io.Reader, dateColumns []string) (*table, *FieldError) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, problem(CodeSyntax, err.Error())
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, problem(CodeEmptyFile)
	}
	rows, err := f.GetRows(sheets[0], excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, problem(CodeSyntax, err.Error())
	}
	t := &table{unit: "row"}
	for i, cells := range rows {
		where := Location{"row", i + 1}
		if t.header == nil {
			if blank(cells) {
				continue
			}
			t.header = cells
			for range cells {
				t.headerAt = append(t.headerAt, where)
			}
			continue
		}
		if blank(cells) {
			continue
		}
		t.rows = append(t.rows, tableRow{where: where, cells: cells})
	}
	// Spreadsheets store dates as day numbers; give them as YYYY-MM-DD.
	for col, name := range t.header {
		if !containsFold(dateColumns, name) {
			continue
		}
		for _, row := range t.rows {
			if col < len(row.cells) && serialNumber.MatchString(row.cells[col]) {
				serial, _ := strconv.ParseFloat(row.cells[col], 64)
				if day, err := excelize.ExcelDateToTime(serial, false); err == nil {
					row.cells[col] = string(DateOf(day))
				}
			}
		}
	}
	return t, nil
}

func containsFold(list []string, s string) bool {
	for _, item := range list {
		if strings.EqualFold(strings.TrimSpace(s), item) {
			return true
		}
	}
	return false
}

// readJSON reads the export shape: an array of objects keyed by column.
// Numbers, booleans and lists are turned into the text a CSV cell would hold.
func readJSON(r io.Reader) (*table, *FieldError) {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	var records []json.RawMessage
	if err := dec.Decode(&records); err != nil {
		return nil, problem(CodeSyntax, err.Error())
	}
	t := &table{unit: "record"}
	index := map[string]int{}
	for n, raw := range records {
		where := Location{"record", n + 1}
		keys, values, err := objectInOrder(raw)
		if err != nil {
			return nil, &FieldError{Where: where, Code: CodeSyntax, Args: []string{err.Error()}}
		}
		row := tableRow{where: where}
		for i, key := range keys {
			col, seen := index[key]
			if !seen {
				col = len(t.header)
				index[key] = col
				t.header = append(t.header, key)
				t.headerAt = append(t.headerAt, where)
			}
			for len(row.cells) <= col {
				row.cells = append(row.cells, "")
				row.present = append(row.present, false)
			}
			if !utf8.Valid(values[i]) {
				// The decoder would silently turn the bytes into U+FFFD.
				shown, _ := jsonCell(json.RawMessage(strings.ToValidUTF8(string(values[i]), "\uFFFD")))
				return nil, &FieldError{Where: where, Column: key, Value: shown, Code: CodeNotUTF8}
			}
			cell, err := jsonCell(values[i])
			if err != nil {
				return nil, &FieldError{Where: where, Column: key, Code: CodeSyntax, Args: []string{err.Error()}}
			}
			row.cells[col], row.present[col] = cell, true
		}
		t.rows = append(t.rows, row)
	}
	for i := range t.rows { // records that came before a later key lack it
		for len(t.rows[i].cells) < len(t.header) {
			t.rows[i].cells = append(t.rows[i].cells, "")
			t.rows[i].present = append(t.rows[i].present, false)
		}
	}
	return t, nil
}

// objectInOrder decodes a JSON object keeping its keys' order.
func objectInOrder(raw json.RawMessage) ([]string, []json.RawMessage, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, nil, err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, nil, fmt.Errorf("want an object")
	}
	var keys []string
	var values []json.RawMessage
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, nil, err
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, nil, err
		}
		keys = append(keys, tok.(string))
		values = append(values, v)
	}
	return keys, values, nil
}

func jsonCell(raw json.RawMessage) (string, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return "", err
	}
	scalar := func(v any) (string, error) {
		switch v := v.(type) {
		case nil:
			return "", nil
		case string:
			return v, nil
		case json.Number:
			return v.String(), nil
		case bool:
			return strconv.FormatBool(v), nil
		}
		return "", fmt.Errorf("want text, a number, true/false or a list")
	}
	if list, ok := v.([]any); ok {
		items := make([]string, len(list))
		for i, item := range list {
			s, err := scalar(item)
			if err != nil {
				return "", err
			}
			items[i] = s
		}
		return strings.Join(items, ";"), nil
	}
	return scalar(v)
}
