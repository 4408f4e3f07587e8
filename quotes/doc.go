// Package quotes finds the quotations in a statement and who the statement
// says spoke them, so that a journalist can search for and cite the exact
// words and their speaker.
//
// Extract is a pure function over plain text: no I/O, no state, no models.
// It pairs quotation marks (“ ” ‘ ’ " " ' ' « » „ “, and Dutch print's two
// commas closed by two apostrophes), telling a closing ’
// from an apostrophe (Sen’s, NGOs’) by its context, keeps nested quotations
// inside the outer one, and drops marks left open at a paragraph break or
// after 1,500 bytes. It then attributes each quotation from the words around
// it ("he said", "said Ms Brooks", "X told reporters that", "according to
// X", "quoted X as saying", « … », a déclaré X, "…", dijo X, „…”, zegt
// hij, "X, directrice de Y : « … »"),
// resolving pronouns and surnames against the names package entities
// recognised in the same text, an office ("said the Ambassador", "el
// relator especial de la CIDH planteó") to the person introduced with it
// (role.go), "the statement said" to the issuer named with it, and a
// paragraph that opens with a quotation to the reported speech closing the
// paragraph before (lead.go). Khmer text is read by its own rules
// (khmer.go): the subject of a verb of saying before ថា or ដូច្នេះ, a
// pronoun (លោក, អ្នកស្រី) to the person named before it, "នេះបើតាម X"
// after; its quotations run over paragraph breaks. When the text does not say who spoke
// ("said a bishop", "a threat stating", "police told X", "X was told"),
// Speaker is "" rather than a guess; the one who only heard (a listener
// after "told", the subject of "was told") never speaks.
//
// The package does not recognise names itself (entities.Recognizer does,
// and the caller passes its names in, so one Recognizer reads each text
// once), does not clean up text (curly quotes are read as printed), and
// does not store anything (package index does). Its accuracy is measured
// against hand-labelled statements in testdata/gold.json, dev.json and
// test.json, and its patterns are tested on invented sentences in the
// styles of wire copy, releases and news in five languages
// (styles_test.go).
package quotes
