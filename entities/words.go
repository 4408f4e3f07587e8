package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the one list of the words that end organizations' names
// (or open them, in French, Spanish and Portuguese) and the one list of
// titles and roles. The rules here and package quotes
// (through IsTitle, for its speakers) read them, so a word added for one
// reader is added once, with its marks saying who reads it.

// orgWord marks what a word that ends organization names is used for.
type orgWord uint8

const (
	// orgHead: a name defined with an acronym and ending in the word is an
	// organization ("Cambodian Youth Network (CYN)"), and no person's name
	// holds the word.
	orgHead orgWord = 1 << iota
	// orgRuleHead: a capitalized run ending in the word is an organization
	// with no other evidence ("Phnom Penh Municipal Court", findOrgs).
	orgRuleHead
	// orgLeadHead: a French, Spanish or Portuguese word that opens an
	// organization's name, with the capitalized words and connector
	// phrases after it ("Procuraduría Agraria", "Ministerio de Seguridad",
	// "Secretaria de Segurança Pública da Bahia").
	orgLeadHead
	// orgKindNoun: a noun for a kind of organization, after which a
	// capitalized name is that organization's ("the company Guacimal",
	// "le syndicat Solidaires", "o jornal Folha"), even one word long.
	orgKindNoun
)

// orgWords end organizations' names, or open them (orgLeadHead); keys are
// lower case. Three words are
// heads only after an acronym's definition: a capitalized "Human Rights
// Defenders" in a heading is more often the people than a group. The words
// marked orgRuleHead alone ("Prison", "House", "Police") are read as heads
// by the rules but may still be part of a person's or a place's name.
var orgWords = markWords(
	group[orgWord]{orgHead | orgRuleHead, `
		agency alliance assembly association authority bank bureau center centre coalition
		commission committee council court department federation forum foundation front fund group
		initiative institute league ministry movement network office organisation organization party
		project secretariat service society union unit watch`},
	group[orgWord]{orgHead, `defenders international nations`},
	group[orgWord]{orgRuleHead, `
		army battalion brigade college company corporation directorate division force government hall
		hospital house lawyers mission observatory parliament police prison senate squad tribunal
		university`},
	// Newspapers' names end in these: "Washington Post", "Khmer Times",
	// "Manila Courier", "China Daily", "Harbour Inquirer", "Wall Street
	// Journal". Words that are also common adjectives or nouns of names
	// ("Star", "Sun", "Standard", "Independent", "Mirror") are left out.
	group[orgWord]{orgRuleHead, newspaperHeadWords},
	// Companies' names, and bodies' that the lists above lack: "Palantir
	// Technologies", "Midad Energy", "Korean Confederation of Trade Unions".
	group[orgWord]{orgRuleHead, `
		academy administration airlines airways caucus chamber collective confederation consortium
		cooperative corp corporation electronics energy enforcement gmbh guild holdings inc industries
		llc ltd motors partners pharmaceuticals plc platform syndicate systems technologies`},
	// Parties' and movements' names end in these too: "Indian National
	// Congress", "Muslim Brotherhood", "Australian Greens".
	group[orgWord]{orgRuleHead, `brotherhood congress greens`},

	// No English word is among them: "Police Officer John Smith" is no
	// organization.
	group[orgWord]{orgLeadHead, `
		agence agencia agência alcaldía alianza armée asamblea assemblée assembleia asociación
		associação audiencia ayuntamiento banco banque cámara câmara centro chambre colectivo
		collectif coletivo comisión comissão comité comitê confederación confédération
		confederação congreso congrès congresso conseil conselho consejería consejo coordinadora
		corte cour defensoría dirección direção ejército exército federación fédération federação
		fiscalía fondation frente fundación fundação gendarmerie gobernación gobierno gouvernement governo
		institut instituto juzgado liga ligue mairie ministère ministerio ministério movimiento
		mouvement movimento observatoire observatorio oficina organización organização ouvidoria parlamento
		parlement parti partido policía polícia préfecture prefectura prefeitura procuraduría rede
		secretaría secretaria senado sénat sindicato superintendencia syndicat unión união
		universidad université universidade`},
	// "broadcaster" is left out: it names a person ("Surigao del Sur
	// broadcaster Ana Ruiz") as often as a company, and is a role below.
	group[orgWord]{orgKindNoun, `
		agency company daily diario emissora empresa entreprise firm group groupe grupo
		hebdomadaire jornal journal magazine newspaper outlet partido parti party periódico
		quotidien revista société syndicat union website`},
	// The nouns business news puts before a company's name, a general
	// pattern of the trade press ("oil giant Lukoil", "the carmaker
	// Renault", "the retailer Carrefour", "social media platform X").
	// "producer" and "maker" are left out: "film producer Anna Ruiz" is a
	// person.
	group[orgWord]{orgKindNoun, `
		automaker carmaker conglomerate giant insurer multinational platform retailer`},
	// Broadcasters and weeklies in French, Spanish and Portuguese ("el
	// canal … NTN24", "la chaîne d’information …", "la cadena Univision",
	// "el semanario Proceso").
	group[orgWord]{orgKindNoun, `canal chaîne cadena televisora semanario`},
)

