package common

import "testing"

type rec struct {
	id  int64
	ref string
}

// Until the rows computed from a new snapshot arrive, the table and the
// selection read the slice the rows were computed from; then the selected
// record stays selected wherever it moved.
func TestRows_ReadTheirOwnSliceUntilNewRowsArrive(t *testing.T) {
	a, b, c := &rec{1, "P-B"}, &rec{2, "P-C"}, &rec{3, "P-D"}
	current := []*rec{a, b, c}
	table := NewTable(nil, ListKeys{}, nil, nil)
	rows := NewRows(table, func() []*rec { return current }, func(r *rec) int64 { return r.id })
	rows.Set([]int{0, 1, 2})
	table.SetCursor(1) // P-C

	// A colleague's P-A sorts in first; P-D is deleted.
	current = []*rec{{4, "P-A"}, a, b}
	if got, _ := rows.Selected(); got != b {
		t.Fatalf("before the new rows: selected %v, want P-C", got)
	}
	if got := rows.At(2); got != c {
		t.Fatalf("before the new rows: row 2 is %v, want P-D of the slice the rows index", got)
	}
	rows.Set([]int{0, 1, 2})
	if got, _ := rows.Selected(); got != b || table.Cursor() != 2 {
		t.Fatalf("after the new rows: selected %v at %d, want P-C at 2", got, table.Cursor())
	}

	rows.Want(4)
	rows.Set([]int{0, 1, 2})
	if got, _ := rows.Selected(); got.ref != "P-A" {
		t.Fatalf("a wanted record: selected %v, want P-A", got)
	}
}
