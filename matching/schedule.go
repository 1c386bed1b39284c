package matching

import (
	"math/bits"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

const (
	minutesPerDay  = 24 * 60
	minutesPerWeek = 7 * minutesPerDay
	slotMinutes    = 15
	slotsPerWeek   = minutesPerWeek / slotMinutes // 672
	maskWords      = (slotsPerWeek + 63) / 64     // 11
)

// Span is one stretch of a week: it starts on Day (0 = Monday) at Start
// minutes after midnight and ends at End minutes after that midnight. End
// may pass 1440 when the span runs past midnight into the next day.
type Span struct {
	Day        int
	Start, End int
}

// Schedule is a set of weekly time windows: a placement's working hours or a
// candidate's availability. The zero value is the empty week.
//
// A Schedule keeps the spans as written (merged per day) so that it prints
// back the way people wrote it, and precomputes the week as sorted minute
// intervals and, when every time falls on the quarter hour, as a bitmask of
// 15-minute slots, so that comparing two schedules is a few AND and popcount
// operations.
type Schedule struct {
	spans     []Span
	intervals [][2]int // disjoint, sorted minute-of-week intervals [from, to)
	minutes   int
	onGrid    bool
	mask      [maskWords]uint64
}

var dayNames = [7]string{"man", "tir", "ons", "tor", "fre", "lør", "søn"}

// dayAliases are the spellings accepted for each day, Norwegian and English,
// short and long, with and without æøå.
var dayAliases = map[string]int{}

func init() {
	names := [7][]string{
		{"man", "mandag", "mon", "monday", "ma"},
		{"tir", "tirsdag", "tue", "tues", "tuesday", "ti"},
		{"ons", "onsdag", "wed", "wednesday", "on"},
		{"tor", "torsdag", "thu", "thur", "thurs", "thursday", "to"},
		{"fre", "fredag", "fri", "friday", "fr"},
		{"lør", "lørdag", "lor", "lordag", "loer", "loerdag", "sat", "saturday", "lø"},
		{"søn", "søndag", "son", "sondag", "soen", "soendag", "sun", "sunday", "sø"},
	}
	for day, aliases := range names {
		for _, a := range aliases {
			dayAliases[a] = day
		}
	}
}

// daySets are words for several days at once.
var daySets = map[string][]int{
	"hverdager": {0, 1, 2, 3, 4}, "ukedager": {0, 1, 2, 3, 4}, "weekdays": {0, 1, 2, 3, 4},
	"helg": {5, 6}, "helger": {5, 6}, "weekend": {5, 6},
}

var (
	spacedDash  = regexp.MustCompile(`\s*[-–]\s*`)
	spacedComma = regexp.MustCompile(`\s*,\s*`)
	// "kl. 08:00" is how Norwegian writes a time of day; "til" a range
	// ("mandag til fredag", "08:00 til 15:00").
	clockWord = regexp.MustCompile(`(?i)(^|\s)kl\.?(\s+|$)`)
	tilWord   = regexp.MustCompile(`(?i)\s+til\s+`)
)

// ParseSchedule reads the schedule syntax: groups separated by ";", each
// group days then time ranges, as in "man-fre 08:00-15:00; lør 10:00-14:00".
// An empty text is the empty schedule.
func ParseSchedule(text string) (Schedule, error) {
	var spans []Span
	for _, group := range splitGroups(text) {
		group = strings.TrimSpace(group)
		if group == "" {
			continue
		}
		groupSpans, err := parseGroup(group)
		if err != nil {
			err.Value = text
			return Schedule{}, err
		}
		spans = append(spans, groupSpans...)
	}
	return NewSchedule(spans), nil
}

// MustParseSchedule is ParseSchedule for texts known to be valid, such as
// those in tests and generated data; it panics on a bad one.
func MustParseSchedule(text string) Schedule {
	s, err := ParseSchedule(text)
	if err != nil {
		panic(err)
	}
	return s
}

// splitGroups splits a schedule into its groups: at ";", and at a ","
// that days follow once the group has its times, as people also write
// "man-fre 08:00-15:00, lør 10:00-14:00".
func splitGroups(text string) []string {
	var groups []string
	for _, g := range strings.Split(text, ";") {
		parts := strings.Split(g, ",")
		current := parts[0]
		for _, part := range parts[1:] {
			next := strings.TrimSpace(part)
			if next != "" && unicode.IsLetter([]rune(next)[0]) && strings.ContainsAny(current, "0123456789") {
				groups = append(groups, current)
				current = part
				continue
			}
			current += "," + part
		}
		groups = append(groups, current)
	}
	return groups
}

func parseGroup(group string) ([]Span, *ValueError) {
	group = clockWord.ReplaceAllString(tilWord.ReplaceAllString(group, "-"), " ")
	group = strings.TrimSpace(spacedComma.ReplaceAllString(spacedDash.ReplaceAllString(group, "-"), ","))
	digit := strings.IndexAny(group, "0123456789")
	if digit < 0 {
		return nil, &ValueError{Code: ErrCodeScheduleGroup, Part: group}
	}
	// The time part starts at the beginning of the token holding the first digit.
	timeStart := strings.LastIndexAny(group[:digit], " \t") + 1
	daysText := strings.TrimSpace(group[:timeStart])
	if daysText == "" {
		return nil, &ValueError{Code: ErrCodeScheduleGroup, Part: group}
	}
	days, err := parseDays(daysText)
	if err != nil {
		return nil, err
	}
	var spans []Span
	for _, rangeText := range strings.FieldsFunc(group[timeStart:], func(r rune) bool {
		return r == ',' || r == ' ' || r == '\t'
	}) {
		start, end, err := parseRange(rangeText)
		if err != nil {
			return nil, err
		}
		for _, d := range days {
			spans = append(spans, Span{Day: d, Start: start, End: end})
		}
	}
	return spans, nil
}

func parseDays(text string) ([]int, *ValueError) {
	var days []int
	for _, item := range strings.Split(strings.ReplaceAll(text, " ", ","), ",") {
		if item == "" {
			continue
		}
		if set, ok := daySets[strings.ToLower(item)]; ok {
			days = append(days, set...)
			continue
		}
		from, to, isRange := strings.Cut(item, "-")
		first, ok := dayAliases[strings.ToLower(from)]
		if !ok {
			return nil, &ValueError{Code: ErrCodeScheduleDay, Part: from}
		}
		last := first
		if isRange {
			if last, ok = dayAliases[strings.ToLower(to)]; !ok {
				return nil, &ValueError{Code: ErrCodeScheduleDay, Part: to}
			}
		}
		// A range may wrap past Sunday: "fre-man" is Friday to Monday.
		for d := first; ; d = (d + 1) % 7 {
			days = append(days, d)
			if d == last {
				break
			}
		}
	}
	if len(days) == 0 {
		return nil, &ValueError{Code: ErrCodeScheduleGroup, Part: text}
	}
	return days, nil
}

// parseRange reads "HH:MM-HH:MM". An end before the start runs past midnight
// into the next day; "24:00" ends a day.
func parseRange(text string) (start, end int, err *ValueError) {
	from, to, ok := strings.Cut(text, "-")
	if !ok {
		return 0, 0, &ValueError{Code: ErrCodeScheduleTime, Part: text}
	}
	if start, err = parseClock(from, false); err != nil {
		return 0, 0, err
	}
	if end, err = parseClock(to, true); err != nil {
		return 0, 0, err
	}
	if end == start {
		return 0, 0, &ValueError{Code: ErrCodeScheduleRange, Part: text}
	}
	if end < start {
		end += minutesPerDay
	}
	return start, end, nil
}

// parseClock reads HH:MM (the hour may have one digit) as minutes after
// midnight; "24:00" is allowed only as the end of a range.
func parseClock(text string, isEnd bool) (int, *ValueError) {
	bad := &ValueError{Code: ErrCodeScheduleTime, Part: text}
	hh, mm, ok := strings.Cut(text, ":")
	if !ok {
		// Norwegian writes the time of day with a full stop too ("kl. 08.00").
		hh, mm, ok = strings.Cut(text, ".")
	}
	if !ok || len(hh) < 1 || len(hh) > 2 || len(mm) != 2 {
		return 0, bad
	}
	h, err1 := strconv.Atoi(hh)
	m, err2 := strconv.Atoi(mm)
	if err1 != nil || err2 != nil || h < 0 || m < 0 || m > 59 || hh[0] == '+' || mm[0] == '+' {
		return 0, bad
	}
	switch {
	case h < 24:
		return h*60 + m, nil
	case h == 24 && m == 0 && isEnd:
		return minutesPerDay, nil
	}
	return 0, bad
}

// NewSchedule builds a schedule from spans. Spans that overlap on the same
// start day are merged; a span's Start must lie in [0, 1440) and its End in
// (Start, Start+1440].
func NewSchedule(spans []Span) Schedule {
	var s Schedule
	s.spans = mergeSpans(spans)
	var raw [][2]int
	for _, sp := range s.spans {
		from, to := sp.Day*minutesPerDay+sp.Start, sp.Day*minutesPerDay+sp.End
		if to > minutesPerWeek { // Sunday night into Monday morning
			raw = append(raw, [2]int{from, minutesPerWeek}, [2]int{0, to - minutesPerWeek})
		} else {
			raw = append(raw, [2]int{from, to})
		}
	}
	s.intervals = mergeIntervals(raw)
	s.onGrid = true
	for _, iv := range s.intervals {
		s.minutes += iv[1] - iv[0]
		if iv[0]%slotMinutes != 0 || iv[1]%slotMinutes != 0 {
			s.onGrid = false
		}
	}
	if s.onGrid {
		for _, iv := range s.intervals {
			for slot := iv[0] / slotMinutes; slot < iv[1]/slotMinutes; slot++ {
				s.mask[slot/64] |= 1 << (slot % 64)
			}
		}
	}
	return s
}

func mergeSpans(spans []Span) []Span {
	sorted := slices.Clone(spans)
	slices.SortFunc(sorted, func(a, b Span) int {
		if a.Day != b.Day {
			return a.Day - b.Day
		}
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return a.End - b.End
	})
	var out []Span
	for _, sp := range sorted {
		if n := len(out); n > 0 && out[n-1].Day == sp.Day && sp.Start <= out[n-1].End {
			// Merge unless the result would last a whole day from a start
			// other than midnight, which the syntax cannot write.
			last := &out[n-1]
			if end := max(last.End, sp.End); end < last.Start+minutesPerDay || end == minutesPerDay {
				last.End = end
				continue
			}
		}
		out = append(out, sp)
	}
	return out
}

func mergeIntervals(ivs [][2]int) [][2]int {
	slices.SortFunc(ivs, func(a, b [2]int) int { return a[0] - b[0] })
	var out [][2]int
	for _, iv := range ivs {
		if n := len(out); n > 0 && iv[0] <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], iv[1])
			continue
		}
		out = append(out, iv)
	}
	return out
}