// newspaperHeadWords end newspapers' names (see orgWords); newspaperHeads
// holds them for theNewspaper.
const newspaperHeadWords = `chronicle courier daily dispatch examiner gazette herald inquirer journal post
	telegraph times tribune`

var newspaperHeads = wordSet(newspaperHeadWords)

// writtenHeads end organizations' names as written here, in capitals or
// mixed case, and are matched so: the endings of broadcasters' and news
// outlets' names in every language that borrows them ("Meydan TV",
// "Capital FM", "Abzas Media", "Barangay Radio"), and the legal forms of
// companies in the world's commercial registers ("Kestrel AG", "Talvera
// S.A.", "Orsa SpA", "Norvik ASA"). After a capitalised name they end it,
// even one word long. They stay out of orgWords on purpose: IsOrgNoun
// would make "the media said" a body's words, and "sa" is French for
// "her". "News" is left out: "Breaking News" is no outlet.
var writtenHeads = wordSet(`TV FM Media Radio
	AG SA S.A. NV N.V. SE SpA LLC LLP PLC BV B.V. GmbH S.A.S. SAS SRL S.R.L. Ltda Oyj ASA SARL S.A.R.L.`)

// placeSuffixes are the writtenHeads that are also abbreviations written
// after a place or a street: a state ("Reno NV", "Adelaide SA"), a city's
// quarter ("Pennsylvania Ave SE"), an attorney general ("Texas AG Ken
// Paxton"). After a place, or before a capitalised name, they end no
// company's name.
var placeSuffixes = wordSet(`AG SA NV SE`)

// IsOrgNoun reports whether lower, a lower-case word, is a noun that ends
// or opens organizations' names ("ministry", "court", "sindicato"): "the
// ministry said" stands for a ministry the text named.
func IsOrgNoun(lower string) bool { return orgWords[lower]&(orgHead|orgRuleHead|orgLeadHead) != 0 }

// isOrgHead reports whether lower, a lower-case word, carries mark.
func isOrgHead(lower string, mark orgWord) bool { return orgWords[lower]&mark != 0 }

// personWord marks what a title, role or verb says about the name after it.
type personWord uint8

const (
	// introducesName: a capitalized run right after the word is a person's
	// name (findPeople): "Ms", "activist", "spokesperson", and verbs whose
	// object is usually people ("release Ny Sokha, Nay Vanda and Lim Mony").
	introducesName personWord = 1 << iota
	// honorific: the word may stand before a surname alone ("Ms Brooks").
	honorific
	// title: a title or office written before a name and no part of it
	// ("Prime Minister Hun Sen"), which quotes drops from a speaker's name.
	title
	// office: a noun for one person by the office they hold, which stands
	// for them alone after a definite article ("said the Ambassador", "el
	// relator especial planteó"), as quotes resolves speakers.
	office
)

