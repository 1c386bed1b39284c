package sqlite

import (
	"database/sql"
	"errors"
	"strings"

	"arbeidsboks/data"
)

// mapError turns the driver's errors into the store's: one place, so that
// callers branch on data's sentinels only.
func mapError(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, sql.ErrNoRows):
		return data.ErrNotFound
	case strings.Contains(err.Error(), "UNIQUE constraint failed"):
		return errors.Join(data.ErrExists, err)
	}
	return err
}
