package indexer

import (
	"html"
	"strings"
	"time"
	"unicode"

	"go.yaml.in/yaml/v4"
)

// frontMatter is what a Markdown file's YAML front matter (Jekyll, Hugo,
// Eleventy, Astro) says of the statement: sites keep the title, the date
// and often the source there, not in the text.
type frontMatter struct {
	title, source, url string
	// author is the post's author field: a person on most blogs, but the
	// publishing organization on a newsroom's or an NGO's site
	// ("author: IRFS"), which Extractor.source decides.
	author string
	// byline is a byline field ("Doug Bernard, VOA press freedom
	// editor"), which may name the writer's outlet after a comma.
	byline    string
	published time.Time
}

// Keys of front matter, by what they hold, most telling first. A site's
// own page address (permalink, legacy_url) is no statement URL; sourceURL
// is the original a repost copies. WordPress exports (wpXML → Jekyll)
// write post_title and post_date.
var (
	frontTitleKeys  = []string{"title", "headline", "post_title"}
	frontDateKeys   = []string{"date", "publishdate", "pubdate", "published_at", "published", "created_date", "created", "post_date"}
	frontSourceKeys = []string{"source", "publisher", "organization", "organisation"}
	frontURLKeys    = []string{"sourceurl", "source_url", "canonical", "canonicalurl", "canonical_url", "original", "original-link", "original_link", "external_link", "external-link", "externe_link", "url"}
)

// splitFrontMatter returns the front matter of text, read, and the text
// after it. Text without front matter, or whose front matter is no YAML
// map, comes back whole with nothing read: a rule (---) at the top of a
// document is also Markdown.
func splitFrontMatter(text string) (frontMatter, string) {
	rest, ok := strings.CutPrefix(strings.TrimPrefix(text, "\ufeff"), "---")
	if !ok {
		return frontMatter{}, text
	}
	rest = strings.TrimLeft(rest, " \t")
	if !strings.HasPrefix(rest, "\n") && !strings.HasPrefix(rest, "\r\n") {
		return frontMatter{}, text
	}
	end := -1
	for _, close := range []string{"\n---", "\n..."} {
		if i := strings.Index(rest, close); i >= 0 && (end < 0 || i < end) {
			end = i
		}
	}
	if end < 0 {
		return frontMatter{}, text
	}
	var fields map[string]any
	if err := yaml.Unmarshal([]byte(rest[:end]), &fields); err != nil || len(fields) == 0 {
		return frontMatter{}, text
	}
	body := rest[end+4:]
	if i := strings.IndexByte(body, '\n'); i >= 0 {
		body = body[i+1:]
	} else {
		body = ""
	}
	lower := make(map[string]any, len(fields))
	for k, v := range fields {
		lower[strings.ToLower(k)] = v
	}
	fm := frontMatter{
		// A site generator writes these fields into the page as HTML, so
		// a reader sees "&#58" as ":" (Liquid-escaped colons, "&amp;").
		title:  html.UnescapeString(frontString(lower, frontTitleKeys)),
		source: html.UnescapeString(frontString(lower, frontSourceKeys)),
		url:    frontString(lower, frontURLKeys),
		author: frontString(lower, []string{"author", "authors"}),
		byline: frontString(lower, []string{"byline"}),
	}
	for _, k := range frontDateKeys {
		if t, ok := frontDate(lower[k]); ok {
			fm.published = t
			break
		}
	}
	if fm.source == "" {
		// "byline: Maghreb Voices" over "original-link:
		// https://www.maghrebvoices.com/…": a name the site's address
		// spells is the publisher's, not a writer's.
		for _, name := range []string{fm.byline, fm.author} {
			if spellsHost(name, hostOf(fm.url)) {
				fm.source = name
				break
			}
		}
	}
	return fm, body
}

// spellsHost reports whether name, its letters and digits alone and in
// small letters, is the first label of host that is no "www", "en" or
// the like: "Maghreb Voices" and maghrebvoices.com, "Harbour Times" and
// news.harbourtimes.org.
func spellsHost(name, host string) bool {
	if name == "" || host == "" {
		return false
	}
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	key := b.String()
	if len(key) < 4 {
		return false
	}
	labels := strings.Split(host, ".")
	for _, l := range labels[:max(0, len(labels)-1)] {
		if l == key {
			return true
		}
	}
	return false
}

// frontString is the first of keys that holds a string, or a list whose
// first item is one (WordPress exports write "canonical_url:\n  - http…").
func frontString(fields map[string]any, keys []string) string {
	for _, k := range keys {
		v := fields[k]
		if l, ok := v.([]any); ok && len(l) > 0 {
			v = l[0]
		}
		if s, ok := v.(string); ok && strings.TrimSpace(s) != "" {
			return collapseSpace(s)
		}
	}
	return ""
}

// frontDate reads a front matter date: YAML's own timestamp, or a string
// in any form parseDate knows. "published: true", Jekyll's flag, is none.
func frontDate(v any) (time.Time, bool) {
	switch v := v.(type) {
	case time.Time:
		return utcDay(v.Year(), v.Month(), v.Day())
	case string:
		v = strings.TrimSpace(v)
		if t, err := time.Parse(time.RFC3339, v); err == nil {
			return utcDay(t.Year(), t.Month(), t.Day())
		}
		// "2008-11-08 02:37:30 +06:00", as blog exporters write it: the
		// day as written is the statement's.
		if len(v) > len(time.DateOnly) && v[len(time.DateOnly)] == ' ' {
			if t, err := time.Parse(time.DateOnly, v[:len(time.DateOnly)]); err == nil {
				return utcDay(t.Year(), t.Month(), t.Day())
			}
		}
		return parseDate(v)
	}
	return time.Time{}, false
}

// fill sets what the front matter says on x.
func (fm frontMatter) fill(x *extraction) {
	if !fm.published.IsZero() {
		x.published = fm.published
	}
	if fm.source != "" {
		x.source = fm.source
	}
	if fm.url != "" {
		x.url = fm.url
	}
	x.author, x.byline = fm.author, fm.byline
}
