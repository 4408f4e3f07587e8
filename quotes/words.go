package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is one lower-cased word of an attribution window.
type word struct {
	start, end int
	text       string
}

// wordsIn splits text[from:to] into words of letters and hyphens. An
// apostrophe ends a word, so "it’s" gives "it" and "s".
func wordsIn(text string, from, to int) []word {
	var ws []word
	for i := from; i < to; {
		r, w := utf8.DecodeRuneInString(text[i:to])
		if !unicode.IsLetter(r) {
			i += w
			continue
		}
		j := i
		for j < to {
			r2, w2 := utf8.DecodeRuneInString(text[j:to])
			if !unicode.IsLetter(r2) && r2 != '-' {
				break
			}
			j += w2
		}
		ws = append(ws, word{start: i, end: j, text: strings.ToLower(text[i:j])})
		i = j
	}
	return ws
}

// isSpeechVerb reports whether ws[k] introduces or closes a quotation: a verb
// of saying or writing, "statement", "according to", "calls on".
func isSpeechVerb(ws []word, k int) bool {
	next := ""
	if k+1 < len(ws) {
		next = ws[k+1].text
	}
	verb := ws[k].text
	if stem, _ := inverted(verb); stem != "" {
		// « … », ajoute-t-elle; poursuit-il: French puts the subject
		// pronoun after the verb, joined by hyphens.
		verb = stem
	}
	switch verb {
	case "according":
		return next == "to"
	case "selon", "según", "volgens":
		return true
	case "fait", "faire":
		// a fait savoir X, fait savoir que: French for "let it be known".
		return next == "savoir"
	case "acuerdo", "acordo", "après", "palabras", "words", "decir":
		// Multi-word forms of "according to", a general pattern of
		// reporting in each language: de acuerdo con X, d’après X, en
		// palabras de X, in the words of X, a decir de X.
		return reportPhrase(ws, k)
	case "read", "reads":
		// "the statement reads: “…”": a document's words.
		return k > 0 && documentNouns[ws[k-1].text]
	case "called":
		// condemned what she called “…”: the words are hers.
		if k >= 2 && ws[k-2].text == "what" {
			return true
		}
		return next == "on" || next == "for" || next == "it" || next == "them" || next == "this" ||
			next == "the" || next == "his" || next == "her" || next == "their" || next == "its" || next == "that"
	case "call", "calls", "calling":
		// calls on X to, called for; called it a “…”; called the
		// decision “…”, a general pattern of reporting a judgement
		// ("a group called “…”" has no determiner after the verb).
		return next == "on" || next == "for" || next == "it" || next == "them" || next == "this" ||
			next == "the" || next == "his" || next == "her" || next == "their" || next == "its" || next == "that"
	case "point", "points", "pointed", "pointing":
		return next == "out"
	case "believe", "believes", "believed", "considers", "considered", "thinks", "thought", "feels", "felt":
		// "X believes that the decision is a “…”": a view the text
		// reports as X's, in the words it quotes.
		return next == "that"
	case "put", "puts":
		return next == "it"
	case "express", "expresses", "expressed", "expressing", "voice", "voices", "voiced":
		// expressed hope that “…”, voiced concern that “…”: what one
		// hopes or fears, said.
		return next == "hope" || next == "concern" || next == "fear" || next == "fears" || next == "regret" || next == "confidence" || next == "doubt"
	case "appelle", "appellent", "appelé", "appelait", "llama", "llaman", "llamó":
		// appelle à « … », llama a “…”, and with the one called on
		// between: a appelé l’Azerbaïdjan à « … ».
		for j := k + 1; j < len(ws) && j <= k+3; j++ {
			if ws[j].text == "à" || ws[j].text == "a" {
				return true
			}
		}
		return false
	case "say", "says", "said", "saying",
		"tell", "tells", "told", "telling",
		"write", "writes", "wrote", "writing", "written",
		"state", "states", "stated", "stating", "statement",
		"add", "adds", "added", "adding",
		"warn", "warns", "warned", "warning",
		"continue", "continues", "continued",
		"explain", "explains", "explained",
		"note", "notes", "noted",
		"argue", "argues", "argued",
		"insist", "insists", "insisted",
		"ask", "asks", "asked",
		"reply", "replies", "replied",
		"declare", "declares", "declared",
		"announce", "announces", "announced",
		"claim", "claims", "claimed",
		"allege", "alleges", "alleged", "allegation", "allegations",
		"urge", "urges", "urged",
		"conclude", "concludes", "concluded",
		"comment", "comments", "commented",
		"remark", "remarked", "recalled",
		"stress", "stresses", "stressed",
		"emphasise", "emphasised", "emphasize", "emphasized",
		"tweet", "tweeted", "posted",
		"instruct", "instructs", "instructed",
		"suggest", "suggests", "suggested",
		"dismiss", "dismisses", "dismissed",
		"describe", "describes", "described",
		"branded", "labelled", "labeled",
		"denounce", "denounces", "denounced",
		"concur", "concurs", "concurred",
		"admit", "admits", "admitted", "acknowledged",
		"respond", "responds", "responded", "testified",
		"pledge", "pledged", "vow", "vowed", "promise", "promised",
		"observe", "observes", "observed", "invite", "invites", "invited",
		"characterize", "characterizes", "characterized", "characterise", "characterises", "characterised",
		"clarify", "clarifies", "clarified", "accuse", "accuses", "accused", "accusing",
		// Participles that carry the sentence's subject on: "criticized
		// the response, noting that “…”".
		"noting", "explaining", "arguing", "insisting", "stressing", "emphasizing", "emphasising",
		"urging", "declaring", "announcing", "claiming", "asking", "replying", "describing", "alleging",
		"answer", "answers", "answered", "concede", "concedes", "conceded", "complain", "complains", "complained",
		"lament", "laments", "lamented", "caution", "cautions", "cautioned", "recount", "recounts", "recounted",
		"contend", "contends", "contended", "maintain", "maintains", "maintained", "reiterate", "reiterates", "reiterated",
		"assert", "asserts", "asserted", "confirm", "confirms", "confirmed", "affirm", "affirms", "affirmed",
		"counter", "counters", "countered", "retort", "retorts", "retorted",
		// A court's words: "the court ruled that “…”".
		"rule", "rules", "ruled",
		"predict", "predicts", "predicted", "exclaim", "exclaimed",
		"shout", "shouted", "quip", "quipped", "recall", "recalls", "recalling",
		// A statement's nouns: "issued a communiqué in which it …".
		"communiqué", "comunicado", "déclaration", "declaración":
		return true
	}
	return romanceSpeechVerbs[verb] || dutchSpeechVerbs[verb]
}