// IsEmpty reports whether the schedule holds no time at all.
func (s Schedule) IsEmpty() bool { return s.minutes == 0 }

// Minutes is the length of the week the schedule covers, counting time that
// two spans share once.
func (s Schedule) Minutes() int { return s.minutes }

// Hours is Minutes in hours.
func (s Schedule) Hours() float64 { return float64(s.minutes) / 60 }

// Spans returns the schedule's spans in canonical order (by day, then start).
func (s Schedule) Spans() []Span { return slices.Clone(s.spans) }

// OnGrid reports whether every time in the schedule falls on the quarter hour.
func (s Schedule) OnGrid() bool { return s.onGrid }

// Covers reports whether the schedule includes the given minute of the week
// (0 = Monday 00:00).
func (s Schedule) Covers(minuteOfWeek int) bool {
	m := ((minuteOfWeek % minutesPerWeek) + minutesPerWeek) % minutesPerWeek
	i, _ := slices.BinarySearchFunc(s.intervals, m, func(iv [2]int, t int) int {
		if iv[1] <= t {
			return -1
		}
		if iv[0] > t {
			return 1
		}
		return 0
	})
	return i < len(s.intervals) && s.intervals[i][0] <= m && m < s.intervals[i][1]
}

// OverlapMinutes is how many minutes of the week both schedules cover. On the
// quarter-hour grid it counts slots in the bitmasks; otherwise it intersects
// the intervals exactly.
func OverlapMinutes(a, b Schedule) int {
	if a.onGrid && b.onGrid {
		n := 0
		for i := range a.mask {
			n += bits.OnesCount64(a.mask[i] & b.mask[i])
		}
		return n * slotMinutes
	}
	n, i, j := 0, 0, 0
	for i < len(a.intervals) && j < len(b.intervals) {
		x, y := a.intervals[i], b.intervals[j]
		if lo, hi := max(x[0], y[0]), min(x[1], y[1]); lo < hi {
			n += hi - lo
		}
		if x[1] < y[1] {
			i++
		} else {
			j++
		}
	}
	return n
}

