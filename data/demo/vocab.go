package demo

// The words the demo office is built from: the kinds of work it has
// placements in, fictitious employers, Oslo's districts, names, languages
// and weekly availabilities. Every skill is a term or a synonym in the
// built-in skills taxonomy (data/builtin/skills.csv); every schedule is in
// the schedule syntax. Employers, people and contacts are invented; any
// likeness to a real business or person is accidental.

// domain is one kind of work the office has placements in.
type domain struct {
	key            string   // "renhold"
	ref            string   // the part of a placement ref that names the domain: "REN" in "P-REN-01"
	titles         []string // placement titles as employers write them
	employers      []employer
	measures       []string // arbeidstrening, arbeidspraksis, lønnstilskudd, arbeid med bistand, VTA, mentor, annet; repeats weigh
	skillsRequired []string // terms or synonyms from the skills taxonomy
	skillsTrained  []string // terms or synonyms from the skills taxonomy
	schedules      []string // in the schedule syntax
	norwegianMin   []string // typical minimums, "" for none, "B1/A2" for oral/written; repeats weigh
	hardLanguage   float64  // share of placements whose minimum is hard
	police         float64  // share requiring a police certificate
	driving        float64  // share requiring a driver's licence
	languages      []string // other languages a placement may value
	adaptations    []string // adaptations these employers often offer: arbeidstid, fysisk, arbeidshverdagen, språk
	occupations    []string // STYRK-08 unit groups
	goals          []string // how a candidate who wants this work writes their goal
	weight         int      // relative number of placements in this domain
}

// employer is a fictitious employer with the sector that runs it.
type employer struct {
	name   string
	sector string // kommunal, privat, frivillig, statlig
}