// dutchSpeechVerbs are the Dutch verbs that tag a quotation, in the forms
// news copy uses: "…”, zei X; „…”, aldus X; X zei: „…”; „…”, denkt X. Dutch
// names its subject after the verb in a tag (zegt hij, zei ze), which
// after() reads as it reads "said X".
var dutchSpeechVerbs = map[string]bool{
	"zei": true, "zegt": true, "zeiden": true, "zeggen": true, "gezegd": true, "aldus": true,
	"vertelde": true, "vertelt": true, "verklaarde": true, "verklaart": true, "schreef": true, "schrijft": true,
	"stelde": true, "stelt": true, "benadrukte": true, "benadrukt": true, "waarschuwde": true, "waarschuwt": true,
	"denkt": true, "dacht": true, "vindt": true, "vond": true, "meent": true, "meende": true,
	"reageerde": true, "reageert": true, "liet": true, "laat": true, "meldde": true, "meldt": true,
	"verzekerde": true, "verzekert": true, "concludeerde": true, "concludeert": true, "vroeg": true, "vraagt": true,
	"antwoordde": true, "antwoordt": true, "twitterde": true, "tweette": true, "bevestigde": true, "bevestigt": true,
	"voegde": true, "voegt": true, "legde": true, "legt": true, "erkende": true, "erkent": true, "riep": true, "roept": true,
}

