package common

import (
	"fmt"
	"strings"

	"arbeidsboks/matching"
)

// WeekGrid draws a schedule as a week: a row per day, two cells per hour
// (half hours). A cell is full when the whole half hour is covered and half
// when part of it is. The hours shown are 07–18 widened to whatever the
// schedule (or the second schedule, drawn over it) uses. With over set,
// cells the first schedule covers but the second does not are marked, so a
// placement's hours outside a person's availability stand out.
func WeekGrid(st *Styles, s matching.Schedule, over *matching.Schedule) string {
	from, to := 7, 18
	widen := func(sch matching.Schedule) {
		for _, sp := range sch.Spans() {
			from = min(from, sp.Start/60)
			end := sp.End
			if end > 24*60 {
				end = 24 * 60
			}
			to = max(to, (end+59)/60)
		}
	}
	widen(s)
	if over != nil {
		widen(*over)
	}
	var b strings.Builder
	b.WriteString("    ")
	for h := from; h < to; h += 2 {
		label := fmt.Sprintf("%02d", h)
		if h+2 > to {
			label = label[:2]
		}
		b.WriteString(st.Label.Render(fmt.Sprintf("%-4s", label)))
	}
	for day := range 7 {
		b.WriteString("\n" + st.Label.Render(fmt.Sprintf("%-4s", matching.DayName(day))))
		for h := from; h < to; h++ {
			for half := range 2 {
				start := day*24*60 + h*60 + half*30
				covered, outside := 0, 0
				for m := start; m < start+30; m += 5 {
					if s.Covers(m) {
						covered++
						if over != nil && !over.Covers(m) {
							outside++
						}
					}
				}
				switch {
				case outside > 0:
					b.WriteString(st.Bad.Render("▒"))
				case covered == 6:
					b.WriteString(st.GridOn.Render("█"))
				case covered > 0:
					b.WriteString(st.GridPart.Render("▌"))
				default:
					b.WriteString(st.GridOff.Render("·"))
				}
			}
		}
	}
	return b.String()
}
