package indexer

import (
	"encoding/json"
	"fmt"
	"github.com/markusmobius/go-trafilatura"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// extractHTML reads a web page: metadata (Open Graph, JSON-LD, <time>) for
// title, URL, publisher and date, and the main content for the body. The
// HTML5 parser repairs malformed markup the way browsers do, so broken pages
// still give their text.
func extractHTML(src string) (extraction, error) {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(src))
	if err != nil {
		return extraction{}, fmt.Errorf("%w: %w", ErrMalformedHTML, err)
	}
	ld := readLinkedData(doc)
	x := extraction{
		url:    firstNonEmpty(metaContent(doc, "og:url"), attr(doc, `link[rel="canonical"]`, "href"), ld.url),
		source: pagePublisher(doc, ld),
	}
	x.title = headline(x.source,
		metaContent(doc, "og:title"),
		ld.headline,
		withoutSiteName(collapseSpace(doc.Find("title").First().Text()), x.source),
		collapseSpace(doc.Find("h1").First().Text()),
	)
	var site string
	if x.title, site = printedHeadline(doc, x.title); x.source == "" {
		x.source = site
	}
	x.published = pageDate(doc, ld)

	root := mainContent(doc)
	removeChrome(root)
	var lines []string
	blockLines(root.Nodes, &lines)
	paras := keptByTrafilatura(paragraphs(lines), src)
	if len(paras) == 0 {
		return extraction{}, ErrEmpty
	}
	if h1 := collapseSpace(doc.Find("h1").First().Text()); x.title != "" && echoedHeadline(h1, x.title, paras) {
		// A section's name or the site's motto in the metadata ("News
		// and Press Releases", "Defending rights across the region"),
		// where the page prints its headline in the <h1>: the text takes
		// up the <h1>'s words, not the metadata's.
		x.title = h1
	}
	if x.title == "" {
		x.title, x.body = headlineAndBody(paras)
	} else {
		// The headline as the page prints it may be the <title> without
		// its site name, or the <h1>.
		headlines := []string{x.title, collapseSpace(doc.Find("h1").First().Text())}
		if head, _, ok := cutSiteName(x.title); ok {
			headlines = append(headlines, head)
		}
		paras = fromHeadline(paras, headlines)
		if x.published.IsZero() {
			// The date line under the headline is read before it is
			// dropped as page furniture.
			x.published = publishedFromText(strings.Join(paras, "\n\n"))
		}
		x.body = strings.Join(slices.DeleteFunc(withoutDateLines(paras), func(p string) bool { return slices.Contains(headlines, p) }), "\n\n")
	}
	if x.body == "" {
		return extraction{}, ErrEmpty
	}
	return x, nil
}

// echoedHeadline reports whether h1, the page's first <h1>, is its
// headline rather than title, the metadata's: a headline's words, which
// the paragraphs other than the two take up, where they do not take up
// title's.
func echoedHeadline(h1, title string, paras []string) bool {
	if len(strings.Fields(h1)) < minHeadlineWords || strings.EqualFold(h1, title) {
		return false
	}
	rest := strings.Join(slices.DeleteFunc(slices.Clone(paras), func(p string) bool { return p == h1 || p == title }), "\n")
	return echoedBy(h1, rest) && !echoedBy(title, rest)
}

// minHeadlineWords is the fewest words a headline has. Shorter titles in a
// page's metadata are a section ("Press releases"), a language ("Español")
// or the site's name, which sites put where the headline belongs.
const minHeadlineWords = 3

// headline returns the first of the candidates, most trusted first, that
// can be a headline: of minHeadlineWords or more, and not the site's name.
// When none can, it returns the first that is not empty.
func headline(site string, candidates ...string) string {
	for _, c := range candidates {
		if len(strings.Fields(c)) >= minHeadlineWords && !strings.EqualFold(strings.TrimSpace(c), site) {
			return strings.TrimSpace(c)
		}
	}
	return firstNonEmpty(candidates...)
}

