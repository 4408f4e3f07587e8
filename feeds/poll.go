package feeds

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

const feedAccept = "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"

// MaxSeen bounds State.Seen. Keys of items still in the feed are always
// kept (they come first), so only items that left the feed long ago are
// forgotten.
const MaxSeen = 1000

// Item is one new entry of a feed.
type Item struct {
	// GUID is the item's key in State.Seen: its guid/id, else its link,
	// else its title and date.
	GUID string
	// Link is the item's page, absolute. It may be empty.
	Link  string
	Title string
	// Published is the publication date, else the update date; zero if the
	// feed gives neither.
	Published time.Time
	// Content is HTML: the item's full content, else its description.
	Content string
}

// Poll fetches a feed (RSS, Atom or JSON Feed) with a conditional GET
// built from st, and returns the items whose keys are not in st.Seen, in
// feed order, and the state to store once they have been dealt with.
//
// A 304 returns no items and st unchanged. Poll does not check robots.txt:
// a feed is published for programs to read, and its URL was chosen by
// whoever runs the watcher, as in feed readers. Errors are those of Page,
// except ErrDisallowed and ErrUnsupported, plus a parse error for a body
// that is no feed.
//
// Poll does not modify st; the caller decides when next replaces it (the
// Watcher does so only after the items are safely handed on).
func (f *Fetcher) Poll(ctx context.Context, feedURL string, st State) (items []Item, next State, err error) {
	h := make(http.Header)
	if st.ETag != "" {
		h.Set("If-None-Match", st.ETag)
	}
	if st.LastModified != "" {
		h.Set("If-Modified-Since", st.LastModified)
	}
	r, err := f.get(ctx, feedURL, getOptions{header: h, accept: feedAccept})
	if err != nil {
		return nil, st, err
	}
	if r.status == http.StatusNotModified {
		return nil, st, nil
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(r.body))
	if err != nil {
		return nil, st, fmt.Errorf("feeds: parse %s: %w", r.url, err)
	}

	seen := make(map[string]bool, len(st.Seen))
	for _, k := range st.Seen {
		seen[k] = true
	}
	next = State{
		ETag:         r.header.Get("ETag"),
		LastModified: r.header.Get("Last-Modified"),
	}
	current := make(map[string]bool, len(feed.Items))
	for _, fi := range feed.Items {
		if fi == nil {
			continue
		}
		it := item(fi, r.url)
		if current[it.GUID] {
			continue // the same item twice in one feed
		}
		current[it.GUID] = true
		next.Seen = append(next.Seen, it.GUID)
		if !seen[it.GUID] {
			items = append(items, it)
		}
	}
	for _, k := range st.Seen {
		if len(next.Seen) >= MaxSeen {
			break
		}
		if !current[k] {
			next.Seen = append(next.Seen, k)
		}
	}
	return items, next, nil
}

// item converts a gofeed item; relative links are resolved against the
// feed's own URL.
func item(fi *gofeed.Item, base *url.URL) Item {
	it := Item{
		Title:   strings.TrimSpace(fi.Title),
		Content: fi.Content,
		Link:    absolute(base, fi.Link),
	}
	if strings.TrimSpace(it.Content) == "" {
		it.Content = fi.Description
	}
	if it.Link == "" {
		for _, l := range fi.Links {
			if it.Link = absolute(base, l); it.Link != "" {
				break
			}
		}
	}
	if it.Link == "" && (strings.HasPrefix(fi.GUID, "http://") || strings.HasPrefix(fi.GUID, "https://")) {
		// RSS: a guid with isPermaLink (the default) is the item's URL.
		it.Link = fi.GUID
	}
	switch {
	case fi.PublishedParsed != nil:
		it.Published = fi.PublishedParsed.UTC()
	case fi.UpdatedParsed != nil:
		it.Published = fi.UpdatedParsed.UTC()
	}
	it.GUID = strings.TrimSpace(fi.GUID)
	if it.GUID == "" {
		it.GUID = it.Link
	}
	if it.GUID == "" {
		it.GUID = it.Title + "|" + fi.Published
	}
	return it
}

// absolute resolves ref against base; "" if it is not an http(s) URL.
func absolute(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := base.Parse(ref)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return u.String()
}
