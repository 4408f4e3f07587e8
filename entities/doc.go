// Package entities finds the names of people, organizations and places in
// plain text, with their canonical names and where the text writes them.
//
// A Recognizer (NewRecognizer, built once) reads a text in three layers:
// the gazetteer (the embedded gazetteer.tsv: canonical names, aliases,
// acronyms, web domains, non-Latin scripts, the world's capitals), the rules
// (organizations by the word their names end in, or in French, Spanish and
// Portuguese open with ("Procuraduría Agraria"), people after a title, role
// or verb in the four languages and in bylines written in capitals, places
// before "province" and after a locative, a town's noun or office, or in a
// dateline (places.go), the national section of an international group,
// outlets by a media noun, an appositive or a web address (medianames.go),
// Cambodian ministries, courts and departments by their Khmer kind words
// (khmerorgs.go), governments by a Romance adjective (romancedemonyms.go)), and
// a statistical sequence tagger for the names neither lists nor rules know
// ("Sunai Phasuk", "Tribunal Supremo Electoral"). It then links names
// inside the text: an acronym to the name it was defined after ("Full Name
// (ACR)"), a surname or honorific to the one full name that holds it ("Ms
// Brooks" → "Sarah M Brooks"; a surname an office introduces stands alone
// when no full name holds it: "President Pastrana"), and an organization's
// other forms to one name ("the Justice Department" after "the U.S. Justice
// Department", "Ugandan Police Force" and "Uganda Police Force", a name and
// its translation in brackets; orglink.go). The words the rules and package quotes read
// (titles, roles, the last words of organizations' names) are listed once,
// in words.go.
//
// The tagger's Model is an averaged structured perceptron over BIO tags
// (B-PER, I-ORG, …) with first-order Viterbi decoding. Its features are the
// word, its shape, prefixes and suffixes, the words and shapes two either
// side, the position in the sentence, and the names the caller already
// knows (Known spans, such as gazetteer matches), so a gazetteer guides the
// tagger without being part of it. The model trained on the corpora named
// in the README is embedded, gzip-compressed; LoadDefault reads it. A Model
// and a Recognizer are values: read-only once loaded and safe for
// concurrent use.
//
// The package reads the text it is given and nothing else: the caller
// (package indexer) cuts site chrome away first and passes the main text
// only, since the tagger reads menus and footers as prose. Training and
// evaluation live in internal/nertool, which reads annotated corpora from a
// path it is given and fetches nothing.
package entities