var domains = []domain{
	{
		key: "renhold",
		ref: "REN",
		titles: []string{
			"Renholdsmedarbeider", "Renholder", "Renholder kveld", "Renholdsassistent",
			"Trappevasker", "Vaskerimedarbeider", "Medarbeider vindusvask",
		},
		employers: []employer{
			{"Grorud Renhold AS", "privat"},
			{"Renholdsservice Furuset AS", "privat"},
			{"Blank & Ren Renhold AS", "privat"},
			{"Klar Kontorrenhold AS", "privat"},
			{"Skinnende Hjem Rengjøring AS", "privat"},
			{"Borettslagservice Romsås AS", "privat"},
			{"Tøyen Vaskeri AS", "privat"},
			{"Skolerenhold Øst KF", "kommunal"},
			{"Bydel Grünerløkka renholdstjeneste", "kommunal"},
			{"Helseforetak Oslo Øst, renholdsavdelingen", "statlig"},
		},
		measures: []string{"arbeidstrening", "arbeidstrening", "arbeidstrening", "lønnstilskudd", "arbeid med bistand", "mentor"},
		skillsRequired: []string{
			"fysisk arbeid", "punktlighet", "følge instruksjoner", "personlig hygiene", "rengjøring", "selvstendighet",
		},
		skillsTrained: []string{
			"renhold", "gulvvask", "maskinell gulvvask", "toalettrengjøring", "støvtørking", "renholdsmidler",
			"renholdsplan", "kjemikaliehåndtering", "trappevask", "vindusvask", "kildesortering", "ergonomi",
			"hms", "vaskeri", "kontorrenhold", "byggrengjøring", "avfallshåndtering",
		},
		schedules: []string{
			"man-fre 06:00-12:00", "man-fre 07:00-13:00", "man-fre 16:00-21:00", "man-fre 17:00-22:00",
			"man,ons,fre 07:00-12:00", "tir-lør 06:00-11:00", "man-fre 07:00-11:00; lør 08:00-12:00",
			"man-fre 06:30-11:50",
		},
		norwegianMin: []string{"", "A1", "A2", "A2", "A2/A1"},
		hardLanguage: 0.1,
		police:       0.1,
		driving:      0.05,
		languages:    []string{"polsk", "litauisk", "arabisk", "somali", "tigrinja", "spansk", "engelsk"},
		adaptations:  []string{"arbeidstid", "fysisk", "språk", "arbeidshverdagen"},
		occupations:  []string{"9112", "9111", "9123", "8157"},
		goals:        []string{"renholder", "vaskehjelp", "jobbe med renhold", "rengjøring", "renholdsoperatør", "fagbrev i renhold"},
		weight:       14,
	},
	{
		key: "hjemmetjeneste",
		ref: "HJT",
		titles: []string{
			"Assistent i hjemmetjenesten", "Hjemmehjelp", "Medarbeider praktisk bistand",
			"Pleieassistent hjemmetjenesten", "BPA-assistent", "Miljøassistent",
		},
		employers: []employer{
			{"Bydel Stovner hjemmetjeneste", "kommunal"},
			{"Bydel Alna hjemmetjeneste", "kommunal"},
			{"Bydel Søndre Nordstrand hjemmetjeneste", "kommunal"},
			{"Bydel Grorud hjemmetjeneste", "kommunal"},
			{"Bydel Gamle Oslo hjemmetjeneste", "kommunal"},
			{"Bydel Bjerke hjemmetjeneste", "kommunal"},
			{"Bydel Sagene hjemmetjeneste", "kommunal"},
			{"Bydel Østensjø praktisk bistand", "kommunal"},
			{"Omsorg i Hjemmet AS", "privat"},
			{"Trygg Hverdag BPA AS", "privat"},
		},
		measures: []string{"arbeidstrening", "arbeidstrening", "arbeidspraksis", "lønnstilskudd", "mentor"},
		skillsRequired: []string{
			"norsk i arbeidslivet", "taushetsplikt", "punktlighet", "kommunikasjon", "tålmodighet", "personlig hygiene",
		},
		skillsTrained: []string{
			"hjemmehjelper", "stell", "personlig stell", "forflytning", "smittevern", "dokumentasjon", "eldreomsorg",
			"demensomsorg", "måltidsbistand", "klesvask", "renhold", "praktisk bistand", "ergonomi",
		},
		schedules: []string{
			"man-fre 07:30-15:00", "man-fre 15:00-22:00", "man-fre 08:00-14:00", "lør,søn 08:00-15:30",
			"man,ons,fre 08:00-15:30", "tir,tor 15:00-21:30; lør 08:00-14:00", "man-fre 07:30-12:00",
		},
		norwegianMin: []string{"B1", "B1", "B1/A2", "B2/B1"},
		hardLanguage: 0.7,
		police:       1.0,
		driving:      0.4,
		languages:    []string{"urdu", "punjabi", "somali", "arabisk", "tyrkisk", "vietnamesisk", "polsk", "tamil", "bosnisk", "persisk"},
		adaptations:  []string{"arbeidstid", "språk", "arbeidshverdagen"},
		occupations:  []string{"5322", "5321", "5329"},
		goals:        []string{"helsefagarbeider", "hjelpepleier", "jobbe i hjemmetjenesten", "jobbe med eldre", "omsorgsarbeid", "hjemmehjelp"},
		weight:       9,
	},
	{
		key: "sykehjem",
		ref: "SYK",
		titles: []string{
			"Pleieassistent", "Assistent på sykehjem", "Aktivitetsassistent", "Miljøassistent",
			"Portør", "Assistent i demensavdeling",
		},
		employers: []employer{
			{"Granly sykehjem", "kommunal"},
			{"Kirsebærhagen helsehus", "kommunal"},
			{"Romsåsveien bo- og omsorgssenter", "kommunal"},
			{"Vesterlia sykehjem", "kommunal"},
			{"Fyrlykta dagsenter for eldre", "kommunal"},
			{"Lillomarka sykehjem, Stiftelsen Eldreomsorg", "frivillig"},
			{"Seniortun Ullern AS", "privat"},
			{"Helseforetak Oslo Øst, pasientservice", "statlig"},
		},
		measures: []string{"arbeidstrening", "arbeidstrening", "arbeidspraksis", "lønnstilskudd", "mentor"},
		skillsRequired: []string{
			"norsk i arbeidslivet", "taushetsplikt", "tålmodighet", "samarbeid", "punktlighet",
		},
		skillsTrained: []string{
			"stell", "forflytning", "demensomsorg", "aktivisering", "måltidsbistand", "smittevern",
			"dokumentasjon", "sengeskift", "sykehjem", "portørtjeneste", "pleie", "ergonomi",
		},
		schedules: []string{
			"man-fre 08:00-15:30", "man-fre 15:00-21:30", "lør,søn 08:00-15:30",
			"man,ons,fre 09:00-14:00", "man-fre 07:30-13:00", "man-tor 08:00-14:00",
		},
		norwegianMin: []string{"B1/A2", "B1", "B1", "A2"},
		hardLanguage: 0.5,
		police:       1.0,
		driving:      0,
		languages:    []string{"urdu", "somali", "arabisk", "polsk", "tigrinja", "tamil", "vietnamesisk", "persisk"},
		adaptations:  []string{"arbeidstid", "språk", "arbeidshverdagen", "fysisk"},
		occupations:  []string{"5321", "5329"},
		goals:        []string{"helsefagarbeider", "jobbe på sykehjem", "pleieassistent", "sykepleier", "portør"},
		weight:       7,
	},
	{
		key: "barnehage",
		ref: "BHG",
		titles: []string{
			"Barnehageassistent", "Assistent i barnehage", "Pedagogisk medarbeider",
			"Assistent på Aktivitetsskolen", "Fritidsklubbassistent", "Språkassistent i barnehage",
		},
		employers: []employer{
			{"Furuset barnehage", "kommunal"},
			{"Rommen barnehage", "kommunal"},
			{"Veitvet barnehage", "kommunal"},
			{"Lindeberg barnehage", "kommunal"},
			{"Holmlia barnehage", "kommunal"},
			{"Mortensrud barnehage", "kommunal"},
			{"Småtroll Barnehager AS, avdeling Vålerenga", "privat"},
			{"Regnbuen familiebarnehage", "privat"},
			{"Aktivitetsskolen Rødtvet", "kommunal"},
			{"Fritidsklubben Tveita", "kommunal"},
			{"Stiftelsen Barnas Hus Grønland", "frivillig"},
		},
		measures: []string{"arbeidstrening", "arbeidstrening", "arbeidspraksis", "lønnstilskudd", "mentor"},
		skillsRequired: []string{
			"norsk i arbeidslivet", "taushetsplikt", "samarbeid", "tålmodighet", "punktlighet",
		},
		skillsTrained: []string{
			"barnehage", "lek og aktivitet", "påkledning", "bleieskift", "språkstimulering", "høytlesning",
			"uteaktiviteter", "foreldresamarbeid", "rydding", "leksehjelp", "smittevern",
		},
		schedules: []string{
			"man-fre 08:00-15:00", "man-fre 07:30-14:00", "man-fre 09:00-15:30",
			"man,ons,fre 08:00-16:00", "tir-tor 09:00-14:00", "man-fre 12:00-17:00",
		},
		norwegianMin: []string{"B1", "B1", "B1/A2", "B2/B1"},
		hardLanguage: 0.6,
		police:       1.0,
		driving:      0,
		languages:    []string{"arabisk", "somali", "urdu", "tigrinja", "polsk", "ukrainsk", "dari", "tamil", "vietnamesisk", "engelsk"},
		adaptations:  []string{"arbeidstid", "språk", "arbeidshverdagen"},
		occupations:  []string{"5311", "5312"},
		goals:        []string{"barnehageassistent", "jobbe i barnehage", "barne- og ungdomsarbeider", "jobbe med barn", "skoleassistent", "barnehagelærer"},
		weight:       9,
	},
	{
		key: "storkjøkken",
		ref: "KJK",
		titles: []string{
			"Kjøkkenassistent", "Kantinemedarbeider", "Kokk i storkjøkken", "Oppvaskmedarbeider",
			"Produksjonsmedarbeider kjøkken", "Cateringassistent", "Hjelpekokk",
		},
		employers: []employer{
			{"Sentralkjøkkenet Økern KF", "kommunal"},
			{"Helsehuset Ryen, kjøkkenet", "kommunal"},
			{"Skolekantina Bjerke videregående", "kommunal"},
			{"Kantina i Nydalen AS", "privat"},
			{"Smak & Sunnhet Catering AS", "privat"},
			{"Lunsjkompaniet Skøyen AS", "privat"},
			{"Statens Hus Bjørvika, kantinen", "statlig"},
			{"Matbanken Oslo Øst", "frivillig"},
			{"Suppestua Grønland", "frivillig"},
		},
		measures: []string{"arbeidstrening", "arbeidstrening", "arbeidspraksis", "lønnstilskudd", "arbeid med bistand"},
		skillsRequired: []string{
			"personlig hygiene", "følge instruksjoner", "fysisk arbeid", "punktlighet", "hygienekursbevis", "samarbeid",
		},
		skillsTrained: []string{
			"kjøkkenarbeid", "oppvask", "anretning", "matforberedelse", "matlaging", "storkjøkken", "mattrygghet",
			"allergener", "spesialkost", "lage mat", "kantine", "catering", "hygienekursbevis", "kildesortering",
		},
		schedules: []string{
			"man-fre 06:30-14:00", "man-fre 07:00-13:00", "man-fre 08:00-15:30",
			"man,tir,tor 07:00-14:00", "man-fre 10:00-14:30", "man-fre 07:00-14:20",
		},
		norwegianMin: []string{"", "A2", "A2/A1", "B1/A2"},
		hardLanguage: 0.15,
		police:       0,
		driving:      0.05,
		languages:    []string{"arabisk", "tigrinja", "somali", "urdu", "vietnamesisk", "thai", "tamil", "engelsk"},
		adaptations:  []string{"arbeidstid", "fysisk", "språk", "arbeidshverdagen"},
		occupations:  []string{"9412", "5120", "5246"},
		goals:        []string{"kokk", "kjøkkenassistent", "jobbe på kjøkken", "lage mat", "institusjonskokk", "kantinemedarbeider"},
		weight:       8,
	},
	{
		key: "kafé",
		ref: "KAF",
		titles: []string{
			"Kafémedarbeider", "Barista", "Kafé- og kjøkkenmedarbeider", "Servitør",
			"Diskmedarbeider", "Bakeriassistent",
		},
		employers: []employer{
			{"Kafé Solsikke", "frivillig"},
			{"Kafé Mangfold, Frivilligsentralen Holmlia", "frivillig"},
			{"Kafé Nabolaget Romsås", "frivillig"},
			{"Kafé Humla, Stovner bibliotek", "kommunal"},
			{"Kulturhuset Haugerud, kafeen", "kommunal"},
			{"Bakgården Kafé Grünerløkka AS", "privat"},
			{"Tøyen Kaffebar AS", "privat"},
			{"Brød og Bønner AS", "privat"},
			{"Parkkafeen Sofienberg AS", "privat"},
			{"Sosial Kaffe Grønland AS", "privat"},
		},
		measures: []string{"arbeidstrening", "arbeidstrening", "arbeidspraksis", "lønnstilskudd", "mentor"},
		skillsRequired: []string{
			"kundebehandling", "personlig hygiene", "punktlighet", "norsk i arbeidslivet", "samarbeid",
		},
		skillsTrained: []string{
			"kafé", "barista", "diskarbeid", "servering", "bordrydding", "oppvask", "kassearbeid", "kundeservice",
			"baking", "smørbrødlaging", "mattrygghet", "oppdekking", "hygienekursbevis",
		},
		schedules: []string{
			"man-fre 08:00-14:00", "tir-lør 10:00-16:00", "man-fre 11:00-17:00",
			"ons-søn 10:00-16:00", "fre 12:00-18:00; lør,søn 09:00-17:00", "man,ons,fre 07:30-13:30",
		},
		norwegianMin: []string{"A2", "A2", "B1/A2", "A2/A1"},
		hardLanguage: 0.1,
		police:       0,
		driving:      0,
		languages:    []string{"engelsk", "arabisk", "spansk", "tyrkisk", "persisk", "somali", "polsk"},
		adaptations:  []string{"arbeidstid", "språk", "arbeidshverdagen"},
		occupations:  []string{"5246", "5131", "5132", "9412"},
		goals:        []string{"kafémedarbeider", "barista", "jobbe på kafé", "servitør", "åpne egen kafé", "baker"},
		weight:       6,
	},
	{
		key: "lager",
		ref: "LAG",
		titles: []string{
			"Lagermedarbeider", "Lagerarbeider", "Plukker", "Truckfører",
			"Medarbeider varemottak", "Pakkemedarbeider", "Terminalarbeider",
		},
		employers: []employer{
			{"Alnabru Logistikk AS", "privat"},
			{"Groruddalen Terminal AS", "privat"},
			{"Økern Lager og Distribusjon AS", "privat"},
			{"Furuset Logistikksenter AS", "privat"},
			{"Matlager Øst AS", "privat"},
			{"Byggvarelageret Ulven AS", "privat"},
			{"Hjelpemiddellageret Alnabru", "statlig"},
			{"Gjenbrukslageret Haugenstua", "frivillig"},
		},
		measures: []string{"arbeidstrening", "arbeidstrening", "arbeidspraksis", "lønnstilskudd", "arbeid med bistand"},
		skillsRequired: []string{
			"fysisk arbeid", "punktlighet", "hms", "følge instruksjoner", "truckførerbevis t1", "stabilt oppmøte",
		},
		skillsTrained: []string{
			"plukking", "varemottak", "pakking", "strekkodeskanning", "truckkjøring", "varetelling", "pallehåndtering",
			"jekketralle", "lagersystem", "returhåndtering", "laste og losse", "truckførerbevis t1", "ergonomi",
			"lagerarbeid", "stemmestyrt plukk",
		},
		schedules: []string{
			"man-fre 07:00-15:00", "man-fre 06:00-14:00", "man-fre 14:00-22:00",
			"man-tor 22:00-06:00", "tir-lør 08:00-16:00", "man,ons,fre 08:00-14:00",
		},
		norwegianMin: []string{"", "A1", "A2", "A2"},
		hardLanguage: 0.05,
		police:       0,
		driving:      0.05,
		languages:    []string{"polsk", "engelsk", "litauisk", "arabisk", "somali", "tigrinja"},
		adaptations:  []string{"arbeidstid", "fysisk", "språk"},
		occupations:  []string{"4321", "9333", "9321", "8344"},
		goals:        []string{"lagermedarbeider", "jobbe på lager", "truckfører", "lagerarbeid", "logistikk"},
		weight:       9,
	},
	{
		key: "butikk",
		ref: "BUT",
		titles: []string{
			"Butikkmedarbeider", "Butikkassistent", "Kassemedarbeider", "Varepåfyller",
			"Butikkmedarbeider gjenbruk", "Lager- og butikkmedarbeider", "Kioskmedarbeider",
		},
		employers: []employer{
			{"Nærbutikken Furuset AS", "privat"},
			{"Matkroken Tøyen AS", "privat"},
			{"Grønland Frukt og Grønt AS", "privat"},
			{"Haugenstua Dagligvare AS", "privat"},
			{"Sport og Fritid Storo AS", "privat"},
			{"Hjem og Hobby Bryn AS", "privat"},
			{"Blomsterhagen Majorstuen AS", "privat"},
			{"Elektrohuset Linderud AS", "privat"},
			{"Kiosken Stovner senter AS", "privat"},
			{"Gjenbruksbutikken Sagene", "frivillig"},
			{"Nabohjelpen bruktbutikk Tøyen", "frivillig"},
		},
		measures: []string{"arbeidstrening", "arbeidstrening", "arbeidspraksis", "lønnstilskudd", "mentor"},
		skillsRequired: []string{
			"kundebehandling", "norsk i arbeidslivet", "regning", "punktlighet", "kundekontakt",
		},
		skillsTrained: []string{
			"butikk", "kassearbeid", "varepåfylling", "vareeksponering", "prismerking", "kundeveiledning",
			"kundeservice", "datokontroll", "ferskvare", "varemottak", "tekstilsortering", "kontanthåndtering",
			"kasseoppgjør", "bruktbutikk",
		},
		schedules: []string{
			"man-fre 08:00-14:00", "man-fre 14:00-20:00", "tir-lør 10:00-16:00",
			"man,ons,fre 15:00-21:00", "man-fre 10:00-15:00; lør 10:00-14:00", "tor,fre 12:00-20:00; lør 09:00-17:00",
		},
		norwegianMin: []string{"A2", "B1/A2", "B1", "A2"},
		hardLanguage: 0.2,
		police:       0,
		driving:      0,
		languages:    []string{"arabisk", "somali", "urdu", "polsk", "tyrkisk", "engelsk", "tigrinja", "ukrainsk", "russisk"},
		adaptations:  []string{"arbeidstid", "språk", "arbeidshverdagen"},
		occupations:  []string{"5223", "9334"},
		goals:        []string{"jobbe i butikk", "butikkmedarbeider", "salg", "butikk", "kassemedarbeider", "drive egen butikk"},
		weight:       9,
	},
	{
		key: "vaktmester",
		ref: "VAK",
		titles: []string{
			"Vaktmesterassistent", "Driftsmedarbeider", "Altmuligmann", "Vaktmester",
			"Driftsassistent idrettsanlegg", "Seniorvaktmester",
		},
		employers: []employer{
			{"Skolebygg Oslo KF, driftsavdeling øst", "kommunal"},
			{"Kommunale Boliger Oslo, drift Grorud", "kommunal"},
			{"Bydel Nordstrand seniorvaktmester", "kommunal"},
			{"Furuset idrettspark, drift", "kommunal"},
			{"Kulturhus Stovner, drift", "kommunal"},
			{"Romsås Sentrum Borettslag", "privat"},
			{"Linderud Eiendomsdrift AS", "privat"},
			{"Vaktmestertjenester Nord AS", "privat"},
		},
		measures: []string{"arbeidstrening", "arbeidstrening", "arbeidspraksis", "lønnstilskudd", "arbeid med bistand"},
		skillsRequired: []string{
			"fysisk arbeid", "verktøybruk", "selvstendighet", "punktlighet", "hms",
		},
		skillsTrained: []string{
			"vaktmester", "enkelt vedlikehold", "maling", "snørydding", "strøing", "vedlikehold av uteområder",
			"møbelmontering", "flytting", "verktøybruk", "elektroverktøy", "avfallshåndtering", "kildesortering",
			"gressklipping", "verneutstyr", "småreparasjoner",
		},
		schedules: []string{
			"man-fre 07:00-15:00", "man-fre 08:00-14:00", "man,ons,fre 07:30-14:30",
			"man-tor 07:00-14:00", "tir-fre 08:00-15:30",
		},
		norwegianMin: []string{"A2", "", "A2/A1", "B1/A2"},
		hardLanguage: 0.1,
		police:       0.2,
		driving:      0.3,
		languages:    []string{"polsk", "engelsk", "arabisk", "somali"},
		adaptations:  []string{"arbeidstid", "fysisk", "arbeidshverdagen"},
		occupations:  []string{"5153", "9622"},
		goals:        []string{"vaktmester", "jobbe som vaktmester", "altmuligmann", "drift og vedlikehold", "byggdrifter"},
		weight:       6,
	},
	{
		key: "verksted",
		ref: "VER",
		titles: []string{
			"Verkstedmedarbeider", "Sykkelmekaniker", "Assistent på bilverksted", "Dekkmontør",
			"Snekkerassistent", "Sveiseassistent", "Produksjonsmedarbeider", "Montør",
		},
		employers: []employer{
			{"Sykkelverkstedet Grønland AS", "privat"},
			{"Bysykkelverkstedet Økern AS", "privat"},
			{"Furuset Bilservice AS", "privat"},
			{"Alna Dekk og Bil AS", "privat"},
			{"Snekkerverkstedet på Hasle AS", "privat"},
			{"Stovner Sveis og Mekanisk AS", "privat"},
			{"Alnaverkstedet AS", "kommunal"},
			{"Møbelverkstedet Gjenbruk Sagene", "frivillig"},
			{"Sykkelhjelpen, Frivilligsentralen Bjerke", "frivillig"},
		},
		measures: []string{"arbeidstrening", "arbeidstrening", "VTA", "lønnstilskudd", "arbeid med bistand", "mentor", "annet"},
		skillsRequired: []string{
			"verktøybruk", "hms", "fysisk arbeid", "følge instruksjoner", "punktlighet",
		},
		skillsTrained: []string{
			"sykkelreparasjon", "punkteringsreparasjon", "bilmekanikk", "dekkskift", "snekring", "trebearbeiding",
			"møbelrestaurering", "sveising", "mig/mag-sveising", "metallbearbeiding", "montering", "maskinbetjening",
			"elektroverktøy", "kvalitetskontroll", "samlebånd", "søm", "verneutstyr", "pakking", "sykkelverksted",
		},
		schedules: []string{
			"man-fre 08:00-15:00", "man-tor 08:30-14:30", "man-fre 09:00-15:00",
			"man,ons,fre 08:00-15:30", "tir-lør 10:00-17:00",
		},
		norwegianMin: []string{"", "A1", "A2", "A2/A1"},
		hardLanguage: 0.05,
		police:       0,
		driving:      0.1,
		languages:    []string{"polsk", "engelsk", "arabisk", "tigrinja", "dari"},
		adaptations:  []string{"arbeidstid", "fysisk", "arbeidshverdagen", "språk"},
		occupations:  []string{"7234", "7231", "7115", "7522", "7212", "8219", "9329"},
		goals:        []string{"sykkelmekaniker", "bilmekaniker", "snekker", "sveiser", "jobbe på verksted", "mekaniker", "produksjon"},
		weight:       7,
	},
	{
		key: "kontor",
		ref: "KON",
		titles: []string{
			"Kontormedarbeider", "Kontorassistent", "Resepsjonsmedarbeider", "IT-assistent",
			"Brukerstøtte", "Arkivmedarbeider", "Digital veileder", "Kundesentermedarbeider",
		},
		employers: []employer{
			{"Bydel Grorud, servicetorget", "kommunal"},
			{"Bydel Sagene, bydelsadministrasjonen", "kommunal"},
			{"Furuset bibliotek", "kommunal"},
			{"Direktoratet for mangfold, Oslo", "statlig"},
			{"Helseforetak Oslo Øst, dokumentsenteret", "statlig"},
			{"Regnskapshuset Økern AS", "privat"},
			{"IT-Gjenbruk Alna AS", "privat"},
			{"Nordlys Kundeservice AS", "privat"},
			{"Frivillighetshuset Tøyen", "frivillig"},
			{"Datahjelpen Holmlia, Frivilligsentralen", "frivillig"},
		},
		measures: []string{"arbeidstrening", "arbeidstrening", "arbeidspraksis", "lønnstilskudd", "mentor"},
		skillsRequired: []string{
			"digitale ferdigheter", "norsk i arbeidslivet", "lese og skrive", "taushetsplikt", "kundebehandling", "e-post",
		},
		skillsTrained: []string{
			"arkivering", "dokumentskanning", "postbehandling", "registrering", "excel", "word", "office", "e-post",
			"telefonbetjening", "sentralbord", "resepsjon", "brukerstøtte", "pc-oppsett", "pc-reparasjon",
			"kundesenter", "maskinskriving", "fakturering", "kontorarbeid", "elektronikkgjenvinning",
		},
		schedules: []string{
			"man-fre 09:00-15:00", "man-fre 08:00-15:45", "man-fre 08:30-14:30",
			"tir-tor 09:00-15:00", "man,ons 09:00-15:00; fre 09:00-12:00",
		},
		norwegianMin: []string{"B1", "B1", "B2/B1", "B1/A2"},
		hardLanguage: 0.4,
		police:       0.05,
		driving:      0,
		languages:    []string{"engelsk", "arabisk", "somali", "urdu", "polsk", "ukrainsk", "russisk", "tigrinja", "dari"},
		adaptations:  []string{"arbeidstid", "språk", "arbeidshverdagen", "fysisk"},
		occupations:  []string{"4110", "4226", "3512", "4132", "4415", "4222"},
		goals:        []string{"kontormedarbeider", "jobbe på kontor", "it-support", "administrasjon", "regnskap", "jobbe med it"},
		weight:       6,
	},
	{
		key: "hotell",
		ref: "HOT",
		titles: []string{
			"Romassistent", "Romassistent helg", "Frokostmedarbeider", "Resepsjonsmedarbeider",
			"Hotellmedarbeider", "Vaskerimedarbeider hotell", "Konferansevert",
		},
		employers: []employer{
			{"Hotell Akerselva AS", "privat"},
			{"Bjørvika Budsjetthotell AS", "privat"},
			{"Grønland Gjestehus AS", "privat"},
			{"Hotell Nordstjerna Oslo AS", "privat"},
			{"Sentrum Leilighetshotell AS", "privat"},
			{"Frognerparken Pensjonat AS", "privat"},
			{"Ekeberg Konferansehotell AS", "privat"},
			{"Tøyen Vandrerhjem", "frivillig"},
		},
		measures: []string{"arbeidstrening", "arbeidstrening", "arbeidspraksis", "lønnstilskudd"},
		skillsRequired: []string{
			"personlig hygiene", "fysisk arbeid", "punktlighet", "selvstendighet",
		},
		skillsTrained: []string{
			"romrengjøring", "sengeoppredning", "tøyhåndtering", "toalettrengjøring", "støvtørking", "gulvvask",
			"frokostservering", "oppdekking", "hotellresepsjon", "kundeservice", "konferanseservice",
			"bagasjehåndtering", "renholdsmidler", "housekeeping",
		},
		schedules: []string{
			"man-fre 08:00-14:00", "lør,søn 08:00-15:00", "tir-lør 09:00-15:00",
			"man-fre 06:30-11:00", "fre-søn 09:00-15:00", "man-fre 15:00-23:00",
		},
		norwegianMin: []string{"", "A2", "A2/A1", "A2", "B1"},
		hardLanguage: 0.1,
		police:       0,
		driving:      0,
		languages:    []string{"engelsk", "spansk", "polsk", "tysk", "fransk", "arabisk", "thai", "tagalog"},
		adaptations:  []string{"arbeidstid", "fysisk", "språk"},
		occupations:  []string{"9112", "4224", "5131", "9412"},
		goals:        []string{"romassistent", "jobbe på hotell", "hotellresepsjonist", "resepsjon", "housekeeping"},
		weight:       6,
	},
	{
		key: "grøntarbeid",
		ref: "GRO",
		titles: []string{
			"Parkarbeider", "Grøntarbeider", "Gartnerassistent", "Kirkegårdsarbeider",
			"Anleggsgartnerassistent", "Medarbeider hage og park",
		},
		employers: []employer{
			{"Park og Grønt Oslo Øst", "kommunal"},
			{"Gravlundsdriften Østre", "kommunal"},
			{"Grøntanlegg Nord AS", "privat"},
			{"Hageservice Lambertseter AS", "privat"},
			{"Gartneriet Grorud AS", "privat"},
			{"Statlige Parker Oslo", "statlig"},
			{"Andelslandbruket Linderud", "frivillig"},
			{"Nabolagshager Tøyen", "frivillig"},
		},
		measures: []string{"arbeidstrening", "arbeidstrening", "arbeidspraksis", "lønnstilskudd", "arbeid med bistand"},
		skillsRequired: []string{
			"fysisk arbeid", "hms", "punktlighet", "samarbeid", "verneutstyr",
		},
		skillsTrained: []string{
			"gressklipping", "beskjæring", "luking", "planting", "løvraking", "hagemaskiner", "parkrenhold",
			"gartneri", "kirkegård", "hagearbeid", "snørydding", "strøing", "motorsagkurs", "arbeidsvarsling",
			"verktøybruk",
		},
		schedules: []string{
			"man-fre 07:00-14:30", "man-tor 07:00-14:30", "man,ons,fre 08:00-14:00",
			"man-fre 07:00-12:00", "tir-fre 08:00-15:00",
		},
		norwegianMin: []string{"", "A1", "A2"},
		hardLanguage: 0.05,
		police:       0,
		driving:      0.2,
		languages:    []string{"polsk", "engelsk", "tigrinja", "arabisk", "dari"},
		adaptations:  []string{"arbeidstid", "fysisk", "arbeidshverdagen"},
		occupations:  []string{"9214", "6113", "9613"},
		goals:        []string{"gartner", "jobbe ute", "anleggsgartner", "parkarbeider", "jobbe med planter", "grøntarbeid"},
		weight:       5,
	},
	{
		key: "transport",
		ref: "TRA",
		titles: []string{
			"Sjåfør", "Budsjåfør", "Varebilsjåfør", "Sjåførassistent", "Flyttemedarbeider", "Sjåfør klasse B",
		},
		employers: []employer{
			{"Byfrakt Alna AS", "privat"},
			{"Grorud Budservice AS", "privat"},
			{"Hjemlevering Øst AS", "privat"},
			{"Oslo Flytteservice AS", "privat"},
			{"Bydel Alna, transporttjenesten", "kommunal"},
			{"Sjåførtjenesten, Frivilligsentralen Bjerke", "frivillig"},
			{"Helseforetak Oslo Øst, intern transport", "statlig"},
		},
		measures: []string{"arbeidstrening", "arbeidstrening", "lønnstilskudd", "arbeid med bistand"},
		skillsRequired: []string{
			"førerkort klasse b", "punktlighet", "kundebehandling", "selvstendighet",
		},
		skillsTrained: []string{
			"varelevering", "budkjøring", "varebilkjøring", "ruteplanlegging", "lastsikring", "laste og losse",
			"flytting", "kundeservice", "kjørerute",
		},
		schedules: []string{
			"man-fre 07:00-15:00", "man-fre 06:00-12:00", "tir-lør 08:00-16:00",
			"man-fre 12:00-20:00", "man,ons,fre 08:00-15:00",
		},
		norwegianMin: []string{"A2", "B1/A2", "A2"},
		hardLanguage: 0.15,
		police:       0.1,
		driving:      0.9,
		languages:    []string{"polsk", "engelsk", "arabisk", "urdu", "somali"},
		adaptations:  []string{"arbeidstid", "språk"},
		occupations:  []string{"8322", "9621", "8332"},
		goals:        []string{"sjåfør", "budsjåfør", "lastebilsjåfør", "taxisjåfør", "jobbe med transport", "yrkessjåfør"},
		weight:       4,
	},
}