// printedHeadline returns the headline as the page prints it in an <h1>
// or <h2> where the metadata's title is only a part of it: the same words
// with the site's name after them ("Headline | Radio Progreso"), a
// shortened form ("Release land defenders" of "Honduras: Release land
// defenders"), or a section's name ("News | Global Witness"). site is the
// name cut from the title's tail, when the printed headline shows the tail
// was one. A title the page prints as it is stands.
func printedHeadline(doc *goquery.Document, title string) (headline, site string) {
	head, tail, cut := cutSiteName(title)
	section := len(strings.Fields(head)) < minHeadlineWords
	headline = title
	doc.Find("h1, h2").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		h := collapseSpace(s.Text())
		switch {
		case h == "":
			return true
		case strings.EqualFold(h, title):
			return false
		case cut && strings.EqualFold(h, head):
			headline, site = h, tail
		case len(h) > len(head) && len(h) <= 2*len(head) && strings.Contains(strings.ToLower(h), strings.ToLower(head)):
			headline = h
		case section && len(strings.Fields(h)) >= minHeadlineWords:
			headline = h
			if cut {
				site = tail
			}
		default:
			return true
		}
		return false
	})
	return headline, site
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// metaContent reads a <meta> by property (Open Graph) or name.
func metaContent(doc *goquery.Document, key string) string {
	return firstNonEmpty(
		attr(doc, fmt.Sprintf(`meta[property=%q]`, key), "content"),
		attr(doc, fmt.Sprintf(`meta[name=%q]`, key), "content"),
	)
}

func attr(doc *goquery.Document, selector, name string) string {
	v, _ := doc.Find(selector).First().Attr(name) // absent means empty
	return strings.TrimSpace(v)
}

// titleSeparators part a <title>'s headline from the site's name.
var titleSeparators = []string{" | ", " – ", " — ", " - ", " :: ", " · ", " • ", " » "}

// withoutSiteName drops the " | Site" tail that <title> usually carries,
// or the "Site | " head some sites put first. With no site name known, a
// head of fewer than minHeadlineWords words before a pipe is dropped when
// the rest is a headline ("Harbour Times | Activists detained …"): a pipe
// parts a site or a section from the headline, never a headline's words.
func withoutSiteName(title, site string) string {
	for _, sep := range titleSeparators {
		head, tail, ok := strings.Cut(title, sep)
		if !ok {
			continue
		}
		head, tail = strings.TrimSpace(head), strings.TrimSpace(tail)
		switch {
		case site != "" && strings.EqualFold(tail, site):
			return head
		case site != "" && strings.EqualFold(head, site):
			return tail
		case site == "" && (sep == " | " || sep == " :: ") && !strings.Contains(tail, sep) &&
			len(strings.Fields(head)) < minHeadlineWords && len(strings.Fields(tail)) >= minHeadlineWords:
			return tail
		}
	}
	return title
}

// cutSiteName splits a title at its last separator (" | ", " – ", " — ",
// " - ", …) into the headline and the tail where sites put their name.
func cutSiteName(title string) (head, site string, ok bool) {
	best := -1
	sepLen := 0
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(title, sep); i > best {
			best, sepLen = i, len(sep)
		}
	}
	if best <= 0 {
		return title, "", false
	}
	return strings.TrimSpace(title[:best]), strings.TrimSpace(title[best+sepLen:]), true
}

// maxSiteTailWords bounds a site's name after a title's separator.
const maxSiteTailWords = 4

