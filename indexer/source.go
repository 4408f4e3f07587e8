package indexer

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"

	"github.com/advosearch/advosearch/entities"
)

// advocacyVerbRe matches, right after an organization's name, the verbs by
// which a statement's issuer speaks: "Amnesty International is calling for",
// "FORUM-ASIA strongly condemns", "ISHR joins the call", "Human Rights Now
// released a statement". An organization the text only talks about rarely
// stands before these. A parenthesized acronym may come between.
var advocacyVerbRe = regexp.MustCompile(`^(?:\s*\([^()\n]{1,20}\))?\s+(?:(?:is|are|has|have|also|today|again|once again|hereby|further|\pL+ly)\s+)*` +
	`(?:call(?:s|ed|ing)?|condemn(?:s|ed)?|urge(?:s|d)?|join(?:s|ed)?|release[sd]?|issue[sd]?|express(?:es|ed)?|` +
	`denounce[sd]?|reiterate[sd]?|welcome[sd]?|demand(?:s|ed)?|deplore[sd]?|appeal(?:s|ed)?|recommend(?:s|ed)?|` +
	`makes|made|concerned|believes|stands|regrets)\b`)

// verbWindow is how far after a name its verb is looked for, in bytes.
const verbWindow = 80

// Weights of the evidence for an issuer: speaking as one counts more than
// being mentioned.
const (
	advocacyWeight = 3
	mentionWeight  = 1
)

// inferSource names the issuing organization of a text that has no
// metadata. A site credit in the page chrome names the publisher outright.
// Otherwise the issuer is the organization that speaks through advocacy
// verbs most, mentions breaking ties; an organization that never speaks so
// is not the issuer, however often it is mentioned, so the source then stays
// empty rather than guessed.
func inferSource(text string, siteNames []string, ents entities.Names) string {
	if len(siteNames) > 0 {
		return siteNames[0]
	}
	type evidence struct{ speaks, score, first int }
	byOrg := map[string]*evidence{}
	var order []string
	for _, m := range ents {
		if m.Kind != entities.Org {
			continue
		}
		ev, ok := byOrg[m.Canonical]
		if !ok {
			ev = &evidence{first: len(order)}
			byOrg[m.Canonical] = ev
			order = append(order, m.Canonical)
		}
		ev.score += mentionWeight
		if advocacyVerbRe.MatchString(text[m.End:min(len(text), m.End+verbWindow)]) {
			ev.speaks++
			ev.score += advocacyWeight
		}
	}
	best := ""
	for _, name := range order {
		ev := byOrg[name]
		if ev.speaks == 0 {
			continue
		}
		if best == "" || ev.score > byOrg[best].score {
			best = name
		}
	}
	return best
}

// letterheadParas is how many paragraphs from the top a letterhead may
// stand: an official press release opens with the state's motto and the
// ministry's name before its title.
const letterheadParas = 4

// letterhead returns the organization whose name fills a paragraph of its
// own at the top of the text ("MINISTRY OF FOREIGN AFFAIRS AND
// INTERNATIONAL COOPERATION"), or stands before the date on a date line
// ("Human Rights Watch, July 14, 2023"), or "".
func letterhead(text string, ents entities.Names) string {
	start := 0
	for n := 0; n < letterheadParas && start < len(text); n++ {
		end := strings.Index(text[start:], "\n\n")
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if org := soleOrg(text, start, end, ents); org != "" {
			return org
		}
		if org := soleOrg(text, start, start+len(beforeDate(text[start:end])), ents); org != "" {
			return org
		}
		if org := labelledLetterhead(text, start, end, ents); org != "" {
			return org
		}
		if n > 0 {
			// Below the headline, a paragraph that is only a name and its
			// acronym is the issuer's letterhead, known or not.
			if m := namedAcronymRe.FindStringSubmatch(text[start:end]); m != nil {
				return m[1]
			}
		}
		start = end + 2
	}
	return ""
}

// signedParas is how many paragraphs from the foot a signature may stand:
// a date or a contact line may follow it.
const signedParas = 2

