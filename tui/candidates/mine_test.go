package candidates

import "testing"

func TestIsMine_TheFullNameTheFirstNameOrTheDottedOne(t *testing.T) {
	cases := []struct {
		specialist, me string
		want           bool
	}{
		{"Kari Nordmann", "Kari Nordmann", true},
		{"Kari Nordmann", "kari", true},
		{"Kari Nordmann", "kari.nordmann", true},
		{"Kari Nordmann", "ola", false},
		{"Kari Nordmann", "nordmann", false},
		{"Kari Nordmann", "karin", false},
		{"", "kari", false},
		{"Kari Nordmann", "", false},
	}
	for _, c := range cases {
		if got := isMine(c.specialist, c.me); got != c.want {
			t.Errorf("isMine(%q, %q) = %v, want %v", c.specialist, c.me, got, c.want)
		}
	}
}
