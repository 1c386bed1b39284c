package matching

import (
	"fmt"
	"strings"
)

// Level is a CEFR level of Norwegian. The zero value means no level yet,
// which ranks below A1.
type Level uint8

// The CEFR levels in rising order.
const (
	NoLevel Level = iota
	A1
	A2
	B1
	B2
	C1
	C2
)

var levelNames = [...]string{"", "A1", "A2", "B1", "B2", "C1", "C2"}

// String gives the level as written ("B1"), or "" for NoLevel.
func (l Level) String() string {
	if int(l) < len(levelNames) {
		return levelNames[l]
	}
	return fmt.Sprintf("Level(%d)", uint8(l))
}

// ParseLevel reads one CEFR level such as "B1" (any case).
func ParseLevel(s string) (Level, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	for i := A1; i <= C2; i++ {
		if levelNames[i] == s {
			return i, nil
		}
	}
	return NoLevel, &ValueError{Code: ErrCodeLevel, Value: s}
}

// Norwegian is a person's or a placement's Norwegian, oral and written graded
// apart as norskprøven does. On a placement it is the minimum asked for.
type Norwegian struct {
	Oral    Level
	Written Level
}

// IsZero reports whether no level is given for either part.
func (n Norwegian) IsZero() bool { return n.Oral == NoLevel && n.Written == NoLevel }

// String writes "B1" when both parts agree and "B1/A2" (oral/written) when
// they differ; "" when neither is set.
func (n Norwegian) String() string {
	if n.Oral == n.Written {
		return n.Oral.String()
	}
	oral, written := n.Oral.String(), n.Written.String()
	if oral == "" {
		oral = "-"
	}
	if written == "" {
		written = "-"
	}
	return oral + "/" + written
}

// none reports whether a level is written as none: empty, "-" or "ingen".
func none(s string) bool { return s == "" || s == "-" || strings.EqualFold(s, "ingen") }

// ParseNorwegian reads "B1", "B1/A2" (oral/written), or "", "-" and
// "ingen" for no level. A part may be "-" to say that part has no level yet
// ("A1/-").
func ParseNorwegian(s string) (Norwegian, error) {
	s = strings.TrimSpace(s)
	if none(s) {
		return Norwegian{}, nil
	}
	oralText, writtenText, split := strings.Cut(s, "/")
	if !split {
		l, err := ParseLevel(s)
		if err != nil {
			return Norwegian{}, &ValueError{Code: ErrCodeLevel, Value: s}
		}
		return Norwegian{Oral: l, Written: l}, nil
	}
	part := func(p string) (Level, error) {
		if p = strings.TrimSpace(p); p != "" && none(p) { // "B1/" lacks its written level
			return NoLevel, nil
		}
		return ParseLevel(p)
	}
	oral, err1 := part(oralText)
	written, err2 := part(writtenText)
	if err1 != nil || err2 != nil {
		return Norwegian{}, &ValueError{Code: ErrCodeLevel, Value: s}
	}
	return Norwegian{Oral: oral, Written: written}, nil
}
