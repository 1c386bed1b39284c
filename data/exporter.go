package data

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// ExportPlacements writes every placement in the format, with exactly the
// columns the import reads.
func ExportPlacements(ctx context.Context, r Reader, format Format, w io.Writer) error {
	list, err := r.Placements(ctx, PlacementFilter{})
	if err != nil {
		return err
	}
	return export(format, w, placementColumns, list)
}

// ExportCandidates writes every candidate. Market contacts may not export
// candidates: the file holds what their role may not see.
func ExportCandidates(ctx context.Context, s Store, format Format, w io.Writer) error {
	if s.Actor().Role == RoleMarket {
		return ErrForbidden
	}
	list, err := s.Candidates(ctx, CandidateFilter{})
	if err != nil {
		return err
	}
	return export(format, w, candidateColumns, list)
}

func export[T any](format Format, w io.Writer, cols []column[T], records []T) error {
	switch format {
	case CSV:
		return exportCSV(w, cols, records)
	case JSON:
		return exportJSON(w, cols, records)
	case XLSX:
		return exportXLSX(w, cols, records)
	}
	return fmt.Errorf("export: unknown format %q", format)
}

// cellText writes a value as a CSV cell holds it.
func cellText(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case Date:
		return string(v)
	case int:
		return fmt.Sprint(v)
	case float64:
		return formatNumber(v)
	case *float64:
		if v == nil {
			return ""
		}
		return formatNumber(*v)
	case bool:
		return formatBool(v)
	case []string:
		return strings.Join(v, ";")
	}
	panic(fmt.Sprintf("export: no cell form for %T", v))
}

func exportCSV[T any](w io.Writer, cols []column[T], records []T) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(columnNames(cols)); err != nil {
		return err
	}
	row := make([]string, len(cols))
	for i := range records {
		for j, c := range cols {
			row[j] = cellText(c.get(&records[i]))
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// exportJSON writes an array with one object per line, keys in column order.
func exportJSON[T any](w io.Writer, cols []column[T], records []T) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("[")
	for i := range records {
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n{")
		for j, c := range cols {
			if j > 0 {
				bw.WriteString(",")
			}
			key, _ := json.Marshal(c.name)
			value, err := json.Marshal(jsonValue(c.get(&records[i])))
			if err != nil {
				return err
			}
			bw.Write(key)
			bw.WriteString(":")
			bw.Write(value)
		}
		bw.WriteString("}")
	}
	bw.WriteString("\n]\n")
	return bw.Flush()
}

// jsonValue gives the JSON form: lists as arrays ([] when empty), a missing
// number as null, dates and text as strings.
func jsonValue(v any) any {
	switch v := v.(type) {
	case []string:
		if v == nil {
			return []string{}
		}
	case Date:
		return string(v)
	}
	return v
}

func exportXLSX[T any](w io.Writer, cols []column[T], records []T) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := f.GetSheetName(0)
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	header := make([]any, len(cols))
	for i, c := range cols {
		header[i] = c.name
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	row := make([]any, len(cols))
	for i := range records {
		for j, c := range cols {
			switch v := c.get(&records[i]).(type) {
			case int, float64:
				row[j] = v
			case *float64:
				row[j] = nil
				if v != nil {
					row[j] = *v
				}
			default:
				row[j] = cellText(v)
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}