// inverted splits a French verb with its subject pronoun after it
// ("ajoute-t-elle", "poursuit-il", "dit-elle") into the verb and the
// pronoun as lastPronoun gives it (he, she, they); "" when w is no such
// word.
func inverted(w string) (stem, pronoun string) {
	for _, p := range []struct{ suffix, pronoun string }{
		{"-t-il", "he"}, {"-t-elle", "she"}, {"-t-ils", "they"}, {"-t-elles", "they"}, {"-t-on", ""},
		{"-il", "he"}, {"-elle", "she"}, {"-ils", "they"}, {"-elles", "they"},
	} {
		if s, ok := strings.CutSuffix(w, p.suffix); ok && s != "" && !strings.Contains(s, "-") {
			return s, p.pronoun
		}
	}
	return "", ""
}

// speechNouns are the speech verbs that are nouns as well: "a claim
// rejected by X", "the military’s claim that …".
var speechNouns = map[string]bool{
	"claim": true, "claims": true, "comment": true, "comments": true, "remark": true, "remarks": true,
	"allegation": true, "allegations": true, "statement": true, "note": true, "notes": true,
}

// determiners make the word after them a noun.
var determiners = map[string]bool{
	"a": true, "an": true, "the": true, "this": true, "that": true, "its": true, "his": true, "her": true, "their": true, "s": true,
}

// nounUse reports whether the speech verb ws[k] is used as a noun, after
// a determiner or a possessive ’s: the claim is then what the quotation
// is, and the name near it need not have spoken it.
func nounUse(ws []word, k int) bool {
	// "into allegations against the agency", "amid claims of fraud":
	// after a preposition, too.
	return k > 0 && speechNouns[ws[k].text] && (determiners[ws[k-1].text] || nounPrepositions[ws[k-1].text])
}

// nounPrepositions make the speech noun after them an object: "into
// allegations", "despite claims".
var nounPrepositions = map[string]bool{
	"into": true, "about": true, "against": true, "over": true, "amid": true, "despite": true,
	"regarding": true, "following": true, "of": true, "to": true, "with": true, "by": true,
}

// receivers are the verbs whose object is a message someone else wrote.
var receivers = map[string]bool{
	"received": true, "receiving": true, "receive": true, "receives": true, "got": true, "getting": true,
	"recibió": true, "recibir": true, "reçu": true, "recevoir": true,
}

// receivedMessage reports whether the speech verb ws[k] is a participle
// whose subject is a message received, as in "reported receiving a threat
// stating “…”", "recibió un mensaje diciendo": the words are the unnamed
// sender's, not the receiver's.
func receivedMessage(ws []word, k int) bool {
	if k < 3 || !strings.HasSuffix(ws[k].text, "ing") && !strings.HasSuffix(ws[k].text, "ndo") {
		return false
	}
	return indefinites[ws[k-2].text] && receivers[ws[k-3].text]
}

// reports reports whether w, a speech verb, names the source of a report
// rather than a speaker: according to X, selon X, según X.
func reports(w string) bool {
	switch w {
	case "according", "selon", "según", "acuerdo", "acordo", "après", "palabras", "words", "decir", "volgens":
		return true
	}
	return false
}

// reportPhrase reports whether ws[k] is the head of a multi-word "according
// to": de acuerdo con, d’après (wordsIn splits it at the apostrophe), en
// palabras de, in the words of, a decir de.
func reportPhrase(ws []word, k int) bool {
	prev, next := "", ""
	if k > 0 {
		prev = ws[k-1].text
	}
	if k+1 < len(ws) {
		next = ws[k+1].text
	}
	switch ws[k].text {
	case "acuerdo":
		return prev == "de" && next == "con"
	case "acordo":
		// Portuguese: de acordo com X.
		return prev == "de" && next == "com"
	case "après":
		return prev == "d"
	case "palabras":
		return prev == "en" && next == "de"
	case "words":
		return prev == "the" && next == "of" && k > 1 && ws[k-2].text == "in"
	case "decir":
		return prev == "a" && next == "de"
	}
	return false
}

