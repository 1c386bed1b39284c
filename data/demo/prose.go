package demo

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"arbeidsboks/data"
)

// The free text of the demo office, in bokmål: placement descriptions,
// notes about candidates, the details of their adaptation needs, and the
// notes specialists write when an utplassering ends.

// descriptionOpenings introduce a placement; %t is its title and %e the employer.
var descriptionOpenings = []string{
	"Praksisplass som %t hos %e, med faste oppgaver og egen veileder.",
	"Som %t hos %e får du prøve deg i vanlig arbeid med god oppfølging.",
	"%e tar imot deltakere som vil prøve seg som %t.",
	"%e har plass til en %t som vil lære faget i et trygt arbeidsmiljø.",
	"Hos %e blir du en del av arbeidslaget som %t fra første dag.",
	"En praksisplass for deg som vil jobbe som %t, hos %e.",
}

// describe writes a placement's description: one sentence about the work,
// and often a second about what it teaches or demands.
func describe(r rng, p *data.Placement) string {
	opening := pick(r, descriptionOpenings)
	title := p.Title
	if !strings.HasPrefix(opening, "%t") {
		title = lowerFirst(title)
	}
	text := strings.NewReplacer("%t", title, "%e", p.Employer).Replace(opening)
	var second string
	switch {
	case p.RequiresPoliceCertificate && r.chance(0.5):
		second = "Politiattest må leveres før oppstart."
	case p.RequiresDriversLicense && r.chance(0.5):
		second = "Førerkort klasse B er nødvendig."
	case p.NorwegianHard && r.chance(0.5):
		second = "Du må kunne snakke norsk på minst " + p.NorwegianMin.Oral.String() + "-nivå."
	case len(p.SkillsTrained) >= 2 && r.chance(0.8):
		skills := make([]string, len(p.SkillsTrained))
		for i, s := range p.SkillsTrained {
			skills[i] = inProse(s)
		}
		switch r.IntN(3) {
		case 0:
			second = "Oppgavene er blant annet " + listing(skills) + "."
		case 1:
			second = "Du lærer " + listing(skills) + "."
		default:
			second = "Her lærer du " + listing(skills[:2]) + ", og du får en attest når perioden er over."
		}
	}
	if second != "" {
		text += " " + second
	}
	return text
}

// lowerFirst writes a title inside a sentence: "Renholder" becomes
// "renholder", while "BPA-assistent" and "IT-assistent" keep their capitals.
func lowerFirst(s string) string {
	first, size := utf8.DecodeRuneInString(s)
	next, _ := utf8.DecodeRuneInString(s[size:])
	if unicode.IsUpper(next) {
		return s
	}
	return string(unicode.ToLower(first)) + s[size:]
}

// proseWords are the words of stored skills (always lower case) that a
// sentence writes otherwise.
var proseWords = map[string]string{"hms": "HMS", "excel": "Excel", "word": "Word", "office": "Office", "t1": "T1"}

// prosePrefixes are the beginnings of such words ("pc-oppsett").
var prosePrefixes = [][2]string{{"pc-", "PC-"}, {"mig/mag-", "MIG/MAG-"}}

// inProse writes a skill as a sentence shows it.
func inProse(skill string) string {
	words := strings.Fields(skill)
	for i, w := range words {
		if p, ok := proseWords[w]; ok {
			words[i] = p
			continue
		}
		for _, pre := range prosePrefixes {
			if rest, ok := strings.CutPrefix(w, pre[0]); ok {
				words[i] = pre[1] + rest
			}
		}
	}
	return strings.Join(words, " ")
}

// listing joins items as a sentence does: "a, b og c".
func listing(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " og " + items[len(items)-1]
}

// experience names a domain's work after "Har erfaring fra".
var experience = map[string]string{
	"renhold": "renhold", "hjemmetjeneste": "hjemmetjenesten", "sykehjem": "sykehjem",
	"barnehage": "barnehage", "storkjøkken": "storkjøkken", "kafé": "kafé", "lager": "lager",
	"butikk": "butikk", "vaktmester": "vaktmesterarbeid", "verksted": "verksted", "kontor": "kontorarbeid",
	"hotell": "hotell", "grøntarbeid": "grøntarbeid", "transport": "transport",
}

