package matching

import "fmt"

// langRequirement is what a placement asks of a person's languages.
type langRequirement struct {
	min       Norwegian
	minAt     int32 // min among Index.mins
	valued    bitset
	hasValued bool
	valuedAt  int32 // valued among Index.valued, -1 when none
}

func (r langRequirement) key() string { return fmt.Sprintf("%s|%x", r.min, []uint64(r.valued)) }

// languageFacts is one candidate's Norwegian and other languages against one
// language requirement.
type languageFacts struct {
	oral, written float64 // each part's score
	hundredths    int     // the component
	speaks        bool    // speaks a language the placement values
}

// fails reports whether the person is below the minimum in either part.
func (f *languageFacts) fails() bool { return f.oral < 1 || f.written < 1 }

func languageOf(pc *preCandidate, req *langRequirement) languageFacts {
	f := languageFacts{}
	var norwegian float64
	f.oral, f.written, norwegian = norwegianOf(pc, req.min)
	if req.hasValued {
		f.speaks = pc.langs.intersects(req.valued)
	}
	f.hundredths = languageHundredths(norwegian, req.hasValued, f.speaks)
	return f
}

// norwegianOf is the person's Norwegian against a minimum: each part's
// score and the two blended.
func norwegianOf(pc *preCandidate, min Norwegian) (oral, written, norwegian float64) {
	oral, written = levelPart(pc.oral, min.Oral), levelPart(pc.written, min.Written)
	return oral, written, oralShare*oral + (1-oralShare)*written
}

// languageHundredths is the language component in hundredths: Norwegian,
// and when the placement values other languages, whether the person
// speaks one of them.
func languageHundredths(norwegian float64, hasValued, speaks bool) int {
	language := norwegian
	if hasValued {
		language = (1 - valuedShare) * norwegian
		if speaks {
			language += valuedShare
		}
	}
	return hundredthsOf(language)
}

// levelPart is one part of the Norwegian score: full at or above the
// minimum, less for each level short.
func levelPart(has, needs Level) float64 {
	if needs == NoLevel || has >= needs {
		return 1
	}
	return max(0, 1-levelShortCost*float64(needs-has))
}

// minFacts is one candidate's Norwegian against one minimum, for a view:
// whether they fall short, and the language component in hundredths of a
// placement with that minimum that values no other language (plain), or
// some of which the person speaks one (spoken) or none (unspoken).
type minFacts struct {
	fails                   bool
	plain, spoken, unspoken int32
}

func minFactsOf(pc *preCandidate, min Norwegian) minFacts {
	oral, written, norwegian := norwegianOf(pc, min)
	return minFacts{fails: oral < 1 || written < 1, plain: int32(languageHundredths(norwegian, false, false)),
		spoken: int32(languageHundredths(norwegian, true, true)), unspoken: int32(languageHundredths(norwegian, true, false))}
}