// indefinites are the indefinite articles (and "one of") of English,
// French, Spanish and Portuguese, as wordsIn gives them: after a speech
// verb they bring in a speaker the text does not name ("said a police
// officer", "a déclaré un policier", "dijo una vecina", "disse um
// morador").
var indefinites = map[string]bool{
	"a": true, "an": true, "one": true, "un": true, "une": true, "una": true, "uno": true, "um": true, "uma": true,
}

// romanceSpeechVerbs are the French, Spanish and Portuguese verbs that tag
// a quotation, in the forms statements use: « … », a déclaré X; “…”, afirmó
// X; “…”, disse X. Spanish and Portuguese drop the subject pronoun (“…”,
// preguntó), which after() reads as he or she.
var romanceSpeechVerbs = map[string]bool{
	// French, mostly as past participles after "a": a déclaré, a ajouté.
	"déclaré": true, "déclare": true, "affirmé": true, "affirme": true, "dit": true, "ajouté": true,
	"ajoute": true, "expliqué": true, "explique": true, "souligné": true, "souligne": true,
	"dénoncé": true, "dénonce": true, "rappelé": true, "rappelle": true, "averti": true, "avertit": true,
	"estimé": true, "estime": true, "insisté": true, "insiste": true, "conclu": true, "conclut": true,
	"indiqué": true, "indique": true, "précisé": true, "précise": true, "lancé": true, "lance": true,
	"regretté": true, "regrette": true, "martelé": true, "confié": true, "réagi": true, "écrit": true,
	"décrit": true, "tweeté": true, "twitté": true, "observé": true, "observe": true, "résumé": true,
	// Spanish.
	"dijo": true, "afirmó": true, "declaró": true, "señaló": true, "sostuvo": true, "explicó": true,
	"agregó": true, "añadió": true, "indicó": true, "advirtió": true, "aseguró": true, "denunció": true,
	"expresó": true, "manifestó": true, "subrayó": true, "recordó": true, "insistió": true,
	"concluyó": true, "preguntó": true, "contó": true, "relató": true, "destacó": true, "apuntó": true,
	"afirma": true, "dice": true, "declara": true, "señala": true, "sostiene": true, "denuncia": true,
	"escribió": true, "lamentó": true, "reclamó": true, "exigió": true, "resaltó": true,
	"tuiteó": true, "tuiteo": true, "tweeteó": true, "tweeteo": true, "enfatizó": true, "puntualizó": true,
	"sentenció": true, "planteó": true, "refirió": true, "cuestionó": true, "advierte": true,
	"replicó": true, "replica": true, "acotó": true, "consideró": true, "estimó": true, "admitió": true,
	"cuenta": true, "relata": true, "lamenta": true, "recuerda": true, "subraya": true,
	"comenta": true, "reconoce": true, "aseveró": true, "expuso": true, "argumentó": true, "narró": true,
	"recalcó": true, "remarcó": true, "reprochó": true, "enfatiza": true, "destaca": true,
	// Perfect participles after "ha": “…”, ha señalado X.
	"señalado": true, "dicho": true, "afirmado": true, "declarado": true, "indicado": true, "explicado": true,
	"asegurado": true, "denunciado": true, "manifestado": true, "expresado": true, "advertido": true,
	"subrayado": true, "destacado": true, "recordado": true, "insistido": true, "añadido": true, "agregado": true,
	"agrega": true, "añade": true, "explica": true, "asegura": true, "indica": true,
	"aclaró": true, "reiteró": true, "mencionó": true, "comentó": true, "detalló": true, "precisó": true,
	"opinó": true, "criticó": true, "respondió": true, "reconoció": true, "invita": true, "invitó": true,
	"pidió": true, "pide": true, "piden": true, "solicitó": true, "repitió": true, "repite": true,
	"demandé": true, "demande": true, "réclamé": true, "réclame": true, "exigé": true, "exige": true, "répété": true,
	"répondu": true, "rétorqué": true, "assuré": true, "poursuivi": true, "reconnu": true,
	"poursuit": true, "confie": true, "raconte": true, "raconté": true, "témoigne": true, "témoigné": true,
	"assure": true, "déplore": true, "déploré": true, "lâche": true, "lâché": true, "martèle": true,
	"prévient": true, "prévenu": true, "indigne": true, "indigné": true, "tranche": true, "tranché": true,
	"reconnaît": true, "reconnait": true, "commente": true, "commenté": true, "répond": true, "rétorque": true,
	"juge": true, "jugé": true, "détaille": true, "détaillé": true, "soutient": true, "glisse": true, "glissé": true,
	"admet": true, "admis": true, "constate": true, "constaté": true, "alerte": true, "alerté": true,
	"ironise": true, "ironisé": true, "nuance": true, "nuancé": true, "résume": true, "interroge": true,
	// Plural and other common forms, a general list of reporting verbs:
	// “…”, dijeron los vecinos; informó X; « … », affirment-ils.
	"informó": true, "informa": true, "dijeron": true, "afirmaron": true, "señalaron": true, "explicaron": true,
	"denunciaron": true, "indicaron": true, "aseguraron": true, "expresaron": true, "manifestaron": true,
	"advirtieron": true, "agregaron": true, "añadieron": true, "declararon": true, "anunció": true, "anuncia": true,
	"comunicó": true, "detalla": true, "puntualiza": true, "concluye": true, "expresa": true,
	"manifiesta": true, "cuestiona": true, "sentencia": true, "apunta": true,
	"annoncé": true, "annonce": true, "confirmé": true, "confirme": true, "plaidé": true, "plaide": true,
	"fustigé": true, "fustige": true, "salué": true, "salue": true,
	"affirment": true, "déclarent": true, "dénoncent": true, "estiment": true, "expliquent": true, "ajoutent": true,
	"soulignent": true, "rappellent": true, "indiquent": true, "écrivent": true, "racontent": true, "témoignent": true,
	"disseram": true, "afirmaram": true, "explicaram": true, "denunciaram": true, "declararam": true,
	"garantiu": true, "salientou": true, "frisou": true, "argumentou": true, "pontua": true,
	"anunciou": true, "concluiu": true, "respondeu": true,
	// Portuguese.
	"disse": true, "afirmou": true, "declarou": true, "explicou": true, "acrescentou": true,
	"ressaltou": true, "destacou": true, "lembrou": true, "alertou": true, "denunciou": true,
	"perguntou": true, "contou": true, "escreveu": true, "completou": true, "avaliou": true, "criticou": true,
	"defendeu": true, "diz": true, "conta": true, "ressalta": true, "lembra": true, "alerta": true,
	"avalia": true, "completa": true, "acrescenta": true, "relatou": true, "informou": true, "observou": true,
	"comentou": true, "pontuou": true, "enfatizou": true, "reforçou": true, "questionou": true,
}

