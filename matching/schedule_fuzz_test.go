package matching

import "testing"

func FuzzParseSchedule(f *testing.F) {
	for _, seed := range []string{
		"man-fre 08:00-15:00", "man,ons 09:00-14:00", "tir 10:00-12:00; tor 12:00-16:00",
		"fre 22:00-06:00", "søn 20:00-24:00", "Man - Fre 8:00 - 15:00", "man-fre 8-15",
		"fre-man 10:00-11:00", "man 08:00-24:00; man 16:40-08:00", "man 09:07-10:00",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		s, err := ParseSchedule(text)
		if err != nil {
			if _, ok := err.(*ValueError); !ok {
				t.Fatalf("error %v is not a ValueError", err)
			}
			return
		}
		if s.Minutes() < 0 || s.Minutes() > minutesPerWeek {
			t.Fatalf("%q covers %d minutes", text, s.Minutes())
		}
		again, err := ParseSchedule(s.String())
		if err != nil {
			t.Fatalf("canonical form %q of %q does not parse: %v", s.String(), text, err)
		}
		if !again.Equal(s) || again.Minutes() != s.Minutes() || again.String() != s.String() {
			t.Fatalf("round trip of %q: %q became %q", text, s.String(), again.String())
		}
		if got := OverlapMinutes(s, s); got != s.Minutes() {
			t.Fatalf("self-overlap of %q = %d, want %d", text, got, s.Minutes())
		}
	})
}