// districts are Oslo's fifteen bydeler.
var districts = []string{
	"Alna", "Bjerke", "Frogner", "Gamle Oslo", "Grorud", "Grünerløkka", "Nordre Aker", "Nordstrand",
	"Sagene", "St. Hanshaugen", "Stovner", "Søndre Nordstrand", "Ullern", "Vestre Aker", "Østensjø",
}

// origin is where a group of the office's job seekers come from: the names
// they carry and the languages they speak besides Norwegian. Names and
// languages go together, so that a person called Fadumo Warsame speaks
// Somali rather than Polish.
type origin struct {
	key       string
	given     []string
	family    []string
	languages []string // the first language first, then common second languages
	weight    int      // relative share of the office's candidates
	native    bool     // Norwegian is their first language
	refugee   bool     // may be in the introduction programme (introprogram)
}

// norwegianFamily are Norwegian family names; people of other origins who
// married into a Norwegian family carry them too.
var norwegianFamily = []string{
	"Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen",
	"Karlsen", "Berg", "Haugen", "Hagen", "Bakken", "Lie", "Strand", "Dahl", "Solberg", "Moen", "Eriksen",
}

// origins are the origins of an Oslo NAV office's job seekers, weighted
// roughly as they are among those who need work training in the eastern
// districts.
var origins = []origin{
	{key: "norsk", weight: 30, native: true,
		given: []string{"Kari", "Ole", "Ingrid", "Lars", "Marte", "Jonas", "Sofie", "Emil", "Nora", "Henrik", "Ida",
			"Magnus", "Silje", "Anders", "Hege", "Tor", "Camilla", "Kristian", "Line", "Espen", "Tone", "Stian"},
		family:    norwegianFamily,
		languages: []string{"engelsk", "spansk", "tysk"}},
	{key: "somalisk", weight: 12, refugee: true,
		given: []string{"Abdirahman", "Fadumo", "Hodan", "Mohamed", "Ayaan", "Abdullahi", "Hawa", "Farhiya", "Liban",
			"Sahra", "Ilhan", "Yusuf", "Deeqa", "Nimco", "Abdiaziz"},
		family:    []string{"Mohamed", "Ali", "Hassan", "Abdi", "Warsame", "Farah", "Osman", "Jama", "Hussein", "Nur", "Aden", "Ahmed"},
		languages: []string{"somali", "arabisk", "engelsk", "swahili"}},
	{key: "syrisk", weight: 10, refugee: true,
		given: []string{"Ahmad", "Rania", "Omar", "Lina", "Khaled", "Noor", "Yasmin", "Mahmoud", "Hiba", "Samer", "Dima",
			"Tarek", "Layla", "Bashar", "Rasha"},
		family:    []string{"Al-Hassan", "Haddad", "Khalil", "Nasser", "Saleh", "Mansour", "Darwish", "Hamdan", "Al-Khatib", "Youssef"},
		languages: []string{"arabisk", "engelsk", "kurdisk", "tyrkisk"}},
	{key: "eritreisk", weight: 8, refugee: true,
		given: []string{"Yonas", "Senait", "Tesfay", "Helen", "Filmon", "Selam", "Mebrahtu", "Rahel", "Semhar", "Dawit",
			"Saron", "Berhane", "Luwam"},
		family:    []string{"Tesfamariam", "Gebremedhin", "Haile", "Tekle", "Kidane", "Ghebreyesus", "Woldemichael", "Mehari", "Asfaha", "Habte"},
		languages: []string{"tigrinja", "amharisk", "arabisk", "engelsk"}},
	{key: "afghansk", weight: 7, refugee: true,
		given: []string{"Zahra", "Farid", "Mariam", "Mustafa", "Parwana", "Hamid", "Shabnam", "Jawad", "Fereshta", "Sayed",
			"Nargis", "Rahim"},
		family:    []string{"Ahmadi", "Rahimi", "Hosseini", "Sultani", "Karimi", "Noori", "Amiri", "Haidari", "Sadat", "Mohammadi"},
		languages: []string{"dari", "pashto", "persisk", "engelsk"}},
	{key: "polsk", weight: 6,
		given: []string{"Piotr", "Agnieszka", "Tomasz", "Katarzyna", "Marcin", "Joanna", "Paweł", "Magdalena", "Krzysztof",
			"Ewa", "Łukasz", "Monika"},
		family:    []string{"Nowak", "Kaczmarek", "Mazur", "Krawczyk", "Wróbel", "Pawlak", "Michalak", "Wieczorek", "Sikora", "Baran"},
		languages: []string{"polsk", "engelsk", "tysk"}},
	{key: "ukrainsk", weight: 10, refugee: true,
		given: []string{"Olena", "Oleksandr", "Iryna", "Dmytro", "Nataliia", "Andrii", "Oksana", "Serhii", "Yuliia",
			"Viktor", "Tetiana", "Bohdan"},
		family:    []string{"Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boyko", "Oliynyk", "Kovalchuk", "Savchenko"},
		languages: []string{"ukrainsk", "russisk", "engelsk", "polsk"}},
	{key: "pakistansk", weight: 5,
		given: []string{"Imran", "Sana", "Bilal", "Ayesha", "Usman", "Nadia", "Faisal", "Samina", "Kamran", "Rubina",
			"Asif", "Saima"},
		family:    []string{"Khan", "Butt", "Chaudhry", "Malik", "Iqbal", "Rana", "Mirza", "Akhtar", "Qureshi", "Javed"},
		languages: []string{"urdu", "punjabi", "engelsk"}},
	{key: "kurdisk", weight: 4, refugee: true,
		given:     []string{"Karwan", "Shilan", "Hawre", "Rezan", "Dilan", "Aram", "Nasrin", "Rebwar", "Zhino", "Sherko"},
		family:    []string{"Abdullah", "Rashid", "Aziz", "Mahmood", "Kareem", "Hamad", "Sharif", "Taha", "Jalal"},
		languages: []string{"kurdisk", "arabisk", "persisk", "tyrkisk"}},
	{key: "vietnamesisk", weight: 2,
		given:     []string{"Thanh", "Linh", "Minh", "Huong", "Tuan", "Mai", "Duc", "Lan", "Quang", "Thao"},
		family:    []string{"Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui"},
		languages: []string{"vietnamesisk", "engelsk"}},
	{key: "tamilsk", weight: 1,
		given:     []string{"Tharshini", "Kumaran", "Vithya", "Kajan"},
		family:    []string{"Sivakumar", "Rajendran", "Nadarajah"},
		languages: []string{"tamil", "engelsk"}},
	{key: "filippinsk", weight: 1,
		given:     []string{"Maricel", "Jerome", "Rowena", "Mark"},
		family:    []string{"Reyes", "Santos", "Cruz", "Garcia"},
		languages: []string{"tagalog", "engelsk"}},
	{key: "litauisk", weight: 1,
		given:     []string{"Tomas", "Rasa", "Aistė", "Mindaugas"},
		family:    []string{"Petrauskas", "Kazlauskas", "Jankauskas"},
		languages: []string{"litauisk", "russisk", "engelsk"}},
	{key: "etiopisk", weight: 1, refugee: true,
		given:     []string{"Meron", "Abebe", "Tigist", "Yared"},
		family:    []string{"Bekele", "Girma", "Tadesse", "Alemu"},
		languages: []string{"amharisk", "oromo", "engelsk"}},
	{key: "iransk", weight: 1, refugee: true,
		given:     []string{"Shirin", "Reza", "Maryam", "Babak"},
		family:    []string{"Rezaei", "Moradi", "Jafari"},
		languages: []string{"persisk", "engelsk"}},
	{key: "chilensk", weight: 1,
		given:     []string{"Diego", "Valentina", "Camila", "Matías"},
		family:    []string{"Fuentes", "Rojas", "Muñoz"},
		languages: []string{"spansk", "engelsk"}},
	{key: "tyrkisk", weight: 1,
		given:     []string{"Emre", "Elif", "Mehmet", "Ayşe"},
		family:    []string{"Yilmaz", "Kaya", "Demir", "Şahin"},
		languages: []string{"tyrkisk", "kurdisk", "engelsk"}},
	{key: "thai", weight: 1,
		given:     []string{"Siriporn", "Malee", "Nok"},
		family:    norwegianFamily,
		languages: []string{"thai", "engelsk"}},
}