// lastPronoun returns the last subject pronoun among ws as its English
// form (he, she, they, it), or "": French and Spanish ones count too
// ("a-t-il déclaré", "dijo ella"), and a hyphenated word by its last part.
func lastPronoun(ws []word) string {
	for k := len(ws) - 1; k >= 0; k-- {
		w := ws[k].text
		// French inverts the subject after the verb: "a-t-il déclaré",
		// "ajoute-t-elle".
		if i := strings.LastIndexByte(w, '-'); i >= 0 {
			w = w[i+1:]
		}
		switch w {
		case "he", "she", "they", "it":
			return w
		case "il", "él":
			return "he"
		case "elle", "ella":
			return "she"
		case "ils", "elles", "ellos", "ellas":
			return "they"
		case "hij":
			// Dutch: zegt hij, zei ze (ze, zij: she, or they after a
			// plural verb, which a tag seldom has).
			return "he"
		case "zij", "ze":
			return "she"
		}
	}
	return ""
}

// isLabel reports whether the clause before a quotation ends with words that
// make the quotation the name of something rather than words someone said:
// charged with ‘colluding with a foreign power’, signs reading ‘…’.
func isLabel(clause string) bool {
	for {
		if endsWithLabel(clause) {
			return true
		}
		var ok bool
		if clause, ok = beforeListedQuote(clause); !ok {
			return false
		}
	}
}

