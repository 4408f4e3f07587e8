package entities

import (
	"maps"
	"slices"
	"strings"
)

// "el gobierno venezolano", "le gouvernement malien", "o governo
// brasileiro": French, Spanish and Portuguese name a government by the
// country's adjective after the noun, in small letters. Each language
// makes most adjectives from the country's name in it by a few endings
// (Mali → malien, Colombia → colombiano, Angola → angolano); the others
// are listed. Only the masculine singular is needed: gouvernement,
// gobierno and governo are all masculine.

// romanceDemonymEnds are the endings that make a country's French,
// Spanish or Portuguese name (accents folded, lower case) its masculine
// adjective: the letters that go and the ending that comes instead.
var romanceDemonymEnds = []struct{ drop, add string }{
	// French: Mali → malien, Algérie → algérien, Liban → libanais, France
	// → français, Maroc → marocain, Iran → iranien.
	{"", "en"}, {"", "ien"}, {"ie", "ien"}, {"e", "ien"}, {"a", "ien"}, {"", "ais"}, {"e", "ais"},
	{"a", "ais"}, {"", "ain"},
	// Spanish and Portuguese: Colombia → colombiano, México → mexicano,
	// Perú → peruano, Chile → chileno, Argentina → argentino, Siria →
	// sirio, Ecuador → ecuatoriano (irregular, listed), Irán → iraní.
	{"a", "ano"}, {"o", "ano"}, {"", "ano"}, {"e", "eno"}, {"a", "o"}, {"ia", "io"}, {"", "i"}, {"", "ense"},
}

// romanceIrregularDemonyms are the masculine adjectives the endings do not
// make, for the states news in these languages most often names by them
// (from the Real Academia's list of countries and their adjectives in the
// Diccionario panhispánico de dudas, and the French government's list of
// states and their inhabitants' names), by the country's English name.
var romanceIrregularDemonyms = map[string][]string{
	"Venezuela":                        {"venezolano"},
	"United States":                    {"estadounidense", "norteamericano", "américain", "americano", "norte-americano"},
	"Brazil":                           {"brasileño", "brasileiro"},
	"Spain":                            {"español", "espagnol", "espanhol"},
	"France":                           {"francés", "francês"},
	"Germany":                          {"alemán", "allemand", "alemão"},
	"United Kingdom":                   {"británico", "britannique", "britânico"},
	"Russia":                           {"ruso", "russe", "russo"},
	"China":                            {"chinois"},
	"Japan":                            {"japonés", "japonais", "japonês"},
	"Ecuador":                          {"ecuatoriano", "équatorien", "equatoriano"},
	"Guatemala":                        {"guatemalteco", "guatémaltèque"},
	"Honduras":                         {"hondureño", "hondurien", "hondurenho"},
	"El Salvador":                      {"salvadoreño", "salvadorien", "salvadorenho"},
	"Nicaragua":                        {"nicaragüense", "nicaraguayen"},
	"Costa Rica":                       {"costarricense", "costaricien", "costa-riquenho"},
	"Panama":                           {"panameño", "panaméen", "panamenho"},
	"Dominican Republic":               {"dominicano", "dominicain"},
	"Haiti":                            {"haitiano", "haïtien"},
	"Mexico":                           {"mexicain"},
	"Egypt":                            {"egipcio", "égyptien", "egípcio"},
	"Morocco":                          {"marroquí", "marroquino"},
	"Tunisia":                          {"tunecino", "tunisino"},
	"Turkey":                           {"turco", "turc"},
	"Greece":                           {"griego", "grec", "grego"},
	"Belgium":                          {"belga", "belge"},
	"Netherlands":                      {"neerlandés", "néerlandais", "holandés", "holandês"},
	"Poland":                           {"polaco", "polonais", "polonês"},
	"Ukraine":                          {"ucraniano", "ukrainien"},
	"Belarus":                          {"bielorruso", "biélorusse", "bielorrusso"},
	"India":                            {"indio", "indien", "indiano"},
	"Pakistan":                         {"paquistaní", "pakistanais", "paquistanês"},
	"Israel":                           {"israelí", "israélien", "israelense"},
	"Iraq":                             {"iraquí", "irakien", "iraquiano"},
	"Saudi Arabia":                     {"saudí", "saoudien", "saudita"},
	"Cambodia":                         {"camboyano", "cambodgien", "cambojano"},
	"Vietnam":                          {"vietnamita", "vietnamien"},
	"Thailand":                         {"tailandés", "thaïlandais", "tailandês"},
	"Myanmar":                          {"birmano", "birman"},
	"Philippines":                      {"filipino", "philippin"},
	"Côte d'Ivoire":                    {"marfileño", "ivoirien", "marfinense"},
	"Democratic Republic of the Congo": {"congoleño", "congolais", "congolês"},
	"Burkina Faso":                     {"burkinés", "burkinabè"},
	"Nigeria":                          {"nigeriano", "nigérian"},
	"Angola":                           {"angoleño"},
	"Mozambique":                       {"mozambiqueño", "mozambicain", "moçambicano"},
}

// romanceAccents folds the accented letters of French, Spanish and
// Portuguese, so that "Perú" makes "peruano" and "México" "mexicano".
var romanceAccents = strings.NewReplacer("á", "a", "à", "a", "â", "a", "ä", "a", "ã", "a", "é", "e", "è", "e",
	"ê", "e", "ë", "e", "í", "i", "î", "i", "ï", "i", "ó", "o", "ô", "o", "ö", "o", "õ", "o", "ú", "u",
	"ù", "u", "û", "u", "ü", "u", "ç", "c", "ñ", "n")