// siteTail reports whether site, the tail cutSiteName split from title
// after head, is the name of the site rather than part of the headline,
// by its shape alone: one word with a capital inside ("MediaKhmer",
// "GlobalVoices"), a host name ("armenews.com"), or after " | " (" :: ") a few
// capitalised words ("Headline | Harbour Times"; "Ukraine | the war in
// numbers" is a headline). The headline must keep minHeadlineWords words
// or, in a script without spaces, as many characters as a short headline.
func siteTail(title, head, site string) bool {
	words := strings.Fields(site)
	if len(words) == 0 || len(words) > maxSiteTailWords || strings.ContainsAny(site, ",;:!?\"“”«»()") {
		return false
	}
	if len(strings.Fields(head)) < minHeadlineWords && utf8.RuneCountInString(head) < 20 {
		return false
	}
	if len(words) == 1 && (innerCapital(site) || hostNameRe.MatchString(site)) {
		return true
	}
	if !strings.Contains(title, " | ") && !strings.Contains(title, " :: ") {
		return false
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// hostNameRe matches a site's host name written as its name.
var hostNameRe = regexp.MustCompile(`^(?:www\.)?[\pL\d-]+(?:\.[\pL\d-]+)*\.(?:com|org|net|info|news|me|tv|fr|es|mx|br|kh|co\.uk|org\.uk)$`)

// innerCapital reports whether w, one word, has a capital after a small
// letter ("MediaKhmer", "OpenDemocracy"), as sites' names do and words
// and surnames seldom do ("McDonald" is one that does).
func innerCapital(w string) bool {
	lower := false
	for _, r := range w {
		if unicode.IsUpper(r) && lower {
			return !strings.HasPrefix(w, "Mc") && !strings.HasPrefix(w, "Mac")
		}
		lower = unicode.IsLower(r)
	}
	return false
}

// pageDate takes the publication date from the page's metadata, most
// explicit first. The zero time means the metadata gives none; the caller
// then looks in the text.
func pageDate(doc *goquery.Document, ld linkedData) time.Time {
	// The publishing platforms' own keys (Open Graph variants, Dublin Core,
	// Parse.ly, Sailthru, Google Scholar) come after the standard ones; all
	// name the publication, not the last edit.
	candidates := []string{
		metaContent(doc, "article:published_time"),
		metaContent(doc, "og:article:published_time"),
		ld.datePublished,
		attr(doc, `[itemprop="datePublished"]`, "content"),
		attr(doc, `[itemprop="datePublished"]`, "datetime"),
		attr(doc, "time[datetime]", "datetime"),
		metaContent(doc, "date"),
		metaContent(doc, "pubdate"),
		metaContent(doc, "publish-date"),
		metaContent(doc, "DC.date.issued"),
		metaContent(doc, "dcterms.issued"),
		metaContent(doc, "dcterms.date"),
		metaContent(doc, "DC.date"),
		metaContent(doc, "parsely-pub-date"),
		metaContent(doc, "sailthru.date"),
		metaContent(doc, "citation_publication_date"),
	}
	for _, c := range candidates {
		if t, ok := parseDate(c); ok {
			return t
		}
	}
	// Blog themes print the date in a post-meta line ("February 22, 2019
	// | Filed under: Statements") that removeChrome then drops; the first
	// such element in the page is the post's, the related posts come later.
	var stamped time.Time
	doc.Find(dateClassSelector).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if m := leadingDateRe.FindStringSubmatch(collapseSpace(s.Text())); m != nil {
			if t, ok := parseDate(m[1]); ok {
				stamped = t
				return false
			}
		}
		return true
	})
	return stamped
}

// dateClassSelector finds the elements where page templates print the date.
const dateClassSelector = `[class*="date"], [class*="posted"], [class*="post-info"], [class*="entry-meta"], [class*="post-meta"], [class*="byline"]`

// leadingDateRe reads a full date at the start of an element's text.
var leadingDateRe = regexp.MustCompile(`^(` + dayMonthYear + `|` + monthDayYear + `|` + isoDate + `)`)

// linkedData is what the page's JSON-LD says about the article.
type linkedData struct {
	headline, url, publisher, datePublished string
}

// readLinkedData reads the schema.org objects in the page; a script that is
// not valid JSON is ignored, as browsers and crawlers ignore it.
func readLinkedData(doc *goquery.Document) linkedData {
	var ld linkedData
	doc.Find(`script[type="application/ld+json"]`).Each(func(_ int, s *goquery.Selection) {
		var v any
		if json.Unmarshal([]byte(s.Text()), &v) != nil {
			return
		}
		walkLinkedData(v, &ld)
	})
	return ld
}

// walkLinkedData visits objects in arrays and @graph lists and keeps the
// first value found for each field, from article-like objects only (those
// with a headline or a publication date): the WebSite and Organization
// objects beside them carry the site's root URL, not the article's.
func walkLinkedData(v any, ld *linkedData) {
	switch v := v.(type) {
	case []any:
		for _, item := range v {
			walkLinkedData(item, ld)
		}
	case map[string]any:
		_, hasHeadline := v["headline"]
		_, hasDate := v["datePublished"]
		if !hasHeadline && !hasDate && !articleType(v["@type"]) {
			walkLinkedData(v["@graph"], ld)
			return
		}
		if ld.datePublished == "" {
			ld.datePublished, _ = v["datePublished"].(string)
		}
		if ld.headline == "" {
			ld.headline, _ = v["headline"].(string)
		}
		if ld.url == "" {
			ld.url, _ = v["url"].(string)
		}
		if ld.publisher == "" {
			ld.publisher = organizationName(v["publisher"])
		}
		walkLinkedData(v["@graph"], ld)
	}
}