// signedBy returns the organization whose name alone fills one of the
// last paragraphs of text, under prose, signing it off ("… on Tuesday.
// \n\nHarbour Rights Network"), or "". The last of a list of
// signatories signs nothing alone.
func signedBy(text string, ents entities.Names) string {
	end := len(strings.TrimRight(text, " \t\r\n"))
	for n := 0; n < signedParas && end > 0; n++ {
		start := strings.LastIndex(text[:end], "\n\n") + 2
		if start < 2 {
			return "" // the first paragraph is the title
		}
		prev := strings.TrimRight(text[:start], " \t\r\n")
		if org := soleOrg(text, start, end, ents); org != "" && endsProse(prev) {
			return org
		}
		end = len(prev)
	}
	return ""
}

// endsProse reports whether text ends a sentence, as the prose above a
// signature does; the item above the last of a list of signatories does
// not ("15. Protection International").
func endsProse(text string) bool {
	text = strings.TrimRight(text, "”’\"'»)* ")
	return strings.HasSuffix(text, ".") || strings.HasSuffix(text, "!") || strings.HasSuffix(text, "?")
}

// labelledLetterhead returns the organization whose name fills a line of
// text[start:end] beside a document label, on a line of its own or after
// a separator: "Harbour Rights Network\nPress release", "Harbour Rights
// Network | Press release", "Press release – Harbour Rights Network". A
// general pattern of releases' headers; a line of other words names none.
func labelledLetterhead(text string, start, end int, ents entities.Names) string {
	labelled, org := false, ""
	for lineStart := start; lineStart < end; {
		lineEnd := strings.IndexByte(text[lineStart:end], '\n')
		if lineEnd < 0 {
			lineEnd = end
		} else {
			lineEnd += lineStart
		}
		line := strings.TrimSpace(text[lineStart:lineEnd])
		parts := []string{line}
		for _, sep := range titleSeparators {
			if head, tail, ok := strings.Cut(line, sep); ok {
				parts = []string{head, tail}
				break
			}
		}
		for _, part := range parts {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			if documentLabel.MatchString(part) {
				labelled = true
				continue
			}
			if head, ok := beforeLabel(part); ok {
				// "Harbour Rights Network Press release": a header's
				// lines run together.
				labelled, part = true, head
			}
			at := lineStart + strings.Index(text[lineStart:lineEnd], part)
			name := soleOrg(text, at, at+len(part), ents)
			if name == "" || org != "" && name != org {
				return ""
			}
			org = name
		}
		lineStart = lineEnd + 1
	}
	if !labelled {
		return ""
	}
	return org
}

// beforeLabel returns what stands before the shortest document label that
// ends line ("Harbour Rights Network" of "Harbour Rights Network Press
// release"); ok is false when no label ends it or nothing stands before.
// Only the last maxLabelWords words are tried: a paragraph can be one line
// of a whole statement (a JSONL body), and trying every word of it made
// the time grow with the square of its length.
func beforeLabel(line string) (string, bool) {
	f := strings.Fields(line)
	for i := len(f) - 1; i >= max(1, len(f)-maxLabelWords); i-- {
		if documentLabel.MatchString(strings.Join(f[i:], " ")) {
			return strings.Join(f[:i], " "), true
		}
	}
	return "", false
}

// maxLabelWords is the most words a documentLabel can have in practice:
// an article, three words before the label, and the label's own words
// ("joint press statement", "communiqué de presse").
const maxLabelWords = 8

// namedAcronymRe matches a paragraph that is an organization's name and its
// acronym, nothing else: "Ligue sénégalaise des droits humains (LSDH)",
// "Egyptian Initiative for Personal Rights (EIPR)". A headline can end so
// too ("… Cambodian Center for Human Rights (CCHR)"), which is why the first
// paragraph is never read this way.
var namedAcronymRe = regexp.MustCompile(`^(\p{Lu}[\pL’'.,& -]{4,120}?)\s*\((\p{Lu}[\p{Lu}\d&-]{1,11})\)$`)

// beforeDate returns what stands before the date of a date line, without
// the comma: "Human Rights Watch" of "Human Rights Watch, July 14, 2023";
// "" when line is no date line or nothing stands before its date.
func beforeDate(line string) string {
	start, ok := dateLineStart(line)
	if !ok {
		return ""
	}
	return strings.TrimRight(line[:start], ", \t")
}