// addRomanceDemonyms fills romanceDemonymOf from each country's one-word
// names (names, by canonical name), by romanceDemonymEnds, and from
// romanceIrregularDemonyms. An adjective two countries make names
// neither.
func (g *gazetteer) addRomanceDemonyms(names map[string][]string) {
	country := map[string]string{}
	add := func(adj, c string) {
		adj = romanceAccents.Replace(adj)
		if prev, seen := country[adj]; seen && prev != c {
			country[adj] = ""
			return
		}
		country[adj] = c
	}
	for _, c := range slices.Sorted(maps.Keys(names)) { // the same map on every load
		for _, n := range names[c] {
			base := romanceAccents.Replace(strings.ToLower(n))
			if strings.ContainsAny(base, " -’'") || len(base) < 4 {
				continue
			}
			for _, e := range romanceDemonymEnds {
				if stem, ok := strings.CutSuffix(base, e.drop); ok && len(stem) >= 3 {
					add(stem+e.add, c)
				}
			}
		}
	}
	for c, adjs := range romanceIrregularDemonyms {
		if _, ok := g.countries[c]; !ok {
			continue
		}
		for _, a := range adjs {
			country[romanceAccents.Replace(a)] = c // listed: wins over a made form
		}
	}
	g.romanceDemonymOf = map[string]string{}
	for adj, c := range country {
		if c != "" {
			g.romanceDemonymOf[adj] = c
		}
	}
}

// findAdjectiveGovernments reads "el gobierno venezolano", "le
// gouvernement malien", "o governo brasileiro" (the noun capitalised or
// not) as the country's government, by the name the gazetteer gives it.
func (s *entityScan) findAdjectiveGovernments() {
	for i := 0; i+1 < len(s.toks); i++ {
		if !isRomanceGovernmentWord(s.toks[i].lower) || s.at[i] >= 0 || s.at[i+1] >= 0 || !s.joined(i) {
			continue
		}
		adj := s.toks[i+1]
		if adj.key != adj.lower {
			continue
		}
		c, ok := s.g.romanceDemonymOf[romanceAccents.Replace(adj.key)]
		if !ok {
			continue
		}
		name, ok := s.g.orgs[OrgKey("Government of "+s.g.countries[c])]
		if !ok {
			continue
		}
		s.add(mention{name: name, kind: kindOrg, start: s.toks[i].start, end: adj.end}, i, i+2)
		i++
	}
}

// maxKindModifiers bounds the words in small letters between a noun for a
// kind of organization and the name after it.
const maxKindModifiers = 3

// kindModifiers are the adjectives French, Spanish and Portuguese put
// after a noun for an outlet or a company, before its name, besides
// nationalities and the adjectives tailAdjectiveEnds reads: "el periódico
// digital El Faro", "la empresa estatal Petrobras". Lower case.
var kindModifiers = wordSet(`digital estatal local regional independiente indépendant independente
	oficial officiel público pública privado privada privé privée nacional internacional
	international`)

// newsWords follow "de" or "d’" in a Romance outlet's description ("canal
// de noticias", "chaîne d’information"). Lower case.
var newsWords = wordSet(`noticias notícias información informação information informations`)

// kindModifiersEnd returns the token after the modifiers in small letters
// that start at token j, after a noun for a kind of organization at j-1:
// a nationality ("colombiano", "algérienne", "española"), an adjective
// ("digital", "estatal"), and "de noticias" or "d’information". It
// returns j when none stands there.
func (s *entityScan) kindModifiersEnd(j int) int {
	k := j
	for k < len(s.toks) && k-j < maxKindModifiers && (s.joined(k-1) || k == j && s.joinedLoose(k-1)) {
		w := s.toks[k].key
		if w != s.toks[k].lower {
			break
		}
		if (w == "de" || w == "da") && k+1 < len(s.toks) && newsWords[s.toks[k+1].key] && s.joined(k) {
			k += 2
			continue
		}
		if newsWords[w] && strings.HasSuffix(strings.TrimSpace(s.text[s.toks[k-1].end:s.toks[k].start]), "’") {
			k++ // "d’information": the tokens leave the elided "d’" out
			continue
		}
		if !kindModifiers[w] && !s.romanceNationality(w) {
			break
		}
		k++
	}
	if k == j || k >= len(s.toks) || !s.joined(k-1) || !startsUpper(s.toks[k].key) {
		return j
	}
	return k
}

// romanceNationality reports whether w, in small letters, is a French,
// Spanish or Portuguese adjective of nationality, masculine or feminine:
// "colombiano", "colombiana", "algérien", "algérienne".
func (s *entityScan) romanceNationality(w string) bool {
	w = romanceAccents.Replace(w)
	if _, ok := s.g.romanceDemonymOf[w]; ok {
		return true
	}
	for _, f := range []struct{ fem, masc string }{{"a", "o"}, {"enne", "en"}, {"aise", "ais"}, {"aine", "ain"}, {"ola", "ol"}, {"esa", "es"}} {
		if stem, ok := strings.CutSuffix(w, f.fem); ok {
			if _, ok := s.g.romanceDemonymOf[stem+f.masc]; ok {
				return true
			}
		}
	}
	return false
}
