package data

import (
	"errors"
	"fmt"
	"strings"

	"arbeidsboks/matching"
)

// Codes of the problems a value, a row or a file can have. The command line
// and the forms put them into words in the user's language; Args carry the
// details the words need (a maximum, the allowed values …).
const (
	CodeRequired        = "required"         // an empty value where one is needed
	CodeMissingColumn   = "missing_column"   // a new record needs a column the file lacks
	CodeUnknownColumn   = "unknown_column"   // a column the format does not have
	CodeDuplicateColumn = "duplicate_column" // a column named twice
	CodeDuplicateRef    = "duplicate_ref"    // Args: unit and number of where the ref was first seen
	CodeTooLong         = "too_long"         // Args: the maximum number of characters
	CodeBool            = "bool"             // not ja/nei, yes/no, true/false, 1/0
	CodeInteger         = "integer"          // not a whole number
	CodeNumber          = "number"           // not a number
	CodeRange           = "range"            // Args: lowest, highest
	CodeDate            = "date"             // not YYYY-MM-DD
	CodeChoice          = "choice"           // Args: the allowed values
	CodeEmail           = "email"            // not an e-mail address
	CodePhone           = "phone"            // not a phone number
	CodeFieldCount      = "field_count"      // Args: fields found, fields in the header
	CodeSyntax          = "syntax"           // the file cannot be read; Args: the reader's words
	CodeEmptyFile       = "empty_file"       // no header or no rows
	CodeMinHours        = "min_hours"        // Args: the hours a week the schedule has
	CodeOccupation      = "occupation"       // not a STYRK-08 code
	CodeFormat          = "format"           // a file type that cannot be imported
	CodeEmptySchedule   = "empty_schedule"   // a schedule without any time
	CodeNoColumn        = "no_column"        // the file lacks a column every row needs
	CodeNotUTF8         = "not_utf8"         // text in another encoding (Excel's Windows-1252)
	CodeUTF16           = "utf16"            // a UTF-16 file (Excel's "Unicode text")
	CodeSemicolons      = "semicolons"       // a CSV file with ; between its columns
	CodeSSHKey          = "ssh_key"          // not an SSH public key
	CodeKeyTaken        = "key_taken"        // Args: the user the key belongs to
	CodeUserExists      = "user_exists"      // a user by that name exists
	CodeUnnamedColumn   = "unnamed_column"   // a column without a name holds values; Args: its number
)

// Location says where in a file a problem is: CSV "line" (the physical line
// where the record starts; the header is line 1), XLSX "row", JSON "record".
// The zero Location is a form field, or the file as a whole.
type Location struct {
	Unit string
	N    int
}

// FieldError is one problem with one value: where it is, which column, the
// value as given, and what is wrong with it (a code and its details).
type FieldError struct {
	Where  Location
	Column string
	Value  string
	Code   string
	Args   []string
}

func (e *FieldError) Error() string {
	var b strings.Builder
	if e.Where.Unit != "" {
		fmt.Fprintf(&b, "%s %d, ", e.Where.Unit, e.Where.N)
	}
	if e.Column != "" {
		fmt.Fprintf(&b, "column %s: ", e.Column)
	}
	if e.Value != "" {
		fmt.Fprintf(&b, "%q: ", e.Value)
	}
	b.WriteString(e.Code)
	if len(e.Args) > 0 {
		fmt.Fprintf(&b, " %s", strings.Join(e.Args, " "))
	}
	return b.String()
}

// problem is a FieldError before it knows its column and place.
func problem(code string, args ...string) *FieldError {
	return &FieldError{Code: code, Args: args}
}

// fromValueError turns a matching.ValueError into a problem with the same
// code, keeping the offending piece as the argument.
func fromValueError(err error) *FieldError {
	var ve *matching.ValueError
	if errors.As(err, &ve) {
		if ve.Part != "" && ve.Part != ve.Value {
			return problem(ve.Code, ve.Part)
		}
		return problem(ve.Code)
	}
	return problem(CodeSyntax, err.Error())
}

// ValidationError is a set of problems that together reject a record or a
// file. Nothing was written.
type ValidationError struct {
	Entity   string // placements, candidates, …
	Problems []*FieldError
}

func (e *ValidationError) Error() string {
	if len(e.Problems) == 1 {
		return e.Problems[0].Error()
	}
	return fmt.Sprintf("%d problems, first: %s", len(e.Problems), e.Problems[0].Error())
}