// beforeListedQuote strips a quoted item and the word joining it to what
// follows from the end of clause (‘…’ and, “…” or, «…» et, “…”,), so a
// list of labels is read as the first: "charged with ‘a’ and" is a label
// clause when "charged with" is. ok is false when clause does not end so.
func beforeListedQuote(clause string) (string, bool) {
	c := strings.TrimRight(clause, " \t\u00a0")
	c = strings.TrimSuffix(c, ",")
	for _, joiner := range []string{" and", " or", " et", " ou", " y", " o", " e"} {
		if strings.HasSuffix(c, joiner) {
			c = strings.TrimRight(strings.TrimSuffix(c, joiner), " \t\u00a0,")
			break
		}
	}
	closing, n := utf8.DecodeLastRuneInString(c)
	if n == 0 || !strings.ContainsRune("”’\"'»", closing) {
		return "", false
	}
	open := strings.LastIndexAny(c[:len(c)-n], "“‘\"'«")
	if open < 0 || len(c)-open > maxListedQuote {
		return "", false
	}
	return c[:open], true
}

// maxListedQuote bounds a quoted list item, in bytes.
const maxListedQuote = 300

// endsWithLabel reports whether clause ends with the words that make what
// follows a name: charged with, signs reading.
func endsWithLabel(clause string) bool {
	ws := wordsIn(clause, 0, len(clause))
	if len(ws) == 0 {
		return false
	}
	last := ws[len(ws)-1].text
	if (last == "read" || last == "reads" || last == "reading") && len(ws) >= 2 && wordsNouns[ws[len(ws)-2].text] {
		// "X’s statement read: “…”", "the letter reads": a document's
		// words, where a sign or a banner reading ‘…’ names a thing.
		return false
	}
	switch last {
	case "reading", "read", "titled", "entitled", "dubbed", "headlined", "so-called", "hashtag", "slogan", "slogans",
		"nicknamed", "surnommé", "surnommée", "apodado", "apodada",
		"intitulé", "intitulée", "titulado", "titulada", "denominado", "denominada",
		// A crowd's chant is no one's statement: une foule chantait : « … ».
		"chanted", "chanting", "chantait", "chantaient", "scandait", "scandaient", "scandant", "coreaban", "coreaba", "coreando":
		return true
	}
	if chantVerbs[last] {
		return true
	}
	if titledWorks[last] && strings.HasSuffix(strings.TrimSpace(clause), ",") {
		// "published a report, “Silenced voices”, on Monday": the
		// title set off after the noun for the work.
		return true
	}
	if namingVerbs[last] && len(ws) >= 2 && startsLower(ws[len(ws)-2].text) && !objectPronouns[ws[len(ws)-2].text] &&
		!subjectPronouns[ws[len(ws)-2].text] && (len(ws) < 3 || ws[len(ws)-3].text != "what") {
		// "a campaign called “…”", "une opération baptisée « … »": the
		// name a noun is given; "what she called “…”" is her words.
		return true
	}
	if len(ws) < 2 {
		return false
	}
	if (last == "being" || last == "having") && len(ws) >= 3 {
		// "accused of being “…”", "charged with having “…”".
		ws = ws[:len(ws)-1]
		last = ws[len(ws)-1].text
	}
	if penalFor(ws) {
		return true
	}
	before := ws[len(ws)-2].text
	// "charged him with": the person charged may stand between.
	if objectPronouns[before] && len(ws) >= 3 {
		before = ws[len(ws)-3].text
	}
	if labelPairs[before+" "+last] {
		return true
	}
	if len(ws) >= 3 && labelArticles[last] && labelPairs[ws[len(ws)-3].text+" "+before] {
		// "known as the “…”", "accused of the « … »": an article after
		// the pair.
		return true
	}
	// "slogans included ‘…’", "banners such as ‘…’", "the hashtag was ‘…’".
	for k := len(ws) - 1; k >= max(0, len(ws)-3); k-- {
		switch w := ws[k].text; {
		case labelNouns[w]:
			return true
		case !linkingWords[w]:
			return false
		}
	}
	return false
}