// soleOrg returns the organization whose mentions cover all the letters of
// text[start:end], or "".
func soleOrg(text string, start, end int, ents entities.Names) string {
	org, covered := "", start
	for _, m := range ents {
		if m.Start < start || m.End > end {
			continue
		}
		if m.Kind != entities.Org || (org != "" && m.Canonical != org) || strings.IndexFunc(text[covered:m.Start], isLetter) >= 0 {
			return ""
		}
		org, covered = m.Canonical, m.End
	}
	if strings.IndexFunc(text[covered:end], isLetter) >= 0 {
		return ""
	}
	return org
}

// issuerHead is how far into a text a "statement by" line is looked for.
const issuerHead = 600

// statementByRe ends the text before an issuer named outright: "Joint press
// statement by SUARAM and APHR", "A Statement from the Asian Human Rights
// Commission".
var statementByRe = regexp.MustCompile(`(?i)\b(?:statement|release|letter|appeal|submission|communiqué)\s+(?:issued\s+)?(?:by|from)\s+(?:the\s+)?$`)

// issuerNamed returns the first organization a "statement by" names near
// the top of the text, or "".
func issuerNamed(text string, ents entities.Names) string {
	for _, m := range ents {
		if m.Start > issuerHead {
			break
		}
		if m.Kind == entities.Org && statementByRe.MatchString(text[max(0, m.Start-60):m.Start]) {
			return m.Canonical
		}
	}
	return ""
}

// creditParas is how many paragraphs at the top and at the foot of a text
// a credit line is looked for in.
const creditParas = 4

// Credit lines name the publisher outright: "Source: Reuters", "Fuente:
// Agencia EFE", "Da Página do MST", "Originally published by Global
// Voices", and the byline of a newspaper that puts its name before the
// reporter's, "La Jornada Zacatecas/ALMA TAPIA".
var (
	creditLabelRe = regexp.MustCompile(`^(?i:source|fuente|fonte|publisher|da página d[aeo]s?|de la página de|publicado por|publié par|published by|(?:originally|first) published (?:by|in|on)|this (?:article|story|post) (?:was )?(?:first |originally )?(?:appeared|published) (?:in|on|by))\s*:?\s*(?:the\s+)?` +
		`(` + creditName + `)(?:\s+via\s+(` + creditName + `))?(?:\s*\([^()\n]{1,40}\))?(?:,?\s+(?:on|in|el|le|em|at)\s.*)?[.\s]*$`)
	creditBylineRe = regexp.MustCompile(`^(\p{Lu}\p{Ll}[\pL .'’-]{1,60}?)\s*/\s*\p{Lu}[\p{Lu} .'’-]{3,60}$`)
)

// creditURLRe matches a credit line that gives the publisher's address.
var creditURLRe = regexp.MustCompile(`^(?i:source|fuente|fonte|bron|publisher|publicado en|publié sur|published on|originally published on)\s*:?\s*<?(https?://[^\s<>]+)>?[.\s]*$`)

// creditName is a publisher's name in a credit line: capitalized words,
// and the small words names hold between them ("Página do MST", "Agencia
// de Noticias").
const (
	creditWord = `[\p{Lu}\d][\pL\d.&'’-]*`
	creditName = creditWord + `(?:\s+(?:(?:of|the|for|and|de|del|la|do|da|dos|das|des|du|y|e|et)\s+)*` + creditWord + `)*`
)

// creditedSource returns the publisher a credit line names among the first
// and last paragraphs of text, or "".
func creditedSource(text string) string {
	paras := strings.Split(text, "\n\n")
	for i, p := range paras {
		if i >= creditParas && i < len(paras)-creditParas {
			continue
		}
		p = strings.TrimSpace(p)
		// A scraper's or an archive's header block gives "Label: value"
		// fields, which Markdown may run together with a long URL:
		// "Source: https://… Publisher: Church Times".
		// "HARARE, March 12 (Reuters) - Police …": a wire dateline, which
		// opens the story's first paragraph, names the agency whose story
		// it is.
		if m := agencyDatelineRe.FindStringSubmatch(p); m != nil {
			return strings.TrimSpace(m[1])
		}
		if field := publisherField(p); field != "" {
			if org := creditIn(field); org != "" {
				return org
			}
		}
		if org := copyrightIn(p); org != "" {
			return org
		}
		if i >= len(paras)-creditParas && i > 0 {
			// A press release's closing boilerplate: "Harbour Rights
			// Network (HRN) is an independent organisation …".
			if m := aboutOrgRe.FindStringSubmatch(p); m != nil {
				return m[1]
			}
		}
		if len(p) > 120 {
			continue
		}
		if org := creditIn(p); org != "" {
			return org
		}
		if m := signatureRe.FindStringSubmatch(p); m != nil && i >= len(paras)-creditParas && i > 0 {
			// "— Harbour Rights Network" signing the text off.
			return m[1]
		}
	}
	return ""
}

