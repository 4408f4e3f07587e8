package indexer

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/advosearch/advosearch/corpus"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// maxControlShare is the share of control characters (or of runes repaired
// to U+FFFD) above which bytes are taken for binary data rather than text
// with a few stray bytes.
const maxControlShare = 0.10

// decodeText checks that the bytes are text and returns them as a valid
// UTF-8 string with "\n" line ends, and a note for the reader when the
// character set had to be guessed.
//
// UTF-8 is what nearly every statement is in, and valid UTF-8 is read as
// such whatever a page declares. Other bytes are read in the character set
// an HTML page declares (<meta charset=windows-1252>), or else as
// windows-1252, the superset of Latin-1 that old NGO pages and Word exports
// use, with a note that says so. A UTF-8 text with a few stray bytes is
// still UTF-8: those bytes are repaired to U+FFFD, since one bad byte in a
// scraped page should not turn every accent of it into mojibake.
func decodeText(b []byte, contentType string) (text, note string, err error) {
	if bytes.IndexByte(b, 0) >= 0 {
		return "", "", ErrBinary
	}
	switch {
	case utf8.Valid(b):
		text = string(b)
	case mostlyUTF8(b):
		text = strings.ToValidUTF8(string(b), "\uFFFD")
	default:
		enc, name := declaredCharset(b, contentType)
		if enc == nil {
			enc, name = charmap.Windows1252, "windows-1252"
			note = "not UTF-8 and no character set declared: read as windows-1252"
		}
		decoded, derr := enc.NewDecoder().Bytes(b)
		if derr != nil {
			return "", "", fmt.Errorf("%w: %s: %w", ErrBinary, name, derr)
		}
		text = strings.ToValidUTF8(string(decoded), "\uFFFD")
	}
	var runes, suspicious int
	for _, r := range text {
		runes++
		if r == utf8.RuneError || (unicode.IsControl(r) && !unicode.IsSpace(r)) {
			suspicious++
		}
	}
	if runes > 0 && float64(suspicious) > maxControlShare*float64(runes) {
		return "", "", ErrBinary
	}
	text = strings.TrimPrefix(text, "\uFEFF")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	return strings.ReplaceAll(text, "\r", "\n"), note, nil
}

// mostlyUTF8 reports whether b, which is not valid UTF-8, still has at
// least as many valid multi-byte characters as invalid bytes: UTF-8 with
// some damage, not text in a single-byte character set, where é is one
// byte that never starts a valid sequence with the letter after it.
func mostlyUTF8(b []byte) bool {
	var multi, invalid int
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && n == 1:
			invalid++
		case n > 1:
			multi++
		}
		b = b[n:]
	}
	return multi > 0 && multi >= invalid
}

