package data

import "io"

// CheckPlacementsFile reads and validates a placements file as an import
// into an empty store would, without a store: for fuzzing.
func CheckPlacementsFile(format Format, r io.Reader) ([]Placement, error) {
	im := importer[Placement]{entity: "placements", columns: placementColumns, fresh: NewPlacement,
		values: PlacementValues, validate: ValidatePlacement}
	tbl, cols, err := im.read(format, r)
	if err != nil {
		return nil, err
	}
	writes, _, err := im.check(tbl, cols, func(string) (Placement, error) { return Placement{}, ErrNotFound })
	if err != nil {
		return nil, err
	}
	out := make([]Placement, len(writes))
	for i, w := range writes {
		out[i] = w.record
	}
	return out, nil
}

// ExportPlacementRecords writes placements without a store: for fuzzing.
func ExportPlacementRecords(w io.Writer, format Format, list []Placement) error {
	return export(format, w, placementColumns, list)
}
