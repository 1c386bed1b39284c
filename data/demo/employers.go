package demo

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
)

// Where the employers are and how to reach them. A district and an e-mail
// domain follow from the employer's name alone, so that an employer is in the
// same district whatever the seed.

// places names the district of the neighbourhoods and landmarks that the
// employers' names mention. The longer name comes first where one contains
// another ("Søndre Nordstrand" before "Nordstrand").
var places = [][2]string{
	{"Søndre Nordstrand", "Søndre Nordstrand"}, {"Gamle Oslo", "Gamle Oslo"}, {"Grünerløkka", "Grünerløkka"},
	{"Stovner", "Stovner"}, {"Grorud", "Grorud"}, {"Bjerke", "Bjerke"}, {"Sagene", "Sagene"},
	{"Østensjø", "Østensjø"}, {"Nordstrand", "Nordstrand"}, {"Ullern", "Ullern"}, {"Frogner", "Frogner"},
	{"Alna", "Alna"}, {"Furuset", "Alna"}, {"Lindeberg", "Alna"}, {"Tveita", "Alna"}, {"Haugerud", "Alna"},
	{"Romsås", "Grorud"}, {"Rødtvet", "Grorud"}, {"Lillomarka", "Grorud"},
	{"Tøyen", "Gamle Oslo"}, {"Grønland", "Gamle Oslo"}, {"Vålerenga", "Gamle Oslo"}, {"Bjørvika", "Gamle Oslo"},
	{"Rommen", "Stovner"}, {"Haugenstua", "Stovner"},
	{"Veitvet", "Bjerke"}, {"Økern", "Bjerke"}, {"Ulven", "Bjerke"}, {"Linderud", "Bjerke"},
	{"Holmlia", "Søndre Nordstrand"}, {"Mortensrud", "Søndre Nordstrand"},
	{"Ryen", "Nordstrand"}, {"Lambertseter", "Nordstrand"}, {"Ekeberg", "Nordstrand"},
	{"Nydalen", "Nordre Aker"}, {"Storo", "Nordre Aker"},
	{"Skøyen", "Frogner"}, {"Majorstuen", "Frogner"},
	{"Sofienberg", "Grünerløkka"}, {"Hasle", "Grünerløkka"}, {"Akerselva", "Grünerløkka"},
	{"Bryn", "Østensjø"}, {"Sentrum", "St. Hanshaugen"},
}

// employerDistrict is the district an employer is in: the place its name
// mentions, or else one chosen by a hash of the name.
func employerDistrict(name string) string {
	for _, p := range places {
		if strings.Contains(name, p[0]) {
			return p[1]
		}
	}
	h := fnv.New32a()
	h.Write([]byte(name))
	return districts[h.Sum32()%uint32(len(districts))]
}

// asciiLetters spells the letters of Norwegian and of the names in the
// vocabulary the way an e-mail address does.
var asciiLetters = strings.NewReplacer(
	"æ", "ae", "ø", "o", "å", "a", "é", "e", "è", "e", "ê", "e", "ë", "e", "ė", "e", "ę", "e",
	"ü", "u", "ö", "o", "ó", "o", "ä", "a", "á", "a", "à", "a", "ą", "a", "í", "i", "ı", "i",
	"ñ", "n", "ń", "n", "ç", "c", "ć", "c", "ł", "l", "ś", "s", "ş", "s", "ğ", "g", "ż", "z", "ź", "z",
)

// slug is a word or name as part of an e-mail address: lower case ASCII
// letters, digits and hyphens.
func slug(s string) string {
	s = asciiLetters.Replace(strings.ToLower(s))
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '-' || r == ' ':
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}

// emailDomain makes a plausible domain of an employer's name: the words
// before a comma without the company form and small words, at most three,
// joined by hyphens ("Grorud Renhold AS" → "grorud-renhold.no").
func emailDomain(employer string) string {
	name, _, _ := strings.Cut(employer, ",")
	var words []string
	for _, w := range strings.Fields(name) {
		switch strings.ToLower(w) {
		case "as", "asa", "kf", "sa", "ba", "og", "i", "på", "for", "av", "&":
			continue
		}
		if s := slug(w); s != "" {
			words = append(words, s)
		}
		if len(words) == 3 {
			break
		}
	}
	return strings.Join(words, "-") + ".no"
}