// givenNames and familyNames list every name of every origin once.
var givenNames, familyNames = originNames()

func originNames() (given, family []string) {
	seenGiven, seenFamily := map[string]bool{}, map[string]bool{}
	for _, o := range origins {
		for _, n := range o.given {
			if !seenGiven[n] {
				seenGiven[n] = true
				given = append(given, n)
			}
		}
		for _, n := range o.family {
			if !seenFamily[n] {
				seenFamily[n] = true
				family = append(family, n)
			}
		}
	}
	return given, family
}

// specialists are the office's job specialists.
var specialists = []string{
	"Ingrid Solheim", "Marius Brekke", "Samira El-Amin", "Hanne Bjørnstad", "Jonas Lindqvist",
	"Amina Warsame", "Trond Haugland", "Kristine Aas", "Bilal Hussain", "Ewa Nowicka",
	"Sindre Myhre", "Lene Vik",
}

// candidateSkills are skills candidates list beyond those of the work they
// want: general work skills, certificates and things learned elsewhere.
var candidateSkills = []string{
	"punktlighet", "samarbeid", "kundebehandling", "hms", "norsk i arbeidslivet", "digitale ferdigheter",
	"excel", "word", "office", "e-post", "førerkort klasse b", "truckførerbevis t1", "hygienekursbevis",
	"førstehjelpskurs", "matlaging", "renhold", "fysisk arbeid", "orden og ryddighet", "selvstendighet",
	"følge instruksjoner", "regning", "lese og skrive", "maskinskriving", "søm", "tolking", "kassearbeid",
	"snekring", "sykkelreparasjon", "taushetsplikt", "personlig hygiene", "kundeservice", "stabilt oppmøte",
	"fleksibilitet", "tålmodighet", "kommunikasjon", "ansvarlighet", "arbeidsvilje", "baking",
	"rengjøring", "lappen", "data", "teamarbeid", "lage mat", "barnepass", "omsorg", "salg",
	"maling", "hagearbeid", "sveising", "førstehjelp",
}