// signatureRe matches a signature line, a dash and a name alone.
var signatureRe = regexp.MustCompile(`^[—–-]\s*(` + creditName + `)\.?$`)

// aboutOrgRe matches the sentence that opens a press release's boilerplate
// about its issuer, in the languages of the statements: a name (and its
// acronym) that is a kind of organization.
var aboutOrgRe = regexp.MustCompile(`^(?:The\s+|La\s+|Le\s+|El\s+|L['’])?(` + creditName + `)` +
	`(?:\s*\([^()\n]{1,20}\))?,?\s+(?:is|est|es|é)\s+(?:an?|une?|una?|um|uma|the|la|le|el|o)\s+[^.\n]{0,80}?\b(?i:organi[sz]ations?|NGO|ONG|group|network|coalition|movement|association|foundation|institute|charity|alliance|federation|organisme|organización|organização|asociación|associação|réseau|red|rede|coalición|coalizão|mouvement|movimiento|movimento|fondation|fundación|fundação)\b`)

// copyrightRe matches the end of a publisher's copyright line, from its
// sign: "© armenews.com 2024", "© 2023 Human Rights Watch".
var copyrightRe = regexp.MustCompile(`^©\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s+)?(` + creditName + `|[\pL\d-]+(?:\.[\pL\d-]+)+)(?:,?\s+\d{4})?[\s.,\\]*` +
	// "All rights reserved", in the languages of the statements.
	`(?i:(?:all rights reserved|tous droits réservés|todos los derechos reservados|todos os direitos reservados)[\s.]*)?$`)

// yearTailRe matches a year ending a name read from a copyright line.
var yearTailRe = regexp.MustCompile(`\s+(?:19|20)\d\d$`)

// copyrightIn returns the publisher the copyright notice that ends
// paragraph p names ("… le samedi 14 septembre 2024 © armenews.com 2024":
// a byline and the notice may share a paragraph), or "".
func copyrightIn(p string) string {
	i := strings.LastIndex(p, "©")
	if i < 0 {
		return ""
	}
	// "© 2026" alone names nobody: a name has letters.
	if m := copyrightRe.FindStringSubmatch(strings.TrimSpace(p[i:])); m != nil && strings.IndexFunc(m[1], unicode.IsLetter) >= 0 {
		// "© Harbour Rights Network 2024": a name's words may be
		// figures, its last one is no year.
		return strings.TrimRight(yearTailRe.ReplaceAllString(m[1], ""), " .,")
	}
	return ""
}

// agencyDatelineRe matches a wire dateline: a place in capitals, perhaps a
// date, and the agency in brackets before a dash.
var agencyDatelineRe = regexp.MustCompile(`^\p{Lu}[\p{Lu}\s.'’-]+,[^()\n]{0,40}\((` + creditName + `)\)\s*[-–—]`)

// creditDatedRe matches a publisher's name and, after a slash, what may be
// the date of publication.
var creditDatedRe = regexp.MustCompile(`^(` + creditName + `)\s+/\s+(.{6,40})$`)

// publisherFieldRe finds a "Publisher:" field; nextFieldRe the label of
// the field after it ("Authors:", "Scraped (UTC):"), where its value ends.
var (
	publisherFieldRe = regexp.MustCompile(`(?i)(?:^|\s)publisher\s*:\s*`)
	nextFieldRe      = regexp.MustCompile(`\s\p{Lu}\pL*(?: \(\pL+\))?:(?:\s|$)`)
)

