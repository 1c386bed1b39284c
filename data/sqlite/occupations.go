package sqlite

import (
	"context"

	"arbeidsboks/data"
)

func (r reader) Occupations(ctx context.Context) ([]data.Occupation, error) {
	rows, err := r.q.QueryContext(ctx, `SELECT code, level, name, parent, nav_category_1, nav_category_2
		FROM occupations ORDER BY code`)
	if err != nil {
		return nil, mapError(err)
	}
	var out []data.Occupation
	at := map[string]int{}
	for rows.Next() {
		var o data.Occupation
		if err := rows.Scan(&o.Code, &o.Level, &o.Name, &o.Parent, &o.NavCategory1, &o.NavCategory2); err != nil {
			rows.Close()
			return nil, mapError(err)
		}
		at[o.Code] = len(out)
		out = append(out, o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, mapError(err)
	}
	titles, err := r.q.QueryContext(ctx, `SELECT code, title FROM occupation_titles ORDER BY id`)
	if err != nil {
		return nil, mapError(err)
	}
	defer titles.Close()
	for titles.Next() {
		var code, title string
		if err := titles.Scan(&code, &title); err != nil {
			return nil, mapError(err)
		}
		if i, ok := at[code]; ok {
			out[i].Titles = append(out[i].Titles, title)
		}
	}
	return out, mapError(titles.Err())
}

func (t *tx) SaveOccupations(ctx context.Context, items []data.Occupation) error {
	if err := t.requireRole(data.RoleLead); err != nil {
		return err
	}
	var created, updated, titles int
	for _, o := range items {
		res, err := t.q.ExecContext(ctx, `UPDATE occupations SET level = ?, name = ?, parent = ?, nav_category_1 = ?,
			nav_category_2 = ?, updated = ? WHERE code = ?`,
			o.Level, o.Name, o.Parent, o.NavCategory1, o.NavCategory2, stamp(t.now), o.Code)
		if err != nil {
			return mapError(err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			if _, err := t.q.ExecContext(ctx, `INSERT INTO occupations (code, level, name, parent, nav_category_1,
				nav_category_2, updated) VALUES (?, ?, ?, ?, ?, ?, ?)`,
				o.Code, o.Level, o.Name, o.Parent, o.NavCategory1, o.NavCategory2, stamp(t.now)); err != nil {
				return mapError(err)
			}
			created++
		} else {
			updated++
		}
		for _, title := range o.Titles {
			res, err := t.q.ExecContext(ctx, `INSERT OR IGNORE INTO occupation_titles (code, title) VALUES (?, ?)`, o.Code, title)
			if err != nil {
				return mapError(err)
			}
			if n, _ := res.RowsAffected(); n > 0 {
				titles++
			}
		}
	}
	if err := t.audit(ctx, data.ActionUpdate, data.EntityOccupations, 0, nil,
		fields{"codes_created": created, "codes_updated": updated, "titles_added": titles}); err != nil {
		return err
	}
	return t.changed(ctx, data.EntityOccupations, 0, data.ActionUpdate)
}