// pagePublisher names the site's publisher, most explicit first:
// application-name is the site's name where Open Graph and JSON-LD give
// none (browsers show it for pinned sites). The footer's copyright line
// is read only where no meta tag names one, as it walks the page's
// elements.
func pagePublisher(doc *goquery.Document, ld linkedData) string {
	meta := firstNonEmpty(metaContent(doc, "og:site_name"), ld.publisher, metaContent(doc, "application-name"), publisherMeta(doc))
	if meta != "" {
		return meta
	}
	return strings.TrimSpace(pageCopyright(doc))
}

// publisherMeta returns the publisher a page's other meta tags name, after
// the Open Graph and JSON-LD ones: "publisher", "article:publisher" (a
// name, not the address of a social page), "copyright" ("© 2024 Harbour
// Rights Network").
func publisherMeta(doc *goquery.Document) string {
	for _, key := range []string{"publisher", "article:publisher", "dc.publisher", "DC.publisher"} {
		if v := metaContent(doc, key); v != "" && !strings.Contains(v, "/") {
			return v
		}
	}
	if v := metaContent(doc, "copyright"); v != "" {
		if !strings.Contains(v, "©") {
			v = "© " + v
		}
		return copyrightIn(v)
	}
	return ""
}

// pageCopyright returns the publisher the page's copyright line names, in
// its footer, which chrome removal drops before the text is read: "© 2024
// Harbour Rights Network. All rights reserved."
func pageCopyright(doc *goquery.Document) string {
	org := ""
	doc.Find("footer, [class*=footer], [id*=footer], [class*=copyright], [id*=copyright]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		for _, line := range strings.Split(s.Text(), "\n") {
			if line = collapseSpace(line); strings.Contains(line, "©") && len(line) < 200 {
				if org = copyrightIn(line); org != "" {
					return false
				}
			}
		}
		return true
	})
	return org
}

// articleType reports whether a JSON-LD @type (a name or a list) is an
// article's: Article, NewsArticle, BlogPosting, Report, PressRelease.
func articleType(v any) bool {
	switch v := v.(type) {
	case string:
		return strings.HasSuffix(v, "Article") || v == "BlogPosting" || v == "Report" || v == "PressRelease"
	case []any:
		return slices.ContainsFunc(v, articleType)
	}
	return false
}

// organizationName reads a schema.org publisher, which may be a name, an
// object with a name, or a list of either.
func organizationName(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case map[string]any:
		name, _ := v["name"].(string)
		return name
	case []any:
		for _, item := range v {
			if name := organizationName(item); name != "" {
				return name
			}
		}
	}
	return ""
}

// keptByTrafilatura cuts from paras, the main element's paragraphs, what
// trafilatura leaves out of the article: the stories, lists and links after
// its last paragraph, and the lists between its paragraphs ("Trending
// News"). On 91 news pages of scrapinghub's article extraction benchmark
// the main element kept 0.847 of its words from the article, trafilatura
// 0.970. What stands above the article's first paragraph stays, as
// trafilatura drops the date line, the byline and the headline that the
// header reading needs, and so do the paragraphs between its paragraphs
// that are not lists: on older pages (tables, <font>) it drops bylines,
// quotations and paragraphs of the text itself. Where it finds nothing,
// paras stay as they are.
func keptByTrafilatura(paras []string, src string) []string {
	res, err := trafilaturaArticle(src)
	if err != nil || res.ContentNode == nil {
		return paras
	}
	var lines []string
	blockLines([]*html.Node{res.ContentNode}, &lines)
	article := map[string]bool{}
	words := map[string]bool{}
	for _, p := range paragraphs(lines) {
		article[p] = true
		for _, w := range strings.Fields(strings.ToLower(p)) {
			words[w] = true
		}
	}
	inArticle := func(p string) bool {
		if article[p] {
			return true
		}
		ws := strings.Fields(strings.ToLower(p))
		if len(ws) < minSharedWords {
			return false
		}
		shared := 0
		for _, w := range ws {
			if words[w] {
				shared++
			}
		}
		return 10*shared >= 8*len(ws)
	}
	first, last := -1, -1
	for i, p := range paras {
		if inArticle(p) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return paras
	}
	// The text may run on past trafilatura's last paragraph, in sentences:
	// the site's teasers start with a heading or a list.
	for last+1 < len(paras) && isProse(paras[last+1]) {
		last++
	}
	// A letter's or a statement's sign-off ("Reza Irmansyah, Indonesia")
	// ends it.
	if last+1 < len(paras) && isSignOff(paras[last+1]) {
		last++
	}
	// Above the article, the header reading needs the headline, the date
	// line and the byline, never a list (findTitle passes over them):
	// menus.
	var kept []string
	for _, p := range paras[:first] {
		if !isListItem(p) || inArticle(p) {
			kept = append(kept, p)
		}
	}
	first = len(kept)
	// Between the article's paragraphs, a list the article leaves out goes
	// with its heading ("Trending News"), and so does a run of headlines
	// (teasers set as blocks, not as a list).
	teasers := 0
	for _, p := range paras[first : last+1] {
		switch {
		case inArticle(p):
			teasers = 0
		case isListItem(p):
			if n := len(kept) - 1; n >= first && !isProse(kept[n]) {
				kept = kept[:n]
			}
			continue
		case !isProse(p):
			teasers++
			if teasers == minTeaserRun {
				kept = kept[:len(kept)-(minTeaserRun-1)]
			}
			if teasers >= minTeaserRun {
				continue
			}
		default:
			teasers = 0
		}
		kept = append(kept, p)
	}
	return kept
}

