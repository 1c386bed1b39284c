package common

// Rows are the records a list tab shows: places in a snapshot's slice of
// records, in the order shown, and the table that draws them.
//
// The rows keep the slice they were computed from. A new snapshot may
// order its records differently (a colleague's new placement sorts in
// above the others), and until the rows computed from it arrive, the table
// and the selection must still read the slice their places refer to.
type Rows[T any] struct {
	table   *Table
	records func() []*T // the current snapshot's records
	id      func(*T) int64
	from    []*T // the slice at points into
	at      []int
	want    int64
}

// NewRows makes the rows of a table over a snapshot's records.
func NewRows[T any](table *Table, records func() []*T, id func(*T) int64) Rows[T] {
	return Rows[T]{table: table, records: records, id: id}
}

// Len is how many rows there are.
func (r *Rows[T]) Len() int { return len(r.at) }

// At is the record in a row.
func (r *Rows[T]) At(row int) *T { return r.from[r.at[row]] }

// Selected is the record under the cursor.
func (r *Rows[T]) Selected() (*T, bool) {
	row := r.table.Cursor()
	if row < 0 || row >= len(r.at) {
		return nil, false
	}
	return r.At(row), true
}

// Want selects the record with the id when the rows next arrive, instead
// of the one selected then.
func (r *Rows[T]) Want(id int64) { r.want = id }

// Set shows rows computed from the current snapshot's records, keeping the
// selected record selected (or the one wanted).
func (r *Rows[T]) Set(at []int) {
	want := r.want
	if want == 0 {
		if rec, ok := r.Selected(); ok {
			want = r.id(rec)
		}
	}
	r.from, r.at, r.want = r.records(), at, 0
	r.table.SetRows(len(at))
	r.table.SelectID(want, func(row int) int64 { return r.id(r.At(row)) })
}
