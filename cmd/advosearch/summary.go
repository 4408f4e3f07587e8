package main

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"slices"
	"strings"
	"syscall"

	"github.com/advosearch/advosearch/corpus"
	"github.com/advosearch/advosearch/feeds"
	"github.com/advosearch/advosearch/indexer"
	"github.com/advosearch/advosearch/netguard"
)

// printSummary ends an indexing run: the counts, with the skips counted by
// reason, the file types passed over, then each skip and warning. The first
// line always starts "indexed N, unchanged N, skipped N": scripts and tests
// read it.
func printSummary(w io.Writer, sum indexer.Summary, verbose bool) {
	fmt.Fprintf(w, "indexed %d, unchanged %d, skipped %d%s%s in %s\n",
		sum.Indexed, sum.Unchanged, len(sum.Skipped), skipCounts(sum.Skipped), otherCounts(sum), sum.Elapsed.Round(1e6))
	printIgnored(w, sum.Ignored)
	printSkipped(w, sum.Skipped, verbose)
	for _, name := range sum.Duplicates {
		fmt.Fprintf(w, "  duplicate %s: the same content as a statement already indexed, which now lists it as an origin\n", name)
	}
	for _, warn := range sum.Warnings {
		fmt.Fprintf(w, "  warning %s: %s\n", warn.Name, warn.Note)
	}
}

// otherCounts is ", 1 duplicate, 2 still deleted, 3 pruned": the documents
// that were a statement already, read from another origin; those passed
// over because their statement was deleted and they came unchanged; and the
// statements removed by --prune. "" when there are none, so that the line
// reads as it always has.
func otherCounts(sum indexer.Summary) string {
	out := ""
	switch n := len(sum.Duplicates); {
	case n == 1:
		out += ", 1 duplicate"
	case n > 1:
		out += fmt.Sprintf(", %d duplicates", n)
	}
	if n := len(sum.Deleted); n > 0 {
		out += fmt.Sprintf(", %d still deleted", n)
	}
	if sum.Pruned > 0 {
		out += fmt.Sprintf(", %d pruned", sum.Pruned)
	}
	return out
}

// printSkipped lists each skipped document with its reason, in words; with
// verbose, the Go error chain follows on a line of its own, for a bug report.
func printSkipped(w io.Writer, skipped []corpus.Skipped, verbose bool) {
	for _, s := range skipped {
		_, why := skipReason(s.Err)
		fmt.Fprintf(w, "  skipped %s: %s\n", s.Name, why)
		if verbose {
			fmt.Fprintf(w, "      (%v)\n", s.Err)
		}
	}
}

// skipCounts is " (2 malformed JSON, 1 binary data)", the skips counted by
// kind, the most common first; "" when nothing was skipped.
func skipCounts(skipped []corpus.Skipped) string {
	kinds := make([]string, len(skipped))
	for i, s := range skipped {
		kinds[i], _ = skipReason(s.Err)
	}
	return countKinds(kinds)
}