// minTeaserRun is how many paragraphs in a row that the article leaves out
// and that read as no sentence make a list of teasers.
const minTeaserRun = 3

// isProse reports whether p reads as a sentence of text: a few words that
// end like a sentence, not a list item.
func isProse(p string) bool {
	return !isListItem(p) && endsSentence(p) && len(strings.Fields(p)) >= minSharedWords
}

// trafilaturaArticle runs trafilatura on the page. A panic of its own on a
// page it cannot read becomes an error: paras then stay as they are, as
// one bad page must not stop an indexing run.
func trafilaturaArticle(src string) (res *trafilatura.ExtractResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("trafilatura: %v", r)
		}
	}()
	return trafilatura.Extract(strings.NewReader(src), trafilatura.Options{
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled, // pageDate reads the date
	})
}

// isSignOff reports whether p reads as a name and where it is from, as a
// letter or a statement is signed: a few words with a comma, no sentence.
func isSignOff(p string) bool {
	n := len(strings.Fields(p))
	return !isListItem(p) && !endsSentence(p) && n >= 2 && n <= maxSignOffWords && strings.Contains(p, ",")
}

// maxSignOffWords bounds a sign-off line.
const maxSignOffWords = 8

// minSharedWords is the fewest words a paragraph has for trafilatura's
// article to hold it in other words; a shorter one must stand there as it
// is.
const minSharedWords = 6

// minMainShare is the share of the page's text that a marked main element
// must hold to be taken for the statement; less means the mark sits on a
// teaser, and the whole body (cleaned of chrome) is the safer reading.
const minMainShare = 0.2

// mainContent picks the element holding the statement: the article body
// where the page marks one, else <article>, <main>, role=main, else <body>.
// Several <article>s usually mean teasers for other stories around the real
// one, so the one with the most text wins.
func mainContent(doc *goquery.Document) *goquery.Selection {
	body := doc.Find("body").First()
	pageText := len(body.Text())
	for _, selector := range []string{`[itemprop="articleBody"]`, "article", "main", `[role="main"]`} {
		best, bestLen := (*goquery.Selection)(nil), 0
		doc.Find(selector).Each(func(_ int, s *goquery.Selection) {
			if n := len(s.Text()); n > bestLen {
				best, bestLen = s, n
			}
		})
		if best != nil && float64(bestLen) >= minMainShare*float64(pageText) {
			return best
		}
	}
	return body
}

// chromeElements never hold the statement's own text.
const chromeElements = "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, button, select, figcaption"

// chromeClass matches class and id words that sites give to furniture:
// share bars, newsletter boxes, most-viewed and related lists.
// Page headers and footers, widgets, and the post metadata of blog themes
// (categories, tags, "Filed under") are furniture too: WordPress themes put
// them in <div id="header"> rather than <header>.
var chromeClass = regexp.MustCompile(`(?i)(?:^|[\s_-])(?:share|sharing|social|newsletter|subscribe|signup|related|viewed|popular|trending|breadcrumbs?|comments?|cookies?|banner|bandeau|advert|ads|promo|sidebar|menu|nav|navbar|tags|pagination|skip|header|footer|masthead|widget|widgets|tagline|postmetadata|post-info|entry-meta|cat-links|tags-links|partage|lies|mots-cles|fil-ariane|byline)(?:$|[\s_-])`)

