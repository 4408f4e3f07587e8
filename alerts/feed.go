package alerts

import (
	"cmp"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// TagPrefix starts every feed and entry ID. A tag URI (RFC 4151) names an
// authority and a date it held the name; the date is fixed forever, so IDs
// never change.
const TagPrefix = "tag:advosearch,2026:"

// DefaultFeedLimit is the number of entries Store.Feed returns for limit 0.
const DefaultFeedLimit = 50

const atomNS = "http://www.w3.org/2005/Atom"

// Feed is an Atom feed, independent of where its entries come from.
type Feed struct {
	// ID is a permanent URI, e.g. TagPrefix + "alert/12".
	ID, Title string
	// SelfURL is where the feed is served; AlternateURL, if set, the page it
	// stands for.
	SelfURL, AlternateURL string
	// Updated is zero for the newest entry's Updated.
	Updated time.Time
	Entries []Entry
}

// Entry is one Atom entry.
type Entry struct {
	// ID is a permanent URI.
	ID, Title string
	// URL is the entry's link.
	URL     string
	Summary string
	// Source names the author; empty means "advosearch".
	Source string
	// Published is optional; Updated zero means Published, or the feed's
	// Updated.
	Published, Updated time.Time
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Gen     string      `xml:"generator"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	ID        string     `xml:"id"`
	Title     string     `xml:"title"`
	Updated   string     `xml:"updated"`
	Published string     `xml:"published,omitempty"`
	Link      atomLink   `xml:"link"`
	Author    atomPerson `xml:"author"`
	Summary   string     `xml:"summary"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

func atomTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// WriteAtom writes f as an Atom 1.0 document. encoding/xml escapes every
// text and attribute, so titles may hold any characters. It returns an error
// wrapping ErrInvalid if a required element (feed ID, title, self link,
// entry ID, title or link) is missing.
func WriteAtom(w io.Writer, f Feed) error {
	switch {
	case f.ID == "":
		return &ValidationError{Field: "feed id", Reason: "is required"}
	case f.Title == "":
		return &ValidationError{Field: "feed title", Reason: "is required"}
	case f.SelfURL == "":
		return &ValidationError{Field: "feed self url", Reason: "is required"}
	}
	updated := f.Updated
	if updated.IsZero() {
		for _, e := range f.Entries {
			if t := entryUpdated(e, time.Time{}); t.After(updated) {
				updated = t
			}
		}
	}
	if updated.IsZero() {
		return &ValidationError{Field: "feed updated", Reason: "is required when no entry has a date"}
	}
	af := atomFeed{
		ID:      f.ID,
		Title:   f.Title,
		Updated: atomTime(updated),
		Links:   []atomLink{{Rel: "self", Type: "application/atom+xml", Href: f.SelfURL}},
		Gen:     "advosearch",
	}
	if f.AlternateURL != "" {
		af.Links = append(af.Links, atomLink{Rel: "alternate", Type: "text/html", Href: f.AlternateURL})
	}
	for _, e := range f.Entries {
		switch {
		case e.ID == "":
			return &ValidationError{Field: "entry id", Value: e.Title, Reason: "is required"}
		case e.Title == "":
			return &ValidationError{Field: "entry title", Value: e.ID, Reason: "is required"}
		case e.URL == "":
			return &ValidationError{Field: "entry url", Value: e.ID, Reason: "is required"}
		}
		ae := atomEntry{
			ID:      e.ID,
			Title:   e.Title,
			Updated: atomTime(entryUpdated(e, updated)),
			Link:    atomLink{Rel: "alternate", Href: e.URL},
			Author:  atomPerson{Name: cmp.Or(e.Source, "advosearch")},
			Summary: e.Summary,
		}
		if !e.Published.IsZero() {
			ae.Published = atomTime(e.Published)
		}
		af.Entries = append(af.Entries, ae)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("alerts: write feed %s: %w", f.ID, err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(af); err != nil {
		return fmt.Errorf("alerts: write feed %s: %w", f.ID, err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("alerts: write feed %s: %w", f.ID, err)
	}
	return nil
}

func entryUpdated(e Entry, fallback time.Time) time.Time {
	switch {
	case !e.Updated.IsZero():
		return e.Updated
	case !e.Published.IsZero():
		return e.Published
	}
	return fallback
}

// Feed returns the alert's latest matches, newest first, as a feed: at most
// limit entries (0 means DefaultFeedLimit, more than MaxMatchesLimit is an
// error wrapping ErrInvalid). baseURL is the site's root, e.g.
// "https://advosearch.example"; the feed's self link is
// baseURL/alerts/{id}/feed.atom and its alternate link the search page for
// the alert's query; the web handler may change both. An entry's link is the
// statement's own URL, or its advosearch page when it has none; its Updated
// is when it matched. It returns an error wrapping ErrNotFound for an
// unknown alert.
func (s *Store) Feed(ctx context.Context, alertID, baseURL string, limit int) (Feed, error) {
	if err := ctx.Err(); err != nil {
		return Feed{}, err
	}
	limit, err := feedLimit(limit)
	if err != nil {
		return Feed{}, err
	}
	var (
		a  Alert
		ms []Match
	)
	err = s.db.View(func(tx *bolt.Tx) error {
		var err error
		if a, err = getAlert(tx, alertID); err != nil {
			return err
		}
		ms, err = latestMatches(tx, a, limit)
		return err
	})
	if err != nil {
		return Feed{}, fmt.Errorf("alerts: feed of %s: %w", alertID, err)
	}
	return newFeed(a, ms, baseURL), nil
}

// feedLimit checks Feed's limit, 0 meaning DefaultFeedLimit.
func feedLimit(limit int) (int, error) {
	if limit == 0 {
		return DefaultFeedLimit, nil
	}
	return limit, checkLimit(limit)
}

// checkLimit checks the limit of Matches and Feed.
func checkLimit(limit int) error {
	if limit < 1 || limit > MaxMatchesLimit {
		return &ValidationError{Field: "limit", Value: fmt.Sprint(limit), Reason: fmt.Sprintf("must be between 1 and %d", MaxMatchesLimit)}
	}
	return nil
}

// newFeed is the feed of the alert's latest matches, ms, newest first.
func newFeed(a Alert, ms []Match, baseURL string) Feed {
	base := strings.TrimRight(baseURL, "/")
	f := Feed{
		ID:           TagPrefix + "alert/" + a.ID,
		Title:        "advosearch alert: " + a.Name,
		SelfURL:      base + "/alerts/" + a.ID + "/feed.atom",
		AlternateURL: base + "/?" + searchParams(a).Encode(),
		Updated:      a.Created,
	}
	if len(ms) > 0 {
		f.Updated = ms[0].Matched
	}
	for _, m := range ms {
		link := m.URL
		if link == "" {
			link = base + "/statements/" + url.PathEscape(m.StatementID)
		}
		f.Entries = append(f.Entries, Entry{
			// The statement's ID, not the match's: a reader subscribed to
			// two alerts shows a statement that matched both once.
			ID:        TagPrefix + "statement/" + url.PathEscape(m.StatementID),
			Title:     cmp.Or(m.Title, m.StatementID),
			URL:       link,
			Summary:   summary(a, m),
			Source:    m.Source,
			Published: m.Published,
			Updated:   m.Matched,
		})
	}
	return f
}

// summary is the summary of a match's entry (EntrySummary): a reader
// follows several alerts, and the entry alone does not say which one
// matched, or what it asks for.
func summary(a Alert, m Match) string {
	return EntrySummary(m.Snippet, m.Source, m.Published, matchedBecause(a))
}

// EntrySummary is the plain-text summary of a feed entry, what a reader
// needs to judge a statement without opening it, one line each: the
// passages where the search matched (snippet, left out when empty), where
// the statement is from, and why it is in the feed ("Matched " + why).
func EntrySummary(snippet, source string, published time.Time, why string) string {
	from := []string{cmp.Or(source, "Unknown source")}
	if !published.IsZero() {
		from = append(from, "published "+published.UTC().Format("2 January 2006"))
	}
	lines := []string{strings.Join(from, ", ") + ".", "Matched " + why + "."}
	if snippet != "" {
		lines = append([]string{snippet}, lines...)
	}
	return strings.Join(lines, "\n")
}

// matchedBecause words what an alert asks for, e.g. `the words “land
// activists”, organization LICADHO, published from 1 January 2020`.
func matchedBecause(a Alert) string {
	var parts []string
	if a.Query != "" {
		parts = append(parts, "the words “"+a.Query+"”")
	}
	for _, f := range []struct {
		name string
		vals []string
	}{{"organization", a.Organizations}, {"person", a.People}, {"place", a.Places}, {"source", a.Sources}} {
		for _, v := range f.vals {
			parts = append(parts, f.name+" "+v)
		}
	}
	if !a.From.IsZero() {
		parts = append(parts, "published from "+a.From.UTC().Format("2 January 2006"))
	}
	if len(parts) == 0 {
		return "alert “" + a.Name + "”, which takes every new statement"
	}
	return "alert “" + a.Name + "”: " + strings.Join(parts, ", ")
}

// searchParams is the alert as the query of the web search page; the names
// are those of web's parameters.
func searchParams(a Alert) url.Values {
	v := url.Values{}
	if a.Query != "" {
		v.Set("q", a.Query)
	}
	for name, vals := range map[string][]string{"org": a.Organizations, "person": a.People, "place": a.Places, "source": a.Sources} {
		for _, x := range vals {
			v.Add(name, x)
		}
	}
	if !a.From.IsZero() {
		v.Set("from", a.From.Format(time.DateOnly))
	}
	v.Set("sort", "-date")
	return v
}