// personWords are the titles, roles and verbs that stand before people's
// names; keys are lower case.
var personWords = markWords(
	// Honorifics, and the French "M.", "Mme".
	group[personWord]{introducesName | honorific | title, `dr miss mr mrs ms prof samdech`},
	group[personWord]{introducesName | honorific, `m mme`},
	// Titles and roles that introduce a name and are no part of it.
	group[personWord]{introducesName | title, `
		activist advocate ambassador chairman director general governor king lawyer leader mayor
		minister president prince princess professor queen senator spokesman spokesperson
		spokeswoman`},
	// Religious titles, no part of the name after them ("a cleric, Mufti
	// Dawood", "Ayatollah Khamenei", "Cardinal Zen"); "Sheikh" is left
	// out, as it opens names ("Sheikh Hasina").
	group[personWord]{introducesName | title, `archbishop ayatollah cardinal maulana maulvi mufti mullah rabbi`},
	// The same in French, Spanish and Portuguese, with the military ranks
	// that stand before a name there ("el gobernador Camilo Romero", "o
	// Coronel Brilhante Ustra", "Cel. Brilhante Ustra", "le ministre
	// Gérald Darmanin").
	group[personWord]{introducesName | title, `
		alcalde alcaldesa cel coronel commissioner diputada diputado deputada deputado député
		gobernador gobernadora governador governadora général juez jueza juiz juíza ministra ministre
		ministro prefeito presidenta presidente président présidente senador senadora sénateur`},
	// Titles written before a name but too common alone to introduce one
	// ("Deputy", "Justice", "Father").
	group[personWord]{title, `
		bishop brother capt captain chair chairwoman chumteav col colonel dame deputy father gen
		judge justice lady lok lord lt oknha opposition prime rep rev reverend secretary sir sister
		undersecretary under-secretary vice`},
	// Roles, and nouns for people ("women", "students").
	group[personWord]{introducesName, `
		academic activists artist author blogger broadcaster candidate cartoonist chairperson co-founder
		comedian commander-in-chief commentator coordinator councillor counsellor defender defenders
		doctor editor farmer figure filmmaker founder imam journalist journalists lawmaker lawyers
		legislator man manager member members men monk monks novelist official officials owner
		pastor photographer poet politician priest président présidente rapper rapporteur reporter
		researcher scholar secretary-general singer student students teacher unionist vice-president
		woman women writer
		abogada abogado activista advogada advogado ativista avocat avocate journaliste jornalista
		militante periodista porte-parole portavoz vocera vocero
		agriculteur agricultrice agricultor agricultora campesina campesino camponesa camponês
		étudiant étudiante estudiante estudante paysan paysanne`},
	// Verbs and words whose object is people: "said Phil Robertson",
	// "Reporting by Prak Chan Thul", "please contact Naly Pilorge",
	// "a déclaré Dimitris Christopoulos".
	group[personWord]{introducesName, `
		acquitted against arrested by charged contact convicted detained déclaré free including
		jailed pardoned release said says sentenced summoned`},
	// Offices, in English, French, Spanish and Portuguese.
	group[personWord]{office, `
		ambassador candidate chairman chairperson chairwoman chief commissioner commissioner-general
		coordinator director director-general envoy governor head leader mayor minister president
		prosecutor rapporteur representative secretary-general spokesman spokesperson spokeswoman
		ambassadeur ambassadrice candidat candidate dirigeant dirigeante directeur directrice
		ministre porte-parole président présidente procureur rapporteuse
		alcalde alcaldesa candidata candidato coordinador coordinadora directora dirigente
		embajador embajadora fiscal gobernador gobernadora lider líder ministra ministro portavoz
		presidenta presidente relator relatora representante vocera vocero`},
)

// group is words that carry one mark, as written in a table: separated by
// spaces.
type group[M ~uint8] struct {
	mark  M
	words string
}

// markWords builds the lookup table of a list of words: each word maps to
// the marks of the groups it stands in.
func markWords[M ~uint8](groups ...group[M]) map[string]M {
	marks := map[string]M{}
	for _, g := range groups {
		for _, w := range strings.Fields(g.words) {
			marks[w] |= g.mark
		}
	}
	return marks
}

// introduces reports whether lower, a lower-case word, puts a person's name
// after it.
func introduces(lower string) bool { return personWords[lower]&introducesName != 0 }

// isHonorific reports whether w, as written, is an honorific that may stand
// before a surname alone: capitalized ("Ms", not "MS" or "ms").
func isHonorific(w string) bool {
	return titleCased(w) && personWords[strings.ToLower(w)]&honorific != 0
}

// IsOffice reports whether lower, a lower-case word, names one person by
// the office they hold ("ambassador", "relatora", "porte-parole").
func IsOffice(lower string) bool { return personWords[lower]&office != 0 }

// IsTitle reports whether w, as written, is a title or office that comes
// before a person's name and is no part of it ("Mr", "Dr.", "Minister",
// "Samdech"): capitalized, a final full stop allowed. Package quotes strips
// these from speakers' names.
func IsTitle(w string) bool {
	w = strings.TrimSuffix(w, ".")
	return titleCased(w) && personWords[strings.ToLower(w)]&title != 0
}

// titleCased reports whether w is a capital followed by small letters only
// ("Mr", "M"), as titles are written before a name.
func titleCased(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, r := range w[n:] {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}