// labelNouns name what a quotation that follows them is: slogans included
// ‘…’. linkingWords may stand between the noun and the quotation.
var (
	labelNouns = map[string]bool{
		"slogan": true, "slogans": true, "hashtag": true, "hashtags": true, "banner": true, "banners": true,
		"placard": true, "placards": true, "chant": true, "chants": true, "motto": true,
		// Charges: "crimes such as “…”", "delitos como “…”".
		"charges": true, "crimes": true, "offences": true, "offenses": true, "délits": true,
		"delitos": true, "cargos": true,
	}
	linkingWords = map[string]bool{
		"included": true, "include": true, "includes": true, "such": true, "as": true, "like": true,
		// "banners saying “…”", "placards that read “…”".
		"saying": true, "that": true, "said": true, "bearing": true,
		"was": true, "were": true, "is": true, "are": true, "como": true, "comme": true, "tels": true, "tales": true,
	}
)

// labelPairs are the two words before a quotation that make it the name of
// a charge or an idea: charged with ‘…’, accusé de « … », acusado de “…”.
var labelPairs = map[string]bool{
	"charges of": true, "charge of": true, "charged with": true, "accused of": true, "accusation of": true,
	"accusations of": true, "convicted of": true, "guilty of": true, "crime of": true, "offence of": true,
	"offense of": true, "concept of": true, "notion of": true, "count of": true, "counts of": true,
	"crimes of": true, "offences of": true, "arrested for": true, "detained for": true, "jailed for": true,
	"sentenced for": true, "prosecuted for": true, "indicted for": true,
	"investigated for": true, "imprisoned for": true, "convicted for": true, "charged for": true,
	"for allegedly": true, "known as": true, "suspicion of": true, "accuse of": true, "accuses of": true, "accusing of": true,
	"fined for": true, "punished for": true, "sued for": true, "conocido como": true, "conocida como": true,
	"conocidos como": true, "conocidas como": true, "connu comme": true, "connue comme": true,
	"accusé de": true, "accusée de": true, "accusés de": true, "accusées de": true, "inculpé de": true,
	"inculpée de": true, "inculpés de": true, "inculpé pour": true, "poursuivi pour": true, "poursuivie pour": true,
	"poursuivis pour": true, "condamné pour": true, "condamnée pour": true, "chef de": true, "chefs de": true,
	"délit de": true, "délits de": true,
	"acusado de": true, "acusada de": true, "acusados de": true, "acusadas de": true, "cargos de": true,
	"cargo de": true, "delito de": true, "delitos de": true, "imputado por": true, "imputada por": true,
	"condenado por": true, "condenada por": true, "procesado por": true, "procesada por": true,
	// The charges listed, the law invoked, the epithet given: "charges
	// including “…”", "a law against “…”", "declared a “…”", all genders
	// and numbers of the French and Spanish participles.
	"charges including": true, "offences including": true, "offenses including": true, "crimes including": true,
	"law against": true, "laws against": true, "declared a": true, "declared an": true,
	"inculpée pour": true, "inculpés pour": true, "inculpées pour": true, "condamnés pour": true, "condamnées pour": true,
	"poursuivies pour": true, "imputados por": true, "imputadas por": true, "condenados por": true, "condenadas por": true,
	"procesados por": true, "procesadas por": true, "detenido por": true, "detenida por": true, "detenidos por": true,
	"detenidas por": true, "arrêté pour": true, "arrêtée pour": true, "arrêtés pour": true, "arrêtées pour": true,
}

// titledWorks are the nouns for works whose title may follow them, set
// off by commas.
var titledWorks = map[string]bool{
	"report": true, "study": true, "book": true, "film": true, "documentary": true, "album": true, "song": true,
	"campaign": true, "informe": true, "estudio": true, "libro": true, "rapport": true, "étude": true, "livre": true,
}

// labelArticles may stand between a label pair and its quotation.
var labelArticles = map[string]bool{"the": true, "a": true, "an": true, "la": true, "le": true, "el": true, "les": true, "los": true, "las": true}

// objectPronouns may stand between a verb of charging and its preposition.
var objectPronouns = map[string]bool{"him": true, "her": true, "them": true, "me": true, "us": true}

// endsSentence reports whether s ends with a full stop, ! or ? (before any
// closing marks).
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "”’\"'» ")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}