// publisherField returns the "Publisher: value" field of a header
// paragraph whose fields may run together on one line ("Source: https://…
// Publisher: UN News via Global Issues Authors: Peter Richards"), or "".
func publisherField(p string) string {
	loc := publisherFieldRe.FindStringIndex(p)
	if loc == nil {
		return ""
	}
	value := p[loc[1]:]
	if next := nextFieldRe.FindStringIndex(value); next != nil {
		value = value[:next[0]]
	}
	if i := strings.IndexByte(value, '\n'); i >= 0 {
		value = value[:i]
	}
	if len(value) > 120 {
		return ""
	}
	return "Publisher: " + strings.TrimSpace(value)
}

// creditIn returns the publisher the credit line p names, or "". "A via
// B" names B, which published this copy of A's text ("UN News via Global
// Issues"); a remark in brackets after the name is no part of it
// ("Wikipedia (citing BBC)").
func creditIn(p string) string {
	// "Fuente: https://www.diariocolatino.com/…": the site credited by
	// its address, which the gazetteer may know ("voanews.com").
	if m := creditURLRe.FindStringSubmatch(p); m != nil {
		return hostOf(m[1])
	}
	// "Philippine Daily Inquirer / 05:08 AM July 25, 2025": the
	// publisher's byline, stamped with the date.
	if m := creditDatedRe.FindStringSubmatch(p); m != nil {
		if _, ok := parseDate(m[2]); ok {
			return strings.TrimSpace(m[1])
		}
	}
	for _, re := range []*regexp.Regexp{creditLabelRe, creditBylineRe} {
		if m := re.FindStringSubmatch(p); m != nil {
			if len(m) > 2 && m[2] != "" {
				return strings.TrimSpace(m[2])
			}
			return strings.TrimSpace(m[1])
		}
	}
	return ""
}

// knownSite returns the organization the gazetteer knows by host or by a
// parent domain of it: "feeds.reuters.com" is Reuters' site.
func (e *Extractor) knownSite(host string) (string, bool) {
	for h := host; strings.Count(h, ".") >= 1; {
		if org, ok := e.names.KnownOrg(h); ok {
			return org, true
		}
		i := strings.IndexByte(h, '.')
		h = h[i+1:]
	}
	return "", false
}

// authorAcronymRe matches an author field that is an organization's
// acronym ("IRFS", "CPJ"): a newsroom credit ("REDACCION", "Staff
// Writer") is longer or in small letters.
var authorAcronymRe = regexp.MustCompile(`^\p{Lu}[\p{Lu}\d&-]{1,5}$`)

// authorOrg returns the organization a front matter author field names:
// one the gazetteer knows ("author: Digital Rights Watch"), an acronym, or
// a handle in small letters spelling a name text prints. A person's name
// is no source.
func (e *Extractor) authorOrg(author, text string) (string, bool) {
	author = strings.TrimSpace(author)
	if author == "" {
		return "", false
	}
	if org, ok := e.names.KnownOrg(author); ok {
		return org, true
	}
	if authorAcronymRe.MatchString(author) {
		return e.names.CanonicalOrg(author), true
	}
	if authorPublicationRe.MatchString(author) {
		// "author: La Jornada", "author: The Harbour Times": a name
		// that opens with an article is a publication's; people's
		// names do not.
		return e.names.CanonicalOrg(author), true
	}
	if authorHandleRe.MatchString(author) {
		// "authors: [drw]": a site's handle for the organization, in
		// small letters, spelling the initials of a name the text prints
		// ("Digital Rights Watch"), which the recognizer may have read
		// into a longer name ("Digital Rights Watch Chair Tim …").
		if name := spelledName(text, author); name != "" {
			return e.names.CanonicalOrg(name), true
		}
	}
	return "", false
}

// authorPublicationRe matches an author field that is a publication's
// name: a definite article, then one to four capitalised words ("La
// Jornada", "The Harbour Times", "De Telegraaf", "El Diario del Sur").
var authorPublicationRe = regexp.MustCompile(`^(?:The|La|Le|El|Los|Las|Les|Het|De|L['’])\s*\p{Lu}[\pL.&'’-]*(?:\s+(?:(?:de|del|do|da|du|of|the)\s+)?\p{Lu}[\pL.&'’-]*){0,3}$`)