// contact is a contact person at an employer.
type contact struct{ name, phone, email string }

// newContact makes up a contact person at an employer.
func newContact(r rng, employer string) contact {
	first, last := pick(r, contactFirst), pick(r, contactLast)
	return contact{
		name:  first + " " + last,
		phone: mobile(r, '9'),
		email: slug(first) + "." + slug(last) + "@" + emailDomain(employer),
	}
}

// mobile is a Norwegian mobile number as people write it: "9xx xx xxx".
func mobile(r rng, first byte) string {
	n := r.IntN(10_000_000)
	return fmt.Sprintf("%c%02d %02d %03d", first, n/100_000, n/1000%100, n%1000)
}

// work is what an employer whose trade is narrower than its domain's has
// people do and learn: a bicycle workshop has no welders, and a kindergarten
// no after-school club assistants.
type work struct {
	titles  []string // among its domain's titles
	trained []string // among its domain's trained skills; nil: the domain's
}

// employerWork narrows the titles (and for the workshops the skills) of
// the employers whose names say what they do.
var employerWork = map[string]work{
	"Tøyen Vaskeri AS":                        {titles: []string{"Vaskerimedarbeider"}},
	"Borettslagservice Romsås AS":             {titles: []string{"Trappevasker", "Renholder"}},
	"Skinnende Hjem Rengjøring AS":            {titles: []string{"Renholder", "Renholdsassistent", "Medarbeider vindusvask"}},
	"Trygg Hverdag BPA AS":                    {titles: []string{"BPA-assistent"}},
	"Omsorg i Hjemmet AS":                     {titles: []string{"BPA-assistent", "Hjemmehjelp", "Assistent i hjemmetjenesten"}},
	"Helseforetak Oslo Øst, pasientservice":   {titles: []string{"Portør", "Pleieassistent"}},
	"Fyrlykta dagsenter for eldre":            {titles: []string{"Aktivitetsassistent", "Miljøassistent"}},
	"Aktivitetsskolen Rødtvet":                {titles: []string{"Assistent på Aktivitetsskolen", "Pedagogisk medarbeider"}},
	"Fritidsklubben Tveita":                   {titles: []string{"Fritidsklubbassistent"}},
	"Stiftelsen Barnas Hus Grønland":          {titles: []string{"Fritidsklubbassistent", "Pedagogisk medarbeider"}},
	"Smak & Sunnhet Catering AS":              {titles: []string{"Cateringassistent", "Kjøkkenassistent", "Hjelpekokk"}},
	"Lunsjkompaniet Skøyen AS":                {titles: []string{"Cateringassistent", "Kjøkkenassistent"}},
	"Brød og Bønner AS":                       {titles: []string{"Bakeriassistent", "Diskmedarbeider", "Barista"}},
	"Groruddalen Terminal AS":                 {titles: []string{"Terminalarbeider", "Truckfører", "Lagerarbeider"}},
	"Alnabru Logistikk AS":                    {titles: []string{"Terminalarbeider", "Plukker", "Truckfører", "Lagermedarbeider"}},
	"Gjenbruksbutikken Sagene":                {titles: []string{"Butikkmedarbeider gjenbruk"}},
	"Nabohjelpen bruktbutikk Tøyen":           {titles: []string{"Butikkmedarbeider gjenbruk"}},
	"Kiosken Stovner senter AS":               {titles: []string{"Kioskmedarbeider"}},
	"Furuset idrettspark, drift":              {titles: []string{"Driftsassistent idrettsanlegg", "Driftsmedarbeider"}},
	"Bydel Nordstrand seniorvaktmester":       {titles: []string{"Seniorvaktmester"}},
	"IT-Gjenbruk Alna AS":                     {titles: []string{"IT-assistent", "Brukerstøtte"}},
	"Nordlys Kundeservice AS":                 {titles: []string{"Kundesentermedarbeider"}},
	"Datahjelpen Holmlia, Frivilligsentralen": {titles: []string{"Digital veileder", "Brukerstøtte"}},
	"Furuset bibliotek":                       {titles: []string{"Digital veileder", "Kontorassistent"}},
	"Ekeberg Konferansehotell AS":             {titles: []string{"Konferansevert", "Romassistent", "Frokostmedarbeider"}},
	"Gravlundsdriften Østre":                  {titles: []string{"Kirkegårdsarbeider"}},
	"Gartneriet Grorud AS":                    {titles: []string{"Gartnerassistent"}},
	"Oslo Flytteservice AS":                   {titles: []string{"Flyttemedarbeider", "Sjåførassistent"}},

	"Sykkelverkstedet Grønland AS":             {titles: []string{"Sykkelmekaniker", "Verkstedmedarbeider"}, trained: bicycleSkills},
	"Bysykkelverkstedet Økern AS":              {titles: []string{"Sykkelmekaniker", "Verkstedmedarbeider"}, trained: bicycleSkills},
	"Sykkelhjelpen, Frivilligsentralen Bjerke": {titles: []string{"Sykkelmekaniker"}, trained: bicycleSkills},
	"Furuset Bilservice AS":                    {titles: []string{"Assistent på bilverksted", "Dekkmontør"}, trained: carSkills},
	"Alna Dekk og Bil AS":                      {titles: []string{"Dekkmontør", "Assistent på bilverksted"}, trained: carSkills},
	"Snekkerverkstedet på Hasle AS":            {titles: []string{"Snekkerassistent", "Verkstedmedarbeider"}, trained: woodSkills},
	"Møbelverkstedet Gjenbruk Sagene":          {titles: []string{"Snekkerassistent", "Verkstedmedarbeider"}, trained: woodSkills},
	"Stovner Sveis og Mekanisk AS":             {titles: []string{"Sveiseassistent", "Montør", "Verkstedmedarbeider"}, trained: metalSkills},
	"Alnaverkstedet AS": {titles: []string{"Produksjonsmedarbeider", "Montør", "Verkstedmedarbeider"},
		trained: []string{"montering", "samlebånd", "pakking", "kvalitetskontroll", "søm", "maskinbetjening"}},
}