// camelRe finds a lower-case letter followed by a capital.
var camelRe = regexp.MustCompile(`(\p{Ll})(\p{Lu})`)

// splitCamel separates the words of CSS-module class names
// ("ShareBar_container", "MostRead") so that chromeClass sees them.
func splitCamel(s string) string { return camelRe.ReplaceAllString(s, "$1 $2") }

// removeChrome deletes furniture inside the main content. An element is kept
// whatever its class if it holds most of the text, because some sites put
// words like "menu-open" on the wrapper around everything.
func removeChrome(root *goquery.Selection) {
	root.Find(chromeElements).Remove()
	total := len(root.Text())
	root.Find("[class], [id]").Each(func(_ int, s *goquery.Selection) {
		class, _ := s.Attr("class")
		id, _ := s.Attr("id")
		if !chromeClass.MatchString(splitCamel(class)) && !chromeClass.MatchString(splitCamel(id)) {
			return
		}
		if 2*len(s.Text()) > total {
			return
		}
		s.Remove()
	})
}

// fromHeadline drops the paragraphs above the headline: kickers ("Press
// releases"), channel names, banners. The statement starts at its title, as
// in text. The headline is the page's title or its <h1>; when neither is a
// paragraph of its own in the first half of the page, nothing is dropped.
func fromHeadline(paras, headlines []string) []string {
	for i, p := range paras[:len(paras)/2+1] {
		if p != "" && slices.Contains(headlines, p) {
			return paras[i:]
		}
	}
	return paras
}

// withoutDateLines drops paragraphs that are only a date, with or without a
// time ("November 16, 2017 / 8:56 AM"), a label or a place ("Published on
// 14 March 2024"): the page's date stamp, read before, is no part of the
// statement's text.
func withoutDateLines(paras []string) []string {
	kept := paras[:0:0]
	for _, p := range paras {
		if len(p) <= maxDateLine && (dateStampRe.MatchString(p) || isDateLine(p)) {
			continue
		}
		kept = append(kept, p)
	}
	return kept
}

// maxDateLine bounds a date stamp paragraph or a date line, in bytes.
const maxDateLine = 80

// dateStampRe matches a paragraph that is a date, optionally followed by a
// time and an "Updated ..." note.
var dateStampRe = regexp.MustCompile(`^(?:` + dayMonthYear + `|` + monthDayYear + `|` + isoDate + `)(?:\s*[/|·,-]\s*[\d:.]+\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4})?)?(?:\s*[/|·-]\s*Updated\b.*)?$`)

// blockElements end a paragraph; inline elements run on within it.
var blockElements = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"ul": true, "ol": true, "li": true, "dl": true, "dt": true, "dd": true,
	"blockquote": true, "pre": true, "table": true, "tr": true, "td": true, "th": true,
	"figure": true, "address": true, "hr": true, "body": true,
}

// blockLines writes the text of the nodes as lines, with a blank line at
// every block boundary so that paragraphs() sees HTML paragraphs the way it
// sees text paragraphs. List items get a bullet, as in text.
func blockLines(nodes []*html.Node, lines *[]string) {
	for _, n := range nodes {
		switch n.Type {
		case html.TextNode:
			appendInline(lines, n.Data)
		case html.ElementNode:
			switch {
			case n.Data == "br":
				*lines = append(*lines, "")
				*lines = append(*lines, "")
			case blockElements[n.Data]:
				*lines = append(*lines, "")
				if n.Data == "li" {
					appendInline(lines, "• ")
				}
				blockLines(children(n), lines)
				*lines = append(*lines, "")
			default:
				blockLines(children(n), lines)
			}
		case html.DocumentNode:
			blockLines(children(n), lines)
		}
	}
}

// appendInline adds text to the current line, starting one if needed.
func appendInline(lines *[]string, text string) {
	if strings.TrimSpace(text) == "" && (len(*lines) == 0 || (*lines)[len(*lines)-1] == "") {
		return
	}
	text = strings.ReplaceAll(text, "\n", " ")
	if len(*lines) == 0 || (*lines)[len(*lines)-1] == "" {
		*lines = append(*lines, strings.TrimLeft(text, " \t"))
		return
	}
	(*lines)[len(*lines)-1] += text
}

func children(n *html.Node) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = append(out, c)
	}
	return out
}
