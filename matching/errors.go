package matching

import "fmt"

// Codes of the ways a value can be malformed. The caller puts them into
// words in the user's language; they are stable and may be matched on.
const (
	ErrCodeLevel         = "level"          // not A1…C2, or oral/written
	ErrCodeScheduleGroup = "schedule.group" // a group without days or without a time range
	ErrCodeScheduleDay   = "schedule.day"   // an unknown day name
	ErrCodeScheduleTime  = "schedule.time"  // a time not written HH:MM
	ErrCodeScheduleRange = "schedule.range" // a time range that is empty
)

// ValueError says that a text could not be read as a value: which rule it
// broke (Code), the whole text (Value) and, where it helps, the piece at
// fault (Part).
type ValueError struct {
	Code  string
	Value string
	Part  string
}

func (e *ValueError) Error() string {
	if e.Part != "" && e.Part != e.Value {
		return fmt.Sprintf("%s: %q in %q", e.Code, e.Part, e.Value)
	}
	return fmt.Sprintf("%s: %q", e.Code, e.Value)
}