// authorHandleRe matches an author field that may be an organization's
// initials in small letters: three to six letters (two spell too many
// names by chance).
var authorHandleRe = regexp.MustCompile(`^[a-z]{3,6}$`)

// spelledName returns the first run of capitalised words in text whose
// initials spell handle, small words of names ("of", "for", "de") between
// them skipped: "Digital Rights Watch" for "drw"; "" when none does.
func spelledName(text, handle string) string {
	var b strings.Builder
	b.WriteString(`\b`)
	for i, r := range strings.ToUpper(handle) {
		if i > 0 {
			b.WriteString(`\s+(?:(?:of|for|the|and|on|de|del|des|du|la|le|el)\s+)*`)
		}
		b.WriteString(regexp.QuoteMeta(string(r)) + `[\pL'’-]+`)
	}
	b.WriteString(`\b`)
	re, err := regexp.Compile(b.String())
	if err != nil {
		return ""
	}
	return collapseSpace(re.FindString(text))
}

// maxBylineOrgWords bounds the words of an outlet's name in a byline.
const maxBylineOrgWords = 4

// bylineOrg returns the outlet a byline names after the writer's name and
// a comma, when the gazetteer knows it: "Doug Bernard, VOA press freedom
// editor" is Voice of America's, "Ana Ruiz, Reuters" Reuters'. The
// outlet's name opens the part after the comma; the words after it are
// the writer's role.
func (e *Extractor) bylineOrg(byline string) (string, bool) {
	parts := strings.Split(byline, ",")
	for _, part := range parts[min(1, len(parts)):] {
		ws := strings.Fields(part)
		for n := min(len(ws), maxBylineOrgWords); n > 0; n-- {
			if org, ok := e.names.KnownOrg(strings.Join(ws[:n], " ")); ok {
				return org, true
			}
		}
	}
	return "", false
}

// hostOf returns the host name of a URL without "www.", or "".
func hostOf(rawURL string) string {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return "" // a broken URL names no site
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// A publication names itself in its own pages in ways no other text does,
// a general pattern of newspapers and their letters pages: "as Socialist
// Worker went to press", a letter to the editor's "Dear Harbour Times,".
// ("told the Harbour Times" is no such sign: statements quote what was
// told to other papers, "told the New York Times".)
var (
	wentToPressRe = regexp.MustCompile(`\b[Aa]s\s+(?:the\s+)?(` + creditName + `)\s+went\s+to\s+press\b`)
	dearPaperRe   = regexp.MustCompile(`^Dear\s+(?:the\s+)?(` + creditName + `)\s*,$`)
)

// pressWords end the names of newspapers and magazines ("Socialist
// Worker", "Khmer Times", "Cambodia Daily"): a letter to the editor
// addresses such a name, where other letters address a person, an office
// or a body ("Dear Prime Minister", "Dear Members of the Council").
var pressWords = map[string]bool{
	"worker": true, "times": true, "post": true, "news": true, "herald": true, "journal": true,
	"tribune": true, "gazette": true, "chronicle": true, "observer": true, "review": true,
	"magazine": true, "daily": true, "weekly": true, "courier": true, "inquirer": true,
	"express": true, "monitor": true, "guardian": true, "telegraph": true, "standard": true,
	"examiner": true, "dispatch": true, "record": true, "mail": true, "press": true,
}

// isPressName reports whether name ends in a newspaper's word.
func isPressName(name string) bool {
	f := strings.Fields(name)
	return len(f) >= 2 && pressWords[strings.ToLower(strings.Trim(f[len(f)-1], ".,"))]
}

// pressSelf returns the publication the text names as itself: the name
// before "went to press" anywhere, or a newspaper's name a letter opens
// with ("Dear Harbour Times,") in the first creditParas paragraphs; "".
func pressSelf(text string) string {
	if m := wentToPressRe.FindStringSubmatch(text); m != nil {
		return m[1]
	}
	for i, p := range strings.SplitN(text, "\n\n", creditParas+1) {
		if i == creditParas {
			break
		}
		if m := dearPaperRe.FindStringSubmatch(strings.TrimSpace(p)); m != nil && isPressName(m[1]) {
			return m[1]
		}
	}
	return ""
}