// charsetMetaRe finds the character set an HTML page declares in its
// first kilobyte: <meta charset="…"> or the http-equiv Content-Type.
var charsetMetaRe = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?([\w.:-]+)`)

// declaredCharset returns the encoding an HTML document declares, or nil.
// Browsers read a declaration within the first 1,024 bytes only.
func declaredCharset(b []byte, contentType string) (encoding.Encoding, string) {
	if contentType != corpus.TypeHTML {
		return nil, ""
	}
	m := charsetMetaRe.FindSubmatch(b[:min(len(b), 1024)])
	if m == nil {
		return nil, ""
	}
	return charset.Lookup(string(m[1]))
}

// extractText reads plain text (or markdown already stripped of markup):
// site chrome out, the headline found, PDF hard line breaks re-joined.
func extractText(text string) (extraction, error) {
	lines := strings.Split(text, "\n")
	siteNames := siteCredits(lines)
	paras := paragraphs(lines)
	title, body := headlineAndBody(paras)
	if title == "" {
		return extraction{}, ErrEmpty
	}
	x := extraction{title: title, body: body, siteNames: siteNames}
	if at := findTitle(paras); at > 0 {
		x.head = strings.Join(paras[:at], "\n\n")
		if head, site, ok := cutSiteName(paras[at-1]); ok && head == title {
			x.siteNames = append(x.siteNames, site)
		}
	}
	if head, site, ok := cutPipe(x.title); ok {
		x.title = head
		x.siteNames = append(x.siteNames, site)
	}
	return x, nil
}

// extractTextTitled reads text whose title is known already (front
// matter's): every paragraph is body but for a repeat of the title, and
// nothing above it is taken for a header.
func extractTextTitled(text, title string) (extraction, error) {
	lines := strings.Split(text, "\n")
	body := bodyAfterTitle(paragraphs(lines), title)
	if body == "" {
		body = title
	}
	return extraction{title: title, body: body, siteNames: siteCredits(lines)}, nil
}

// headlineAndBody finds the headline among the paragraphs and joins the
// paragraphs after it into the body. Everything above the headline is the
// site's header (slogans, menus): the statement starts at its title. Both
// are empty when there are no paragraphs.
func headlineAndBody(paras []string) (title, body string) {
	at := findTitle(paras)
	if at < 0 {
		return "", ""
	}
	title = paras[at]
	if textWidth(title) > maxTitleLen {
		// No headline: the title is cut from the first paragraph, which
		// stays in the body.
		return shortTitle(title), bodyAfterTitle(paras[at:], "")
	}
	body = bodyAfterTitle(paras[at+1:], title)
	if body == "" {
		// A one-paragraph document is still a statement; its only text is
		// its body too.
		body = title
	}
	return title, body
}

// bodyAfterTitle joins the paragraphs into a body, leaving out repeats of the
// headline, which sites print again above the text.
func bodyAfterTitle(paras []string, title string) string {
	kept := make([]string, 0, len(paras))
	for _, p := range paras {
		if p != title {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "\n\n")
}

// paragraphs turns text lines into clean paragraphs: blocks of lines
// separated by blank lines, chrome lines dropped, the related-stories tail
// cut, wrapped lines re-joined, paragraphs split by a page break merged.
func paragraphs(lines []string) []string {
	lines = withoutPageFurniture(lines)
	var blocks [][]string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			blocks = append(blocks, cur)
			cur = nil
		}
	}
	for _, raw := range lines {
		l := strings.TrimSpace(raw)
		switch {
		case l == "":
			flush()
		case isTailHeading(l) && (len(blocks) > 0 || len(cur) > 0):
			// What follows a "MOST VIEWED" or "Related" heading is other
			// stories, not this one.
			flush()
			return joinBlocks(dropTagList(blocks))
		case isChromeLine(l):
			// A chrome line ends a block: it sat between paragraphs.
			flush()
		case isDateLine(l) || headerByline.MatchString(l) || strings.HasPrefix(l, "©"):
			// A date line stands alone even without blank lines around
			// it: under a headline it is the date, not the title's end.
			// So does a byline of names ("By Jane Doe") and a credit
			// ("© Jane Doe/Harbour Watch").
			flush()
			cur = append(cur, l)
			flush()
		default:
			cur = append(cur, l)
		}
	}
	flush()
	return joinBlocks(dropTagList(blocks))
}

// joinBlocks re-joins each block's lines into paragraphs (list items stay
// paragraphs of their own; in unwrapped text every line does) and merges a paragraph that a page break split:
// the first part stops mid-sentence and the next starts in lower case.
func joinBlocks(blocks [][]string) []string {
	var paras []string
	var v map[string]bool // the document's words, read when first needed
	lineParas := unwrapped(blocks)
	for _, b := range blocks {
		if lineParas {
			for _, l := range b {
				paras = append(paras, collapseSpace(l))
			}
			continue
		}
		var cur string
		width := blockWidth(b)
		for i, l := range b {
			switch {
			case cur == "":
				cur = l
			case isListItem(l) || endsShort(b[i-1], l, width):
				paras = append(paras, collapseSpace(cur))
				cur = l
			case strings.HasSuffix(cur, "-") && !strings.HasSuffix(cur, " -"):
				// A word hyphenated across lines ("Non-" / "Governmental",
				// "two-" / "year") keeps its hyphen and loses the break,
				// unless the hyphen only broke the word ("Train-" / "ing").
				if v == nil {
					v = vocabulary(blocks)
				}
				if brokenWord(cur, l, v) {
					cur = strings.TrimSuffix(cur, "-")
				}
				cur += l
			default:
				cur += " " + l
			}
		}
		if cur != "" {
			paras = append(paras, collapseSpace(cur))
		}
	}
	if lineParas {
		return paras // no page breaks to mend
	}
	merged := paras[:0:0]
	for _, p := range paras {
		if n := len(merged); n > 0 && startsLower(p) && !endsSentence(merged[n-1]) && !isListItem(merged[n-1]) {
			merged[n-1] += " " + p
			continue
		}
		merged = append(merged, p)
	}
	return merged
}

// minProseWidth is the longest line under which a block is not wrapped
// prose but lines set by hand (an address, a contact block), which stay
// together.
const minProseWidth = 60

// blockWidth is the length of a block's longest line: the width its prose
// was wrapped at.
func blockWidth(b []string) int {
	w := 0
	for _, l := range b {
		w = max(w, len(l))
	}
	return w
}

// endsShort reports whether line prev, followed by next in a block wrapped
// at width, ends a paragraph: wrapped prose fills its lines, so a line less
// than half as long before one that opens with a capital is a headline,
// a byline or a caption above the text ("Posted on March 3, 2024 by Staff"
// over the first paragraph), not a line the text was wrapped at.
// A line of one word, or a document label ("Statement", "Press
// release"), before a capitalized line is a kicker above the headline
// ("Zimbabwe" over "Release opposition activists now") in any block.
func endsShort(prev, next string, width int) bool {
	// A script without capitals (Khmer, Thai, Arabic, CJK: letters of
	// category Lo) may open a paragraph with any letter.
	r, _ := utf8.DecodeRuneInString(next)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Lo, r) && !strings.ContainsRune("\"“«‘'", r) {
		return false
	}
	if !strings.Contains(prev, " ") || (len(prev) < maxLabelLine && documentLabel.MatchString(prev)) {
		return true
	}
	return width >= minProseWidth && 2*len(prev) < width
}

// maxLabelLine bounds a document label standing on a line of its own.
const maxLabelLine = 30

// maxWrappedLine is longer than any line of text wrapped to a page or a
// screen: PDF lines, e-mail and plain-text files stay well under it.
const maxWrappedLine = 200

// unwrapped reports whether a text's lines are paragraphs of their own, as
// a scraper or a clipboard writes a page: one line a paragraph, mostly no
// blank line between. Two lines longer than any wrapped line tell that the
// text is not wrapped, and blocks of four lines or more on average that
// blank lines do not part its paragraphs; a document whose paragraphs are
// parted keeps the lines of a block together (an address, a contact
// block), as its author set them.
func unwrapped(blocks [][]string) bool {
	long, lines, multi := 0, 0, 0
	for _, b := range blocks {
		for _, l := range b {
			if len(l) > maxWrappedLine {
				long++
			}
		}
		// A line standing alone (a date line, a heading) parts no
		// paragraphs: only blocks of several lines tell how they are set.
		if len(b) > 1 {
			lines += len(b)
			multi++
		}
	}
	return long >= 2 && lines >= 4*multi
}

// vocabulary returns the lower-cased words of the blocks.
func vocabulary(blocks [][]string) map[string]bool {
	v := map[string]bool{}
	for _, b := range blocks {
		for _, l := range b {
			for _, w := range strings.FieldsFunc(strings.ToLower(l), func(r rune) bool { return !isLetter(r) }) {
				v[w] = true
			}
		}
	}
	return v
}

// wordSuffixRe matches the endings a line break splits off a word: such a
// fragment is no word of its own ("ing", "ment", "ities").
var wordSuffixRe = regexp.MustCompile(`^(?:ing|ings|ment|ments|tion|tions|sion|sions|ity|ities|ness|ance|ence|ances|ences|able|ible|ive|ives|ous|ously|ed|er|ers|ly|al|ally|ation|ations|tation|tations|isation|isations|ization|izations|ition|itions|ism|ist|ists|ise|ize|ised|ized)\b`)

// brokenWord reports whether the hyphen ending line cur only split the
// word that line next finishes: the next part starts in lower case, and
// either the whole word appears elsewhere in the document and the
// hyphenated one does not, or the part is a bare suffix. "two-year" keeps
// its hyphen; "Train-ing" and "author-ities" lose it.
func brokenWord(cur, next string, vocab map[string]bool) bool {
	if !startsLower(next) {
		return false
	}
	left := cur[strings.LastIndexFunc(strings.TrimSuffix(cur, "-"), func(r rune) bool { return !isLetter(r) })+1 : len(cur)-1]
	right := next
	if i := strings.IndexFunc(next, func(r rune) bool { return !isLetter(r) }); i >= 0 {
		right = next[:i]
	}
	if left == "" || right == "" {
		return false
	}
	whole := strings.ToLower(left + right)
	if vocab[whole] {
		return true
	}
	return wordSuffixRe.MatchString(right)
}

// Page furniture of text taken from a PDF: page numbers ("Page 2 of 4",
// "- 2 -", "12") and the running header or footer printed on every page.
var pageNumberRe = regexp.MustCompile(`(?i)^(?:page\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|\d{1,4}\s*(?:of|/)\s*\d{1,4}|[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4})$`)

// maxRunningLine bounds a running header or footer, in bytes; longer lines
// are text, even when repeated.
const maxRunningLine = 120

// withoutPageFurniture blanks out page numbers and running headers and
// footers when the text shows pages (a form feed, or two page numbers):
// in other text a repeated line is the author's, like a headline printed
// again above the body.
func withoutPageFurniture(lines []string) []string {
	pages := 0
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if strings.ContainsRune(l, '\f') || (pageNumberRe.MatchString(t) && !isBareNumber(t)) {
			pages++
		}
	}
	if pages < 2 {
		return lines
	}
	seen := map[string]int{}
	for _, l := range lines {
		if k := collapseSpace(l); k != "" && len(k) <= maxRunningLine {
			seen[k]++
		}
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		l = strings.ReplaceAll(l, "\f", "")
		k := collapseSpace(l)
		if pageNumberRe.MatchString(k) || (seen[k] > 1 && !isListItem(k)) {
			continue // a blank line keeps the paragraphs around it apart
		}
		out[i] = l
	}
	return out
}

// isBareNumber: a line that is only digits is a page number in a PDF, but
// alone it does not show that the text is one.
func isBareNumber(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// maxTagWords bounds the length of an item in a trailing tag list; a real
// list item in a statement is a sentence.
const maxTagWords = 8

// dropTagList drops a trailing block made only of short list items without
// end punctuation: the topic tags sites print under an article.
func dropTagList(blocks [][]string) [][]string {
	if len(blocks) < 2 {
		return blocks
	}
	last := blocks[len(blocks)-1]
	for _, l := range last {
		if !bulletMarker.MatchString(l) || endsSentence(l) || len(strings.Fields(l)) > maxTagWords+1 {
			return blocks
		}
	}
	return blocks[:len(blocks)-1]
}

// listMarker starts a list item or a footnote; bulletMarker only a bulleted
// item, the shape of a tag list (footnotes are text, however short).
var (
	listMarker   = regexp.MustCompile(`^(?:[•·▪‣◦●*–-]|\d{1,2}[.)]|\[\d{1,3}\])\s`)
	bulletMarker = regexp.MustCompile(`^[•·▪‣◦●*–-]\s`)
)

func isListItem(l string) bool { return listMarker.MatchString(l) }

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// endsSentence reports whether a paragraph ends like a finished sentence,
// closing quotes and brackets included.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’)]*")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?:;…", r)
}

// collapseSpace trims s and turns every run of white space into one space.
// Most paragraphs and names are already so, and come back as they are,
// without the copy that splitting and joining them makes.
func collapseSpace(s string) string {
	if isCollapsed(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isCollapsed reports whether s has no white space but single ' ' between
// words.
func isCollapsed(s string) bool {
	space := true // as if s were preceded by space, so a leading one fails
	for _, r := range s {
		switch {
		case r == ' ':
			if space {
				return false
			}
			space = true
		case unicode.IsSpace(r):
			return false
		default:
			space = false
		}
	}
	return s == "" || !space
}

// tailHeading matches the headings under which sites list other stories.
// French pages ("Lire aussi", "Sur le même sujet") end the same way.
var tailHeading = regexp.MustCompile(`(?i)^(?:most (?:viewed|read|popular|shared)|related(?: (?:stories|articles|posts|news|content|links|reading))?|read more|more (?:stories|news)|you (?:may|might) also like|recommended(?: for you)?|trending|popular (?:stories|posts)|(?:à )?lire aussi|sur le même sujet|articles liés|dans la même rubrique)\s*:?$`)

func isTailHeading(l string) bool { return tailHeading.MatchString(l) }

// chromeLine matches a whole line of site furniture: share buttons, image
// credits, download and newsletter prompts, end markers. Furniture is short,
// so longer lines are text even when they start the same way ("Download
// speeds were throttled ...").
var chromeLine = regexp.MustCompile(`(?i)^(?:` +
	`share (?:on|via|this|to) .*|share|tweet|print|e-?mail|facebook|twitter|linkedin|whatsapp|` +
	`content image\s*[-–—:].*|photos?\s*:.*|` +
	// A credit line under a picture: "Credit: Jane Doe/Harbour Times",
	// "Photo credit: …", "Crédit photo : …", "Foto: …".
	`(?:(?:photo|image|picture|video)\s+)?credits?\s*:.*|crédits?(?:\s+photo)?\s*:.*|fotos?\s*:.*|` +
	`download\b.*|.*\[pdf\]|for a pdf version\b.*|` +
	`subscribe\b.*|.*\bnewsletter|sign up\b.*|follow us\b.*|` +
	`back to top|skip to (?:main )?content|ends?/*|[-–—]*\s*ends?\s*[-–—]*|` +
	`tag and share\b.*|.*\bcountry page\s*[-–—:].*|our standards:.*|\d+ min(?:ute)? read\b.*|` +
	// A breadcrumb trail ("Home > News > Statements") and a language
	// switcher ("English | Français | Español") are navigation.
	`home\s*(?:[>»›/|]\s*[^>»›|\n]{1,40}){1,6}|` +
	switcherLanguage + `(?:\s*[|/·•]?\s*` + switcherLanguage + `)+|` +
	`[^\pL\pN]+` +
	`)$`)

// switcherLanguage is a language's name or code as a site's language switcher
// writes it.
const switcherLanguage = `(?:english|français|francais|español|espanol|português|portugues|deutsch|italiano|` +
	`bahasa(?: indonesia| melayu)?|русский|українська|العربية|فارسی|中文|日本語|한국어|ไทย|ខ្មែរ|tiếng việt|` +
	`en|fr|es|pt|de|ar|ru|zh|uk|fa)`

// maxChromeLen is the longest line chromeLine may drop, in bytes.
const maxChromeLen = 120

// captionLine matches a photo caption, which ends in its credit ("Staffers
// hold up signs. Photo supplied"); captions describe the picture, not the
// statement.
var captionLine = regexp.MustCompile(`(?i)(?:^|[.!?”’]\s+)photos? (?:supplied|courtesy\b.*|by\b.{1,40})$`)

func isChromeLine(l string) bool {
	// captionLine is not anchored at the start, so it would scan every
	// paragraph; only a line that says "photo" can match it.
	return (len(l) <= maxChromeLen && chromeLine.MatchString(l)) || (containsFold(l, "photo") && captionLine.MatchString(l))
}

// containsFold reports whether s contains word, a lower-case ASCII word, in
// any mix of cases: a cheap test that skips a case-insensitive regexp which
// needs the word. It folds ASCII only, so it stands in for (?i) only for
// words without 'k' and 's', whose (?i) forms include K (Kelvin) and ſ.
func containsFold(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		if s[i]|0x20 == word[0] && foldedEqual(s[i:i+len(word)], word) {
			return true
		}
	}
	return false
}

// foldedEqual reports whether s, lower-cased in ASCII, equals the lower-case
// ASCII word.
func foldedEqual(s, word string) bool {
	for i := range len(word) {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != word[i] {
			return false
		}
	}
	return true
}

// siteCredit finds the publisher named in an image credit line: scraped
// news pages print the site's name as the alt text of its own images.
var siteCredit = regexp.MustCompile(`(?i)^\s*content image\s*[-–—:]\s*(.+?)\s*$`)

func siteCredits(lines []string) []string {
	var names []string
	for _, l := range lines {
		if m := siteCredit.FindStringSubmatch(l); m != nil {
			names = append(names, m[1])
		}
	}
	return names
}

// maxTitleLen is the longest paragraph taken for a headline, in letters as
// they are seen (textWidth); longer ones are text.
const maxTitleLen = 250

// textWidth counts the characters of s a reader sees: runes, less the
// marks that combine with the letter before them and the invisible format
// characters. A Khmer, Thai or Devanagari headline writes its vowels and
// stacked consonants as marks, and Khmer separates its words with zero
// width spaces, so a headline of 80 characters seen is 150 runes and 450
// bytes; measured in bytes, it was taken for the text.
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		if r < utf8.RuneSelf || !unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me, unicode.Cf) {
			n++
		}
	}
	return n
}

// maxTitleSearch is how many paragraphs, list items aside, may precede the
// headline: a site header is a few slogans and menu items, not half the
// document.
const maxTitleSearch = 12

// findTitle returns the index of the headline among the paragraphs, or -1 if
// there are none. The headline is the first short, unpunctuated paragraph
// whose words the rest of the document takes up; a menu entry or slogan above
// it shares little with the text. A site header is short blurbs, so the
// search ends at the first long paragraph: the text has begun, and a
// subheading further down is no headline. Without one, the first paragraph
// that could be a headline serves.
func findTitle(paras []string) int {
	if len(paras) == 0 {
		return -1
	}
	if at, ok := labelledTitle(paras); ok {
		return at
	}
	letterhead := -1
	for _, i := range headerCandidates(paras) {
		p := paras[i]
		// A dateline ("Phnom Penh, 14 June 2023") echoes the text's places
		// as a headline does, but dates the statement, never titles it.
		if endsFullStop(p) || len(titleWords(p)) < 3 || documentLabel.MatchString(p) || isDateLine(p) || notHeadline(p) {
			continue
		}
		if !echoedBy(p, strings.Join(paras[i+1:], "\n")) {
			continue
		}
		if head, _, ok := cutSiteName(p); ok && i+1 < len(paras) && paras[i+1] == head {
			// A page's <title>, "Headline | Site", above the headline
			// itself: the headline is the title.
			continue
		}
		if namedAcronymRe.MatchString(p) {
			// "Asian Forum for Human Rights and Development (FORUM-ASIA)"
			// on its own is a letterhead, unless nothing under it reads
			// as a headline: some headlines end with a name and its
			// acronym too.
			if letterhead < 0 {
				letterhead = i
			}
			continue
		}
		return i
	}
	if letterhead >= 0 {
		return letterhead
	}
	// A document label or a date ("FOR IMMEDIATE RELEASE", "March 3,
	// 2024") titles nothing while an unpunctuated line follows it in the
	// header; a label still beats a sentence of the text ("Corrected
	// statement").
	for i, p := range paras {
		if textWidth(p) > maxTitleLen {
			break
		}
		if !isListItem(p) && !notHeadline(p) && !documentLabel.MatchString(p) && !isDateLine(p) && !endsFullStop(p) {
			return i
		}
	}
	for i, p := range paras {
		if !isListItem(p) && !notHeadline(p) {
			return i
		}
	}
	return 0
}

// headerCandidates returns the indices of the paragraphs a headline is
// looked for among: up to maxTitleSearch of them, list items aside (a menu,
// or a scraper's list of what it fetched: header, however long), ending
// before the first too long for a headline, where the text has begun.
func headerCandidates(paras []string) []int {
	var out []int
	for i, p := range paras {
		if len(out) == maxTitleSearch || textWidth(p) > maxTitleLen && !isListItem(p) {
			break
		}
		if !isListItem(p) {
			out = append(out, i)
		}
	}
	return out
}

// labelledTitle finds, among the paragraphs a headline is looked for in,
// a document label whose sentence carries on in small letters ("PRESS
// RELEASE on the end of mission of the Special Rapporteur", "Déclaration
// conjointe sur la détention de…"; paragraphs has joined the two lines):
// that is the title, whatever letterhead stands above it (a state's name
// and motto, a ministry).
func labelledTitle(paras []string) (int, bool) {
	for _, i := range headerCandidates(paras) {
		p := paras[i]
		words := strings.Fields(p)
		for k, w := range words {
			if startsLower(w) {
				if k > 0 && !endsSentence(p) && documentLabel.MatchString(strings.Join(words[:k], " ")) {
					return i, true
				}
				break
			}
		}
	}
	return 0, false
}

// endsFullStop reports whether p ends with a full stop, a sentence's
// rather than a headline's end, in the scripts statements are written in:
// the Latin one, Khmer's khan, Burmese, Devanagari's danda, CJK.
func endsFullStop(p string) bool {
	r, _ := utf8.DecodeLastRuneInString(p)
	return strings.ContainsRune(".។။।。", r)
}

// titleWords splits p into words at spaces and at the zero width spaces
// with which Khmer, Thai or Burmese text marks where its words end.
func titleWords(p string) []string {
	return strings.FieldsFunc(p, func(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' })
}

// cutPipe splits a page title copied as text, "Headline | Site", into the
// headline and the site's name: the part after the last " | ", when it is
// the shorter. A publisher's own prefix stays ("Cambodia | NGOs raise
// alarm"): it is printed as part of the headline.
func cutPipe(title string) (head, site string, ok bool) {
	i := strings.LastIndex(title, " | ")
	if i <= 0 {
		return title, "", false
	}
	head, site = strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+3:])
	if site == "" || len(site) >= len(head) {
		return title, "", false
	}
	return head, site, true
}

// notHeadline reports whether a paragraph reads as something other than a
// headline wherever it stands: a letter's salutation or any line that
// leads into what follows ("To the Members of Parliament:", "Dear
// colleagues,"), a site's address that a scraper put on top, a byline
// ("By Ana Ruiz | 14 March 2023"), or a contact line with an e-mail
// address or a telephone number.
func notHeadline(p string) bool {
	return strings.HasSuffix(p, ":") || strings.HasSuffix(p, ",") || salutationRe.MatchString(p) || bareAddressRe.MatchString(p) ||
		bylineRe.MatchString(p) || !bylineDate(p).IsZero() || contactRe.MatchString(p) ||
		strings.Contains(p, "©") || captionCreditRe.MatchString(p)
}

var (
	// headerByline: a byline of names only, which stands on a line of
	// its own even where no blank line parts it from the headline: "By
	// Jane Doe", "By Jane Doe and Ana Ruiz", "Door Joost Bakker".
	headerByline = regexp.MustCompile(`^(?:By|BY|Por|POR|Par|PAR|Door|Written by|Reporting by)\s+\p{Lu}[\pL.'’-]*(?:(?:\s+|,\s*|\s+(?:and|y|et|e|en)\s+)\p{Lu}[\pL.'’-]*){0,5}$`)
	// captionCreditRe: a photo caption ends in its credit ("… on
	// Monday. (AP Photo/Jane Doe)", "… 2024. REUTERS/Jane Doe", "…
	// (Photo: Harbour Watch)"); a headline never does.
	// An agency's name alone ends a caption only after a sentence: "…
	// says AFP" may be a headline.
	captionCreditRe = regexp.MustCompile(`(?:\((?:AP|AFP|EPA|UN|Reuters|Getty)?\s*(?i:photos?|fotos?|images?|pictures?|credits?|crédits?)\b[^()]{0,60}\)|\b(?:REUTERS|AFP|EPA|AP Photo|AFP PHOTO|AFP Photo|Getty Images)\s*/\s*[^\n/]{1,60}|[.!?]\s+(?:REUTERS|AFP|EPA|Getty Images))\s*$`)
	// bylineRe: "By Ana Ruiz", "Por María López", "Par Jean Dupont".
	bylineRe      = regexp.MustCompile(`^(?:By|BY|Por|POR|Par|PAR|Written by|Reporting by)\s+\p{Lu}\S*(?:\s+\S+){0,5}$`)
	salutationRe  = regexp.MustCompile(`(?i)^(?:dear|to whom|chers?|chères?|estimad[oa]s?|querid[oa]s?|prezad[oa]s?)\b`)
	bareAddressRe = regexp.MustCompile(`(?i)^#*\s*(?:https?://)?(?:[\pL\d-]+\.)+\pL{2,}(?:/\S*)?$`)
	// contactRe: a press release's contact line, with an e-mail address
	// or a telephone number ("Jane Doe, jane@example.org, 773.301.4108").
	contactRe = regexp.MustCompile(`[\pL\d._%+-]+@[\pL\d-]+\.[\pL\d.-]+|\b\d{3}[.\- ]\d{3}[.\- ]\d{4}\b|\+\d{1,3}[ \d]{7,}`)
)

