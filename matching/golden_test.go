package matching

import (
	"crypto/sha256"
	"fmt"
	"hash"
	"testing"
)

// goldenOffices are the offices whose every score, ranking and top pairs
// are pinned by digest: the office generator, and the varied one with and
// without a classification of occupations and with other weights.
var goldenOffices = []struct {
	name string
	make func() *Index
	want string
}{
	{"office 60x300", func() *Index { return office(60, 300) }, "36c4d4f75866a93b5f0be5796d72a22139c2f357ad47cd32a8701f06f19e7aa6"},
	{"varied seed 1", func() *Index { return variedOffice(60, 300, 1, Options{}) }, "56781b02a11bae21da69d034d5f7333f1317af419c695f5204547e093ef9e789"},
	{"varied seed 2 occupations", func() *Index { return variedOffice(60, 300, 2, Options{Occupations: variedLikeness}) }, "561bb72b026e216bffa8c96c000a8a49217b20f6352505b94c4e347e7031c54c"},
	{"varied seed 3", func() *Index { return variedOffice(60, 300, 3, Options{}) }, "5977bbfae5668e2650e70534ab7952652623768f6d6f41dbaa3ce791f0d618cc"},
	{"varied seed 4 occupations", func() *Index { return variedOffice(60, 300, 4, Options{Occupations: variedLikeness}) }, "f2ad8493c723eae6a0e457e8e1cb44e94252bfaa060ca52b134afefafe0a5dca"},
	{"varied seed 5 weights", func() *Index {
		return variedOffice(60, 300, 5, Options{Weights: Weights{Skills: 0.3, Language: 0.3, Schedule: 0.4}})
	}, "8b511e4cbc34b89e1569f2d10c08c8b4606c293af0806977458fa72f6486c8a3"},
	{"varied seed 6 weights occupations", func() *Index {
		return variedOffice(60, 300, 6, Options{Weights: Weights{Skills: 1, Language: 0.1, Schedule: 0.7}, Occupations: variedLikeness})
	}, "5dbe6178beb93db25405a704490dcc71a39105089544c6dfca281813842456a8"},
}

// digest writes every pair's score in full, every candidate's ranking
// (top 1, 5 and all, with the excluded ones), some placements' rankings
// and the top pairs for a few k, and hashes it all.
func digest(ix *Index) string {
	h := sha256.New()
	for c := range ix.candidates {
		for p := range ix.placements {
			writeResult(h, ix.Score(c, p))
		}
		for _, top := range []int{1, 5, 0} {
			writeRanking(h, ix.RankPlacements(c, top, true))
			writeRanking(h, ix.RankPlacements(c, top, false))
		}
	}
	for p := 0; p < len(ix.placements); p += 7 {
		for _, top := range []int{1, 5, 0} {
			writeRanking(h, ix.RankCandidates(p, top, true))
		}
	}
	for _, k := range []int{1, 4, 10, 0} {
		for _, pr := range ix.TopPairs(k) {
			fmt.Fprintln(h, pr.Candidate, pr.Placement, pr.Score)
		}
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

func writeResult(h hash.Hash, r Result) {
	fmt.Fprintf(h, "%d %d %d %v %v %v %v %v %v\n", r.Candidate, r.Placement, r.Total, r.Components.Skills,
		r.Components.Language, r.Components.Schedule, r.Excluded, r.HoursWeek, r.TargetHours)
	for _, reason := range r.Reasons {
		fmt.Fprintf(h, "  %s %q %v\n", reason.Code, reason.Args, reason.Private)
	}
}

func writeRanking(h hash.Hash, r Ranking) {
	fmt.Fprintln(h, "ranking", r.IncludedTotal, len(r.Included), len(r.Excluded))
	for _, x := range r.Included {
		writeResult(h, x)
	}
	for _, x := range r.Excluded {
		writeResult(h, x)
	}
}

// TestScore_ScoresAndRankingsArePinned guards that speeding scoring up
// changes nothing it gives: not a total, a component, a reason, a ranking
// or a top pair.
func TestScore_ScoresAndRankingsArePinned(t *testing.T) {
	for _, o := range goldenOffices {
		if got := digest(o.make()); got != o.want {
			t.Errorf("%s: digest %s, want %s", o.name, got, o.want)
		}
	}
}