// The skills the workshops train, by trade.
var (
	bicycleSkills = []string{"sykkelreparasjon", "punkteringsreparasjon", "sykkelverksted", "montering", "verneutstyr", "elektroverktøy"}
	carSkills     = []string{"bilmekanikk", "dekkskift", "verneutstyr", "elektroverktøy", "maskinbetjening"}
	woodSkills    = []string{"snekring", "trebearbeiding", "møbelrestaurering", "elektroverktøy", "verneutstyr", "maskinbetjening"}
	metalSkills   = []string{"sveising", "mig/mag-sveising", "metallbearbeiding", "verneutstyr", "maskinbetjening"}
)

// exclusiveTitles belong to the employers employerWork gives them to; other
// employers of the domain do not use them.
var exclusiveTitles = []string{
	"Vaskerimedarbeider", "BPA-assistent", "Portør", "Assistent på Aktivitetsskolen", "Fritidsklubbassistent",
	"Cateringassistent", "Bakeriassistent", "Terminalarbeider", "Butikkmedarbeider gjenbruk", "Kioskmedarbeider",
	"Driftsassistent idrettsanlegg", "Seniorvaktmester", "IT-assistent", "Kundesentermedarbeider",
	"Digital veileder", "Konferansevert", "Kirkegårdsarbeider", "Flyttemedarbeider", "Sykkelmekaniker",
	"Assistent på bilverksted", "Dekkmontør", "Snekkerassistent", "Sveiseassistent",
}

// workAt is what an employer of domain d has people do and learn.
func workAt(d *domain, employer string) work {
	if w, ok := employerWork[employer]; ok {
		if w.trained == nil {
			w.trained = d.skillsTrained
		}
		return w
	}
	w := work{trained: d.skillsTrained}
	for _, t := range d.titles {
		if !slices.Contains(exclusiveTitles, t) {
			w.titles = append(w.titles, t)
		}
	}
	return w
}