// countKinds is " (2 a, 1 b)": how often each kind occurs, the most common
// first, else in order of first appearance; "" for none.
func countKinds(kinds []string) string {
	if len(kinds) == 0 {
		return ""
	}
	n := map[string]int{}
	var distinct []string
	for _, k := range kinds {
		if n[k] == 0 {
			distinct = append(distinct, k)
		}
		n[k]++
	}
	slices.SortStableFunc(distinct, func(a, b string) int { return cmp.Compare(n[b], n[a]) })
	parts := make([]string, len(distinct))
	for i, k := range distinct {
		parts[i] = fmt.Sprintf("%d %s", n[k], k)
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// printIgnored says which files inside the folders were passed over for
// their type: "ignored 3 .doc, 2 .png: not a type advosearch reads (...)".
func printIgnored(w io.Writer, ignored map[string]int) {
	if len(ignored) == 0 {
		return
	}
	exts := make([]string, 0, len(ignored))
	for ext := range ignored {
		exts = append(exts, ext)
	}
	// The most common first; files without an extension last, as the
	// least telling.
	none := func(ext string) int {
		if ext == "" {
			return 1
		}
		return 0
	}
	slices.SortFunc(exts, func(a, b string) int {
		return cmp.Or(cmp.Compare(none(a), none(b)), cmp.Compare(ignored[b], ignored[a]), cmp.Compare(a, b))
	})
	parts := make([]string, len(exts))
	for i, ext := range exts {
		if ext == "" {
			parts[i] = fmt.Sprintf("%d without an extension", ignored[ext])
			continue
		}
		parts[i] = fmt.Sprintf("%d %s", ignored[ext], ext)
	}
	fmt.Fprintf(w, "ignored %s: %s\n", strings.Join(parts, ", "), notReadable())
}

func notReadable() string {
	return "not a type advosearch reads (it reads " + strings.Join(corpus.Extensions(), " ") + ")"
}

// skipReason says why a document was skipped, for the person who indexes
// it: kind is a few words to count skips by, why a line that names the
// innermost cause where it helps ("malformed JSON: unexpected end of JSON
// input"). The Go error chain is for --verbose: it names packages and IDs
// that mean nothing to a reporter.
func skipReason(err error) (kind, why string) {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var pathErr *fs.PathError
	switch {
	case errors.Is(err, indexer.ErrMalformedRecord) && errors.As(err, &syntax):
		return "malformed JSON", "malformed JSON: " + syntax.Error()
	case errors.Is(err, indexer.ErrMalformedRecord) && errors.As(err, &typ):
		if typ.Field == "" {
			return "malformed JSON", fmt.Sprintf("malformed JSON: a JSON %s, not an object with title, body, url…", typ.Value)
		}
		return "malformed JSON", fmt.Sprintf("malformed JSON: %q is a JSON %s, not a %s", typ.Field, typ.Value, typ.Type)
	case errors.Is(err, indexer.ErrMalformedRecord):
		return "bad record", withDetail("bad record", err, indexer.ErrMalformedRecord)
	case errors.Is(err, indexer.ErrBinary):
		return "binary data", withDetail("binary data, not text", err, indexer.ErrBinary)
	case errors.Is(err, indexer.ErrEmpty):
		return "no text", "no text left once markup and page furniture are removed"
	case errors.Is(err, indexer.ErrMalformedHTML):
		return "HTML the parser refuses", withDetail("HTML the parser refuses", err, indexer.ErrMalformedHTML)
	case errors.Is(err, indexer.ErrNoText):
		return "PDF without text", "PDF without text, perhaps a scan: advosearch does not read text in images"
	case errors.Is(err, indexer.ErrMalformedPDF):
		return "PDF the reader refuses", withDetail("PDF the reader refuses (damaged, encrypted or not a PDF)", err, indexer.ErrMalformedPDF)
	case errors.Is(err, indexer.ErrUnreadableDOCX):
		return "unreadable Word document", withDetail("not a readable Word document", err, indexer.ErrUnreadableDOCX)
	case errors.Is(err, indexer.ErrUnreadableODT):
		return "unreadable OpenDocument", withDetail("not a readable OpenDocument text", err, indexer.ErrUnreadableODT)
	case errors.Is(err, indexer.ErrUnknownType):
		return "unknown type", withDetail("unknown content type", err, indexer.ErrUnknownType)
	case errors.Is(err, corpus.ErrUnsupported):
		return "unsupported type", notReadable()
	case errors.Is(err, corpus.ErrTooLarge):
		return "too large", withDetail("too large", err, corpus.ErrTooLarge)
	case isFetchError(err):
		return "not fetched", "not fetched: " + fetchReason(err)
	case errors.As(err, &pathErr):
		return "unreadable", "cannot be read: " + pathErr.Err.Error()
	}
	return "other", strings.TrimPrefix(err.Error(), "corpus: ")
}

// withDetail is phrase, followed by what err says after reason, if anything:
// reasons are wrapped as "reason: detail" ("too large: 30000 bytes, the
// limit is 20000").
func withDetail(phrase string, err, reason error) string {
	msg := err.Error()
	i := strings.Index(msg, reason.Error())
	if i < 0 {
		return phrase
	}
	switch detail := msg[i+len(reason.Error()):]; {
	case strings.HasPrefix(detail, ": "):
		return phrase + detail
	case strings.HasPrefix(detail, " ("):
		return phrase + detail
	}
	return phrase
}

// isFetchError tells the errors of fetching a page or feed from the others.
func isFetchError(err error) bool {
	var httpErr *feeds.HTTPError
	var retry *feeds.RetryError
	return errors.As(err, &httpErr) || errors.As(err, &retry) || strings.HasPrefix(err.Error(), "feeds: ") ||
		errors.Is(err, netguard.ErrNotPublic)
}

const allowPrivateHint = "pass --allow-private-network to reach a feed or page on this machine or its network"

// fetchReason says why a feed or page could not be fetched, in words, and
// what to do where there is something to do.
func fetchReason(err error) string {
	var guard *netguard.Error
	var httpErr *feeds.HTTPError
	var retry *feeds.RetryError
	var dns *net.DNSError
	switch {
	case errors.As(err, &guard):
		addr := guard.Addr.String()
		if guard.Embedded.IsValid() {
			addr += ", which carries " + guard.Embedded.String()
		}
		return fmt.Sprintf("refused to connect to %s (%s): not a public address; %s", addr, guard.Range, allowPrivateHint)
	case errors.Is(err, netguard.ErrNotPublic):
		return "refused to connect: not a public address; " + allowPrivateHint
	case errors.As(err, &httpErr):
		return fmt.Sprintf("the site answered %d %s", httpErr.Status, http.StatusText(httpErr.Status))
	case errors.As(err, &retry):
		return fmt.Sprintf("the site asked to wait %s before asking again", retry.After)
	case errors.Is(err, feeds.ErrDisallowed):
		return "the site's robots.txt asks robots not to fetch it"
	case errors.Is(err, feeds.ErrTooLarge):
		return withDetail("too large", err, feeds.ErrTooLarge)
	case errors.Is(err, feeds.ErrTooManyRedirects):
		return "too many redirects"
	case errors.Is(err, feeds.ErrBadURL):
		return withDetail("not an http(s) address", err, feeds.ErrBadURL)
	case errors.Is(err, feeds.ErrUnsupported):
		return withDetail("not a page advosearch reads", err, feeds.ErrUnsupported)
	case errors.As(err, &dns):
		return fmt.Sprintf("no such host %s", dns.Name)
	case errors.Is(err, syscall.ECONNREFUSED):
		return "the connection was refused: nothing listens at that address"
	case errors.Is(err, context.DeadlineExceeded), isTimeout(err):
		return "timed out"
	}
	// A feed that does not parse: "feeds: parse URL: Failed to detect feed
	// type". The URL is already at the start of the line.
	msg := strings.TrimPrefix(err.Error(), "feeds: ")
	if rest, ok := strings.CutPrefix(msg, "parse "); ok {
		if _, cause, ok := strings.Cut(rest, ": "); ok {
			return "not an RSS, Atom or JSON feed: " + cause
		}
	}
	return msg
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}
