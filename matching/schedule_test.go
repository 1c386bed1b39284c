package matching

import (
	"errors"
	"testing"
)

func TestParseSchedule_CanonicalForm(t *testing.T) {
	cases := []struct{ in, want string }{
		{"man-fre 08:00-15:00", "man-fre 08:00-15:00"},
		{"man,ons 09:00-14:00", "man,ons 09:00-14:00"},
		{"tir 10:00-12:00; tor 12:00-16:00", "tir 10:00-12:00; tor 12:00-16:00"},
		{"mon-fri 08:00-15:00", "man-fre 08:00-15:00"},
		{"Man - Fre 8:00 - 15:00", "man-fre 08:00-15:00"},
		{"man-fre 08.00-15.30", "man-fre 08:00-15:30"},
		// As people write it: "kl.", "til", en dashes, day words, and a
		// comma before the next days.
		{"mandag til fredag kl. 08.00 til 15.30", "man-fre 08:00-15:30"},
		{"man–fre 08:00–15:00", "man-fre 08:00-15:00"},
		{"hverdager 08:00-15:00", "man-fre 08:00-15:00"},
		{"helg 10:00-14:00", "lør,søn 10:00-14:00"},
		{"man-fre 08:00-15:00, lør 10:00-14:00", "man-fre 08:00-15:00; lør 10:00-14:00"},
		{"man, ons, fre 09:00-14:00", "man,ons,fre 09:00-14:00"},
		{"man 08:00-12:00; tir 08:00-12:00; ons 08:00-12:00", "man-ons 08:00-12:00"},
		{"lør,søn 10:00-14:00", "lør,søn 10:00-14:00"},
		{"man 08:00-10:00; man 09:00-12:00", "man 08:00-12:00"},
		{"fre 22:00-06:00", "fre 22:00-06:00"},
		{"søn 20:00-24:00", "søn 20:00-24:00"},
		{"fre-man 10:00-11:00", "man,fre-søn 10:00-11:00"},
		{"man,ons 08:00-11:00,12:00-15:00", "man,ons 08:00-11:00; man,ons 12:00-15:00"},
		{"", ""},
		{" ; ", ""},
	}
	for _, c := range cases {
		s, err := ParseSchedule(c.in)
		if err != nil {
			t.Errorf("ParseSchedule(%q): %v", c.in, err)
			continue
		}
		if got := s.String(); got != c.want {
			t.Errorf("ParseSchedule(%q).String() = %q, want %q", c.in, got, c.want)
		}
		again, err := ParseSchedule(s.String())
		if err != nil || !again.Equal(s) {
			t.Errorf("round trip of %q: %v, %q", c.in, err, again.String())
		}
	}
}

func TestParseSchedule_ErrorsSayWhatIsWrong(t *testing.T) {
	cases := []struct{ in, code, part string }{
		{"man-fre 8-15", ErrCodeScheduleTime, "8"},
		{"man-fre 08:00", ErrCodeScheduleTime, "08:00"},
		{"man-fre 08:00-25:00", ErrCodeScheduleTime, "25:00"},
		{"man-fre 08:60-12:00", ErrCodeScheduleTime, "08:60"},
		{"man-fre 08.0-12.00", ErrCodeScheduleTime, "08.0"},
		{"man 24:00-02:00", ErrCodeScheduleTime, "24:00"},
		{"mandag-fredag 08:00-15:00; blå 10:00-11:00", ErrCodeScheduleDay, "blå"},
		{"man-fre", ErrCodeScheduleGroup, "man-fre"},
		{"kl. 08:00-12:00", ErrCodeScheduleGroup, "08:00-12:00"},
		{"man-fre 08:00-15:00, blå 10:00-11:00", ErrCodeScheduleDay, "blå"},
		{"08:00-15:00", ErrCodeScheduleGroup, "08:00-15:00"},
		{"man 09:00-09:00", ErrCodeScheduleRange, "09:00-09:00"},
	}
	for _, c := range cases {
		_, err := ParseSchedule(c.in)
		var ve *ValueError
		if !errors.As(err, &ve) {
			t.Errorf("ParseSchedule(%q) = %v, want a ValueError", c.in, err)
			continue
		}
		if ve.Code != c.code || ve.Part != c.part || ve.Value != c.in {
			t.Errorf("ParseSchedule(%q) = %+v, want code %s part %q", c.in, *ve, c.code, c.part)
		}
	}
}

func TestSchedule_MinutesAndOverlap(t *testing.T) {
	kvp := MustParseSchedule("man-fre 08:00-15:30")
	placement := MustParseSchedule("man-tor 09:00-15:00")
	if got := placement.Minutes(); got != 4*6*60 {
		t.Errorf("placement minutes = %d, want %d", got, 4*6*60)
	}
	if got := OverlapMinutes(kvp, placement); got != 24*60 {
		t.Errorf("overlap = %d min, want 24 h", got)
	}
	// Off the quarter-hour grid the exact interval overlap is used.
	odd := MustParseSchedule("man 09:07-10:00")
	if odd.OnGrid() {
		t.Fatal("09:07 reported on grid")
	}
	if got := OverlapMinutes(odd, kvp); got != 53 {
		t.Errorf("off-grid overlap = %d, want 53", got)
	}
	// Sunday night runs into Monday morning.
	night := MustParseSchedule("søn 22:00-06:00")
	if got := OverlapMinutes(night, MustParseSchedule("man 00:00-02:00")); got != 120 {
		t.Errorf("wrap-around overlap = %d, want 120", got)
	}
	if !night.Covers(0) || night.Covers(6*60) {
		t.Error("Covers disagrees with søn 22:00-06:00 at Monday 00:00 / 06:00")
	}
	// Shared time counts once.
	if got := MustParseSchedule("man 08:00-12:00; man 10:00-14:00").Minutes(); got != 360 {
		t.Errorf("overlapping spans minutes = %d, want 360", got)
	}
}

func TestSchedule_OverlapOnGridEqualsExact(t *testing.T) {
	a := MustParseSchedule("man-fre 07:45-13:15; lør 22:00-02:00")
	b := MustParseSchedule("man,ons,fre 09:00-17:00; søn 00:00-01:00")
	grid := OverlapMinutes(a, b)
	a.onGrid = false // force the exact path
	if exact := OverlapMinutes(a, b); exact != grid {
		t.Errorf("grid %d != exact %d", grid, exact)
	}
}

func TestParseNorwegian(t *testing.T) {
	cases := []struct {
		in   string
		want Norwegian
		text string
	}{
		{"B1", Norwegian{B1, B1}, "B1"},
		{"b1/a2", Norwegian{B1, A2}, "B1/A2"},
		{"", Norwegian{}, ""},
		{"-", Norwegian{}, ""},
		{"A1/-", Norwegian{A1, NoLevel}, "A1/-"},
		{"Ingen", Norwegian{}, ""},
		{"A2/ingen", Norwegian{A2, NoLevel}, "A2/-"},
		{" C2 ", Norwegian{C2, C2}, "C2"},
	}
	for _, c := range cases {
		got, err := ParseNorwegian(c.in)
		if err != nil || got != c.want || got.String() != c.text {
			t.Errorf("ParseNorwegian(%q) = %v %q, %v; want %v %q", c.in, got, got.String(), err, c.want, c.text)
		}
	}
	for _, bad := range []string{"B3", "B1/", "god", "A1/B1/C1"} {
		if _, err := ParseNorwegian(bad); err == nil {
			t.Errorf("ParseNorwegian(%q) accepted", bad)
		}
	}
}