// echoedBy reports whether the rest of the text takes up at least half of
// the headline's content words, and at least two.
func echoedBy(headline, rest string) bool {
	rest = strings.ToLower(rest)
	var words, echoed int
	for _, w := range strings.FieldsFunc(strings.ToLower(headline), func(r rune) bool { return !isLetter(r) }) {
		if len(w) < 3 || titleStopwords[w] {
			continue
		}
		words++
		if strings.Contains(rest, w) {
			echoed++
		}
	}
	return echoed >= 2 && 2*echoed >= words
}

// documentLabel matches a paragraph that says what kind of document follows
// ("A LICADHO Briefing Paper", "Joint press statement"): a label, not the
// title.
var documentLabel = regexp.MustCompile(`(?i)^(?:an?\s+)?(?:\S+\s+){0,3}(?:briefing(?: paper)?|(?:press|news|media) release|immediate release|(?:public |joint |press )*statement|report|urgent (?:appeal|action)|open letter|media advisory|communiqué(?: de presse)?|déclaration(?: conjointe| publique)?|lettre ouverte|action urgente|comunicado(?: de prensa| conjunto)?|declaración(?: conjunta| pública)?|carta abierta|acción urgente|nota (?:de|à) (?:imprensa|prensa)|nota pública|carta aberta|(?:សេចក្តី|សេចក្ដី)ថ្លែងការណ៍\S*)$`)

