package data

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"arbeidsboks/matching"
)

// Text limits, in characters.
const (
	MaxTitle     = 120
	MaxLongText  = 4000 // description, notes
	MaxShortText = 200  // every other text field
	MaxRef       = 64
)

// parseBool reads ja/nei, yes/no, true/false, 1/0 in any case; empty is false.
func parseBool(s string) (bool, *FieldError) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "nei", "no", "false", "0":
		return false, nil
	case "ja", "yes", "true", "1":
		return true, nil
	}
	return false, problem(CodeBool)
}

// parseNumber reads a decimal number with "." or "," as the decimal mark.
func parseNumber(s string) (float64, *FieldError) {
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	if strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
		s = strings.Replace(s, ",", ".", 1)
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != f || f > 1e12 || f < -1e12 {
		return 0, problem(CodeNumber)
	}
	return f, nil
}

// parseInt reads a whole number; "3.0" is accepted as 3, since spreadsheets
// write numbers that way.
func parseInt(s string) (int, *FieldError) {
	f, p := parseNumber(s)
	if p != nil || f != float64(int(f)) {
		return 0, problem(CodeInteger)
	}
	return int(f), nil
}

// parseDate reads YYYY-MM-DD; empty is no date.
func parseDate(s string) (Date, *FieldError) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return "", problem(CodeDate)
	}
	return DateOf(t), nil
}