// generalNotes are what a specialist writes about anyone.
var generalNotes = []string{
	"Motivert og stiller godt forberedt til møtene.",
	"Ønsker praksis nær hjemmet.",
	"Har vært lenge borte fra arbeidslivet og ønsker en rolig start.",
	"Trenger tett oppfølging i starten.",
	"Har god arbeidserfaring fra hjemlandet, men ingen norske referanser.",
	"Har små barn og kan ikke jobbe kveld.",
	"Tar fagbrev som praksiskandidat og trenger praksistimer.",
	"Mistet jobben ved nedbemanning og vil raskt tilbake i arbeid.",
	"Har takket nei til en plass tidligere fordi arbeidstiden ikke passet.",
	"Trives best med praktiske oppgaver og klare rammer.",
}

// programmeNotes are what a specialist writes about people in one programme.
var programmeNotes = map[data.Programme][]string{
	data.ProgrammeKVP: {
		"Følger KVP på fulltid; praksisen skal fylle resten av uka.",
		"Har norskkurs to dager i uka som en del av KVP-planen.",
	},
	data.ProgrammeIPS: {
		"Ønsker ordinært arbeid med jobbstøtte; samarbeider godt med behandler.",
		"Vil ha en jobb med lite stress og faste arbeidstider.",
	},
	data.ProgrammeActivity: {
		"Trenger en hverdag med faste rutiner og oppmøte.",
		"Har ikke fullført videregående og ønsker å prøve seg i arbeid.",
	},
	data.ProgrammeIntro: {
		"Går på norskkurs om formiddagen og ønsker praksis etterpå.",
		"Kom til Norge i fjor og ønsker å bli kjent med norsk arbeidsliv.",
	},
	data.ProgrammeAAP: {
		"Arbeidsevnen skal prøves ut i praksis før videre plan.",
		"Har helseplager og må trappe opp timene gradvis.",
	},
	data.ProgrammeOther: {
		"Henvist fra flyktningetjenesten i bydelen.",
	},
}

// note writes a short note about a candidate's situation.
func note(r rng, c *data.Candidate, d *domain) string {
	switch x := r.Float64(); {
	case x < 0.35:
		return pick(r, programmeNotes[c.Programme])
	case x < 0.55:
		return "Har erfaring fra " + experience[d.key] + " og vil gjerne jobbe med det igjen."
	case x < 0.65 && c.Norwegian.Oral > c.Norwegian.Written:
		return "Snakker godt norsk, men trenger støtte med skriftlige oppgaver."
	}
	return pick(r, generalNotes)
}

// adaptationDetails say what lies behind each kind of adaptation need; forms
// keep them, files do not.
var adaptationDetails = map[data.Adaptation]string{
	data.AdaptHours:    "Trenger kortere dager i starten og gradvis opptrapping.",
	data.AdaptPhysical: "Ryggplager; bør unngå tunge løft og lange perioder stående.",
	data.AdaptWorkday:  "Trenger faste rutiner og en fast kontaktperson på arbeidsplassen.",
	data.AdaptLanguage: "Trenger enkle skriftlige instrukser, gjerne med bilder.",
}

func adaptationDetail(needs []data.Adaptation) string {
	parts := make([]string, len(needs))
	for i, a := range needs {
		parts[i] = adaptationDetails[a]
	}
	return strings.Join(parts, " ")
}

// endNotes are what a specialist writes when an utplassering ends, by reason.
var endNotes = map[data.EndReason][]string{
	data.ReasonJob: {
		"Fikk tilbud om fast deltidsstilling hos arbeidsgiveren.",
		"Fikk jobb hos en annen arbeidsgiver.",
	},
	data.ReasonEducation: {
		"Har begynt på voksenopplæring for å ta fagbrev.",
		"Startet på videregående for voksne.",
	},
	data.ReasonSick:         {"Sykmeldt i perioden; tas opp igjen når helsen tillater det."},
	data.ReasonNoShow:       {"Flere fravær uten beskjed; avtalt ny kartlegging."},
	data.ReasonNotInterest:  {"Ønsket likevel å prøve noe annet."},
	data.ReasonPlacementEnd: {"Arbeidsgiveren har ikke lenger kapasitet til å ta imot deltakere."},
	data.ReasonOther: {
		"Praksisperioden er over; ny plan lages sammen med veileder.",
		"Arbeidstiden passet ikke med norskkurset.",
	},
}