var titleStopwords = map[string]bool{
	"the": true, "and": true, "for": true, "with": true, "from": true, "our": true,
	"who": true, "what": true, "how": true, "are": true, "this": true, "that": true,
	"you": true, "your": true, "all": true, "more": true, "about": true, "its": true,
}

// maxShortTitle bounds a title taken from a paragraph that is not headline
// sized, in characters seen (textWidth).
const maxShortTitle = 120

// shortTitle cuts a paragraph longer than maxShortTitle at a word boundary
// (or, in a text without spaces, before a character seen) to serve as a
// title.
func shortTitle(p string) string {
	end, seen := len(p), 0
	for i, r := range p {
		if r < utf8.RuneSelf || !unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me, unicode.Cf) {
			if seen == maxShortTitle {
				end = i
				break
			}
			seen++
		}
	}
	cut := strings.LastIndexByte(p[:end], ' ')
	if cut <= 0 {
		cut = end
	}
	return strings.TrimRight(p[:cut], " ,;:") + "…"
}

func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }

// Markdown markup that says nothing about the words: headings, emphasis,
// links (their text stays), images, code fences, rules.
var (
	// Indentation is spaces and tabs only: \s would take the line break
	// before, and join the heading to the paragraph above it.
	mdHeading = regexp.MustCompile(`(?m)^[ \t]{0,3}#{1,6}[ \t]+`)
	mdQuote   = regexp.MustCompile(`(?m)^[ \t]{0,3}>[ \t]?`)
	mdImage   = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	mdLink    = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
	// mdEmphasis needs a non-word character (or the line's edge) on both
	// sides, so that snake_case_names keep their underscores.
	mdEmphasis = regexp.MustCompile(`(?m)(^|[^\pL\pN])(\*\*|__|\*|_|~~|` + "`" + `)([^\s*_~` + "`" + `](?:[^*_~` + "`" + `\n]*[^\s*_~` + "`" + `])?)(\*\*|__|\*|_|~~|` + "`" + `)($|[^\pL\pN])`)
	mdRule     = regexp.MustCompile("(?m)^\\s{0,3}(?:[-*_]\\s*){3,}$|^\\s*```.*$")
	// mdTemplate is a site generator's tag left in a post: Hugo's
	// shortcodes ({{< banner title="…" >}}), Jekyll's Liquid ({% … %}),
	// and HTML comments (<!-- E SF -->).
	// Their attributes are no text, and a quoted title="…" would read as
	// a quotation.
	mdTemplate = regexp.MustCompile(`\{\{.*?\}\}|\{%.*?%\}|(?s:<!--.*?-->)`)
	// mdHTMLTag is a raw HTML tag, which Markdown lets a post carry
	// (WordPress and Joomla exports are HTML inside a Markdown file); its
	// name is group 2, "/" before it in group 1.
	mdHTMLTag = regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?/?>`)
)

// mdHTMLBreaks are the HTML elements that end a paragraph (a line, for
// br, a space for sup and sub): their text is a paragraph of its own, as a
// browser shows it. Any other tag (em, strong, span, a, img) is dropped and its text runs on.
var mdHTMLBreaks = map[string]string{
	"br": "\n", "p": "\n\n", "div": "\n\n", "li": "\n\n", "ul": "\n\n", "ol": "\n\n",
	"h1": "\n\n", "h2": "\n\n", "h3": "\n\n", "h4": "\n\n", "h5": "\n\n", "h6": "\n\n",
	"blockquote": "\n\n", "table": "\n\n", "tr": "\n\n", "hr": "\n\n", "figure": "\n\n",
	"figcaption": "\n\n", "section": "\n\n", "article": "\n\n", "header": "\n\n", "footer": "\n\n",
	// A footnote mark is no part of the word before it: "Ola Bini<sup>1</sup>".
	"sup": " ", "sub": " ",
}

// stripHTMLInMarkdown turns the raw HTML of a Markdown post into the text a
// browser shows: block elements become paragraph breaks, other tags go,
// and character references ("&nbsp;", "&eacute;") are decoded, so that
// "</p><p>" no longer glues two paragraphs' names together and a style="…"
// attribute is not read as a quotation. Text with no tag is left alone
// (a bare "&" or "a < b" in a post is text).
func stripHTMLInMarkdown(s string) string {
	if !mdHTMLTag.MatchString(s) {
		return s
	}
	s = mdHTMLTag.ReplaceAllStringFunc(s, func(tag string) string {
		name := strings.ToLower(mdHTMLTag.FindStringSubmatch(tag)[2])
		return mdHTMLBreaks[name]
	})
	return html.UnescapeString(s)
}

// stripMarkdown removes markdown markup lightly, leaving text that
// extractText reads like any other.
func stripMarkdown(s string) string {
	s = mdTemplate.ReplaceAllString(s, "")
	s = stripHTMLInMarkdown(s)
	s = mdRule.ReplaceAllString(s, "")
	s = mdHeading.ReplaceAllString(s, "")
	s = mdQuote.ReplaceAllString(s, "")
	s = mdImage.ReplaceAllString(s, "")
	s = mdLink.ReplaceAllString(s, "$1")
	// Each match takes the character after it, so emphasis right after
	// other emphasis ("*a* *b*") needs another pass.
	for range 3 {
		s = mdEmphasis.ReplaceAllStringFunc(s, func(m string) string {
			sub := mdEmphasis.FindStringSubmatch(m)
			if sub[2] != sub[4] {
				return m
			}
			return sub[1] + sub[3] + sub[5]
		})
	}
	return s
}