// otherLanguages are languages candidates speak besides Norwegian, in the
// lower-case Norwegian names the import accepts, the most common first.
var otherLanguages = []string{
	"engelsk", "arabisk", "somali", "tigrinja", "polsk", "ukrainsk", "urdu", "dari", "kurdisk", "persisk",
	"russisk", "pashto", "punjabi", "tyrkisk", "vietnamesisk", "tamil", "amharisk", "oromo", "litauisk",
	"spansk", "fransk", "thai", "tagalog", "swahili", "portugisisk", "bosnisk", "albansk", "rumensk",
	"bengali", "tysk",
}

// availabilities are weekly availabilities as specialists write them:
// full time for KVP, mornings or afternoons around Norwegian classes,
// school hours for parents, evenings and weekends for those who study or
// care for someone in the day.
var availabilities = []string{
	"man-fre 08:00-15:30",                      // KVP, full time
	"man-fre 07:00-15:00",                      // full time, early
	"man-fre 08:00-12:00",                      // norskkurs in the afternoon
	"man-fre 12:00-16:00",                      // norskkurs in the morning
	"man-fre 12:30-16:00",                      // norskkurs until noon, then travel
	"man,ons,fre 09:00-15:00",                  // norskkurs tuesdays and thursdays
	"man-fre 09:00-14:30",                      // children in school or kindergarten
	"man-fre 08:30-14:00",                      // children, shorter day
	"tir,tor 08:00-16:00; fre 08:00-12:00",     // course on mondays and wednesdays
	"man,tir 08:00-15:30; tor,fre 12:00-16:00", // norskkurs wednesday and two mornings
	"man-tor 09:00-14:00",                      // reduced hours
	"man-fre 10:00-14:00",                      // health: short days
	"tir-fre 08:00-14:00",                      // treatment on mondays
	"man-fre 16:00-22:00",                      // evenings
	"man-fre 17:00-22:00; lør 09:00-15:00",     // evenings and saturday
	"lør,søn 08:00-16:00",                      // weekends only
	"ons-fre 09:00-15:00; lør 10:00-16:00",     // later in the week
	"man-fre 06:00-14:00",                      // early shifts
	"man-søn 07:00-23:00",                      // fully flexible
	"man,ons 12:00-16:00; tir,tor,fre 08:00-16:00",
	"man-fre 12:20-16:00", // norskkurs ends 12:00, twenty minutes to travel
}

// contactFirst and contactLast make the names of contact persons at
// employers.
var (
	contactFirst = []string{
		"Anne", "Bjørn", "Cecilie", "Dag", "Elin", "Frode", "Gro", "Håkon", "Inger", "Jan", "Kjersti",
		"Lise", "Morten", "Nina", "Per", "Randi", "Siri", "Terje", "Unni", "Vegard", "Åse", "Fatima",
		"Ali", "Marta", "Hassan", "Leila", "Tuan", "Agnieszka", "Sara", "Erik", "Mona", "Rune",
	}
	contactLast = []string{
		"Aasen", "Bakke", "Christensen", "Dalen", "Eide", "Fjeld", "Gundersen", "Holm", "Iversen",
		"Jacobsen", "Knutsen", "Lund", "Myklebust", "Nygaard", "Olsen", "Pettersen", "Rønning", "Sandvik",
		"Thorsen", "Ulstein", "Vold", "Østby", "Aune", "Ahmed", "Khan", "Nguyen", "Kowalczyk", "Berntsen",
		"Halvorsen", "Tangen",
	}
)
