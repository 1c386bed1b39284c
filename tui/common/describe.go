// Package common holds what every screen, the command line and the server
// share: putting the store's coded problems into words, and (later) the
// session's Common, styles and keys.
package common

import (
	"errors"
	"io/fs"

	"strconv"
	"strings"

	"arbeidsboks/data"
	"arbeidsboks/tui/i18n"
)

// DescribeProblem puts one problem into words: where, which column, the
// value as given, and what is wrong ("line 14, column schedule:
// "man-fre 8-15": time must be HH:MM").
func DescribeProblem(c *i18n.Catalogue, p *data.FieldError) string {
	var parts []string
	if p.Where.Unit != "" {
		parts = append(parts, c.T("where."+p.Where.Unit, p.Where.N))
	}
	if p.Column != "" {
		parts = append(parts, c.T("where.column", p.Column))
	}
	head := strings.Join(parts, ", ")
	what := ProblemText(c, p)
	if p.Value != "" && p.Code != data.CodeMissingColumn {
		what = strconv.Quote(p.Value) + ": " + what
	}
	if head == "" {
		return what
	}
	return head + ": " + what
}

// ProblemText says what is wrong, without where: for a form field's message.
func ProblemText(c *i18n.Catalogue, p *data.FieldError) string {
	key := "problem." + p.Code
	switch p.Code {
	case data.CodeMissingColumn:
		return c.T(key, p.Value)
	case data.CodeDuplicateRef, data.CodeDuplicateCode:
		if len(p.Args) == 2 {
			n, _ := strconv.Atoi(p.Args[1])
			return c.T(key, c.T("where."+p.Args[0], n))
		}
	case data.CodeOccupationTitle:
		// The title, then the nearest occupations.
		if len(p.Args) == 1 {
			return c.T(key+".none", p.Args[0])
		}
		if len(p.Args) > 1 {
			near := strings.Join(p.Args[1:], "; ")
			if strings.TrimSpace(p.Value) == p.Args[0] {
				return c.T(key+".only", near) // the value already shows the title
			}
			return c.T(key, p.Args[0], near)
		}
	case data.CodeUnknownColumn:
		if len(p.Args) == 1 {
			return c.T(key+".did_you_mean", p.Args[0])
		}
	case data.CodeMinHours:
		if len(p.Args) == 1 {
			f, _ := strconv.ParseFloat(p.Args[0], 64)
			return c.T(key, c.Number(f))
		}
	case "schedule.time", "schedule.group":
		return c.T(key)
	}
	if !c.Has(key) {
		return strings.TrimSpace(p.Code + " " + strings.Join(p.Args, " "))
	}
	args := make([]any, len(p.Args))
	for i, a := range p.Args {
		args[i] = a
	}
	return c.T(key, args...)
}

// DescribeError puts an error into words, one line per problem.
func DescribeError(c *i18n.Catalogue, err error) []string {
	var ve *data.ValidationError
	if errors.As(err, &ve) {
		lines := make([]string, len(ve.Problems))
		for i, p := range ve.Problems {
			lines[i] = DescribeProblem(c, p)
		}
		return lines
	}
	var fe *data.FieldError
	if errors.As(err, &fe) {
		return []string{DescribeProblem(c, fe)}
	}
	// A file that is not there, or not the user's to read, is the user's
	// to fix: say which, in words.
	var pe *fs.PathError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return []string{c.T("error.no_file", pe.Path)}
		case errors.Is(err, fs.ErrPermission):
			return []string{c.T("error.file_access", pe.Path)}
		}
	}
	for _, known := range []struct {
		err error
		key string
	}{
		{data.ErrStale, "error.stale"}, {data.ErrForbidden, "error.forbidden"},
		{data.ErrNoSeat, "error.no_seat"}, {data.ErrInactive, "error.inactive"},
		{data.ErrHasSeat, "error.has_seat"}, {data.ErrCandidateClosed, "error.candidate_closed"},
		{data.ErrErased, "error.erased"},
		{data.ErrSchema, "error.schema"}, {data.ErrNotFound, "error.not_found"},
		{data.ErrExists, "error.exists"}, {data.ErrNotChair, "error.not_chair"},
	} {
		if errors.Is(err, known.err) {
			return []string{subject(c, err, known.err) + c.T(known.key)}
		}
	}
	return []string{err.Error()}
}

// subject is what the error's context names before the sentinel
// ("placement P-1: "), so that the sentence says which record; the kind of
// record is named in the user's language ("praksisplass P-1: ").
func subject(c *i18n.Catalogue, err, sentinel error) string {
	text, tail := err.Error(), sentinel.Error()
	i := strings.Index(text, ": "+tail)
	if i <= 0 {
		return ""
	}
	what := text[:i]
	if kind, rest, ok := strings.Cut(what, " "); ok && c.Has("audit.entity."+kind) {
		what = c.T("audit.entity."+kind) + " " + rest
	}
	return what + ": "
}

// ProblemCount is how many problems an error holds.
func ProblemCount(err error) int {
	var ve *data.ValidationError
	if errors.As(err, &ve) {
		return len(ve.Problems)
	}
	return 1
}