// splitList splits a cell on ";" into trimmed, non-empty items.
func splitList(s string) []string {
	var out []string
	for _, item := range strings.Split(s, ";") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// parseChoice finds s (any case) among the allowed values and returns the
// allowed spelling.
func parseChoice[T ~string](s string, allowed []T) (T, *FieldError) {
	for _, a := range allowed {
		if strings.EqualFold(strings.TrimSpace(s), string(a)) {
			return a, nil
		}
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = string(a)
	}
	return "", problem(CodeChoice, strings.Join(names, ", "))
}

// parseChoices reads a ";" list of allowed values, each once.
func parseChoices[T ~string](s string, allowed []T) ([]T, *FieldError) {
	var out []T
	for _, item := range splitList(s) {
		v, p := parseChoice(item, allowed)
		if p != nil {
			return nil, p
		}
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out, nil
}

// cleanLine is a one-line text field: control characters removed, space trimmed.
func cleanLine(s string, maxLen int) (string, *FieldError) {
	s = strings.TrimSpace(CleanText(s, false))
	if utf8.RuneCountInString(s) > maxLen {
		return "", problem(CodeTooLong, strconv.Itoa(maxLen))
	}
	return s, nil
}

// cleanLong is a multi-line text field (description, notes).
func cleanLong(s string) (string, *FieldError) {
	s = strings.TrimSpace(CleanText(strings.ReplaceAll(s, "\r\n", "\n"), true))
	if utf8.RuneCountInString(s) > MaxLongText {
		return "", problem(CodeTooLong, strconv.Itoa(MaxLongText))
	}
	return s, nil
}

// parseTerms reads a ";" list of skills or goals: cleaned, lower case, each once.
func parseTerms(s string) ([]string, *FieldError) {
	items := splitList(CleanText(s, false))
	for _, item := range items {
		if utf8.RuneCountInString(item) > MaxShortText {
			return nil, problem(CodeTooLong, strconv.Itoa(MaxShortText))
		}
	}
	return matching.NormalizeTerms(items), nil
}

// parseLanguages reads a ";" list of languages, storing each under its
// lower-case Norwegian name; English names and two-letter codes of common
// languages are recognised, other names are kept as written (lower case).
func parseLanguages(s string) ([]string, *FieldError) {
	terms, p := parseTerms(s)
	if p != nil {
		return nil, p
	}
	for i, t := range terms {
		if nb, ok := languageAliases[t]; ok {
			terms[i] = nb
		}
	}
	return matching.NormalizeTerms(terms), nil
}

// languageAliases maps English names and ISO 639-1 codes to the Norwegian name.
var languageAliases = func() map[string]string {
	table := [][]string{
		{"arabisk", "arabic", "ar"}, {"somali", "somali", "so"}, {"polsk", "polish", "pl"},
		{"engelsk", "english", "en"}, {"tigrinja", "tigrinya", "ti"}, {"ukrainsk", "ukrainian", "uk"},
		{"russisk", "russian", "ru"}, {"dari", "dari", "prs"}, {"persisk", "persian", "fa", "farsi"},
		{"pashto", "pashto", "ps"}, {"urdu", "urdu", "ur"}, {"kurdisk", "kurdish", "ku"},
		{"tyrkisk", "turkish", "tr"}, {"spansk", "spanish", "es"}, {"fransk", "french", "fr"},
		{"tysk", "german", "de"}, {"litauisk", "lithuanian", "lt"}, {"rumensk", "romanian", "ro"},
		{"vietnamesisk", "vietnamese", "vi"}, {"thai", "thai", "th"}, {"tamil", "tamil", "ta"},
		{"amharisk", "amharic", "am"}, {"oromo", "oromo", "om"}, {"swahili", "swahili", "sw"},
		{"portugisisk", "portuguese", "pt"}, {"italiensk", "italian", "it"}, {"svensk", "swedish", "sv"},
		{"dansk", "danish", "da"}, {"norsk", "norwegian", "no", "nb", "nn"}, {"kinesisk", "chinese", "zh"},
		{"hindi", "hindi", "hi"}, {"punjabi", "punjabi", "pa"}, {"bosnisk", "bosnian", "bs"},
		{"serbisk", "serbian", "sr"}, {"kroatisk", "croatian", "hr"}, {"albansk", "albanian", "sq"},
		{"tagalog", "tagalog", "tl", "filipino"}, {"bengali", "bengali", "bn"}, {"nepali", "nepali", "ne"},
		{"estisk", "estonian", "et"}, {"latvisk", "latvian", "lv"}, {"ungarsk", "hungarian", "hu"},
		{"bulgarsk", "bulgarian", "bg"}, {"gresk", "greek", "el"}, {"hebraisk", "hebrew", "he"},
		{"japansk", "japanese", "ja"}, {"koreansk", "korean", "ko"}, {"finsk", "finnish", "fi"},
		{"nordsamisk", "northern sami", "se", "samisk", "sami"}, {"lingala", "lingala", "ln"},
	}
	m := map[string]string{}
	for _, row := range table {
		for _, alias := range row[1:] {
			m[alias] = row[0]
		}
	}
	return m
}()

var (
	emailPattern = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)
	phonePattern = regexp.MustCompile(`^\+?[0-9 ()\-]{5,20}$`)
	codePattern  = regexp.MustCompile(`^[0-9]{4}$`)
)

func parseEmail(s string) (string, *FieldError) {
	s = strings.TrimSpace(CleanText(s, false))
	if s != "" && (!emailPattern.MatchString(s) || len(s) > MaxShortText) {
		return "", problem(CodeEmail)
	}
	return s, nil
}

func parsePhone(s string) (string, *FieldError) {
	s = strings.TrimSpace(CleanText(s, false))
	if s != "" && !phonePattern.MatchString(s) {
		return "", problem(CodePhone)
	}
	return s, nil
}

// parseOccupations reads a ";" list of STYRK-08 unit-group codes.
func parseOccupations(s string) ([]string, *FieldError) {
	items := splitList(s)
	for _, item := range items {
		if !codePattern.MatchString(item) {
			return nil, problem(CodeOccupation)
		}
	}
	return matching.NormalizeTerms(items), nil
}

// formatNumber writes a number the shortest way ("37.5", "15").
func formatNumber(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// formatBool writes a boolean as the Norwegian files do.
func formatBool(b bool) string {
	if b {
		return "ja"
	}
	return "nei"
}
