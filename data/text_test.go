package data

import "testing"

func TestCleanText_RemovesTerminalControl(t *testing.T) {
	cases := []struct {
		in        string
		multiline bool
		want      string
	}{
		{"Renholder\x1b]52;c;aGVsbG8=\x07 Tøyen", false, "Renholder Tøyen"},
		{"a\x1b[2Jb", false, "ab"},
		{"linje\rover", false, "linjeover"},
		{"to\nlinjer\tmed tab", true, "to\nlinjer\tmed tab"},
		{"to\nlinjer\tmed tab", false, "tolinjer med tab"},
		{"\u009b31mrød", false, "31mrød"},
		{"ÆØÅ æøå 😀", false, "ÆØÅ æøå 😀"},
		{"null\x00del\x7f", false, "nulldel"},
		{"snu\u202etekst", false, "snutekst"},
		{"bad\xffutf8", false, "bad\uFFFDutf8"},
	}
	for _, c := range cases {
		if got := CleanText(c.in, c.multiline); got != c.want {
			t.Errorf("CleanText(%q, %v) = %q, want %q", c.in, c.multiline, got, c.want)
		}
	}
}