// Equal reports whether two schedules print the same.
func (s Schedule) Equal(o Schedule) bool { return slices.Equal(s.spans, o.spans) }

// String writes the schedule in canonical form: days that share a time
// range form one group ("man-fre 08:00-15:00"), groups ordered by their
// first day and start. Parsing the result gives the same schedule.
func (s Schedule) String() string {
	type timeRange struct{ start, end int }
	days := map[timeRange]uint8{}
	var order []timeRange
	for _, sp := range s.spans {
		r := timeRange{sp.Start, sp.End}
		if _, seen := days[r]; !seen {
			order = append(order, r)
		}
		days[r] |= 1 << sp.Day
	}
	first := func(r timeRange) int { return bits.TrailingZeros8(days[r]) }
	slices.SortStableFunc(order, func(a, b timeRange) int {
		if fa, fb := first(a), first(b); fa != fb {
			return fa - fb
		}
		if a.start != b.start {
			return a.start - b.start
		}
		return a.end - b.end
	})
	groups := make([]string, len(order))
	for i, r := range order {
		groups[i] = formatDays(days[r]) + " " + formatClock(r.start) + "-" + formatClock(r.end)
	}
	return strings.Join(groups, "; ")
}

// formatDays writes a set of days as runs: three or more in a row as a
// range ("man-fre"), shorter runs as a list ("lør,søn").
func formatDays(set uint8) string {
	var parts []string
	for d := 0; d < 7; {
		if set&(1<<d) == 0 {
			d++
			continue
		}
		end := d
		for end+1 < 7 && set&(1<<(end+1)) != 0 {
			end++
		}
		switch {
		case end-d >= 2:
			parts = append(parts, dayNames[d]+"-"+dayNames[end])
		case end > d:
			parts = append(parts, dayNames[d], dayNames[end])
		default:
			parts = append(parts, dayNames[d])
		}
		d = end + 1
	}
	return strings.Join(parts, ",")
}

func formatClock(minutes int) string {
	if minutes > minutesPerDay {
		minutes -= minutesPerDay
	}
	return twoDigits(minutes/60) + ":" + twoDigits(minutes%60)
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// DayName is the short Norwegian name of a day, 0 = Monday.
func DayName(day int) string { return dayNames[day] }
