package web_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/chromedp/chromedp"
)

// The search box reads queries the way people type them: small words do
// not empty a search, a query no statement has in full lists those that
// have most of its words, and a lone quotation mark in pasted text is
// searched as plain text with a notice. These tests put such queries into
// the box of the page over the test corpus (helpers_test.go) in a real
// browser, as TestPages_browser does.

const jsHitCount = `document.querySelectorAll('li.hit').length`

// jsShownText is the text, spaces collapsed, of the first element that sel
// matches if the browser shows it, and "" if there is none or it is
// hidden.
func jsShownText(sel string) string {
	return fmt.Sprintf(`(() => { const e = document.querySelector(%q); return e && e.checkVisibility() ? e.textContent.replace(/\s+/g, ' ').trim() : '' })()`, sel)
}

// submitQuery opens the search page, puts query into the box with enter
// (typed key by key, or inserted at once as a paste is) and submits the
// form. The box must still hold the query afterwards.
func submitQuery(t *testing.T, ctx context.Context, base, query string, enter func(string) chromedp.Action[chromedp.Void]) {
	t.Helper()
	step(t, ctx, "open the search page", chromedp.Navigate(base+"/"))
	step(t, ctx, "enter the query", enter(query))
	if v := eval[string](t, ctx, `document.querySelector('#q').value`); v != query {
		t.Fatalf("search box holds %q before submitting, want %q", v, query)
	}
	navigateBy(t, ctx, "submit the search", chromedp.Submit(chromedp.CSS("#q")))
	if v := eval[string](t, ctx, `document.querySelector('#q').value`); v != query {
		t.Errorf("search box holds %q after the search, want the query %q", v, query)
	}
}

func typeKeys(query string) chromedp.Action[chromedp.Void] {
	return chromedp.SendKeys(chromedp.CSS("#q"), query)
}

// paste inserts the text into the focused box in one input, as pasting
// does, rather than key by key.
func paste(query string) chromedp.Action[chromedp.Void] {
	insert := chromedp.Evaluate[bool](fmt.Sprintf(`document.execCommand('insertText', false, %q)`, query))
	return chromedp.Steps(
		chromedp.Focus(chromedp.CSS("#q")),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			ok, err := insert(ctx, t)
			if err == nil && !ok {
				err = errors.New("the browser did not insert the text")
			}
			return err
		}),
	)
}

func TestSmallWords_browser(t *testing.T) {
	ts := newTestServer(t)
	ctx := newBrowser(t)

	// "of" is not indexed in the stemmed fields; required, it would find
	// nothing.
	submitQuery(t, ctx, ts.URL, "freedom of association", typeKeys)
	if n := eval[int](t, ctx, jsHitCount); n == 0 {
		t.Fatalf("no li.hit after searching freedom of association; the page says %q", eval[string](t, ctx, jsShownText("#results-heading")))
	}
	if got := eval[[]string](t, ctx, jsTitles); !slices.Equal(got, []string{"Open letter on freedom of association"}) {
		t.Errorf("titles %q, want the open letter on freedom of association", got)
	}
	matched := eval[string](t, ctx, jsShownText("p.matched"))
	if !strings.Contains(matched, "left out as too common: of") {
		t.Errorf("matched line %q does not say that of was left out as too common", matched)
	}
	if terms := eval[[]string](t, ctx, `[...document.querySelectorAll('p.matched .term')].map(e => e.textContent)`); !slices.Contains(terms, "freedom") || !slices.Contains(terms, "association") {
		t.Errorf("terms on the matched line %q, want freedom and association among them", terms)
	}
	if p := eval[string](t, ctx, jsShownText(".partial")); p != "" {
		t.Errorf("partial notice %q shown for a query the statement has in full", p)
	}
	if n := eval[string](t, ctx, jsShownText("#search-notice")); n != "" {
		t.Errorf("notice %q shown for a query without a syntax error", n)
	}
	screenshot(t, ctx, "small-words")
}

func TestPartialMatches_browser(t *testing.T) {
	ts := newTestServer(t)
	ctx := newBrowser(t)

	// The journalists statement has the first two words; no statement has
	// the third.
	submitQuery(t, ctx, ts.URL, "journalists detained zanzibarquux", typeKeys)
	// The page is rendered on the server: the notice is there once it has
	// loaded, or not at all.
	partial := eval[string](t, ctx, jsShownText(".partial"))
	if partial == "" {
		t.Fatalf(".partial is missing or hidden; the page says %q", eval[string](t, ctx, jsShownText("#results-heading")))
	}
	if !strings.HasPrefix(partial, "No statement has all 3 words; these have 2 or more, the most first.") {
		t.Errorf("partial notice %q, want No statement has all 3 words; these have 2 or more…", partial)
	}
	if role := eval[string](t, ctx, `document.querySelector('.partial').getAttribute('role')`); role != "status" {
		t.Errorf("partial notice role %q, want status", role)
	}
	if got := eval[[]string](t, ctx, jsTitles); !slices.Equal(got, []string{"Two journalists detained in Phnom Penh"}) {
		t.Errorf("titles %q, want the detained journalists", got)
	}
	if empty := eval[string](t, ctx, jsShownText(".empty")); empty != "" {
		t.Errorf("the page says nothing matched: %q", empty)
	}
	screenshot(t, ctx, "partial")
}

func TestPastedQuote_browser(t *testing.T) {
	ts := newTestServer(t)
	ctx := newBrowser(t)

	// Copied from the cnrp statement up to the middle of its quotation:
	// the opening quotation mark has no closing one.
	const before = "Cambodia National Rescue Party, "
	const pasted = before + "“a death blow to democracy"
	column := utf8.RuneCountInString(before) + 1

	submitQuery(t, ctx, ts.URL, pasted, paste)
	if n := eval[int](t, ctx, `document.querySelectorAll('.alert').length`); n != 0 {
		t.Errorf("%d .alert shown: the pasted text failed as a syntax error: %q", n, eval[string](t, ctx, jsShownText(".alert")))
	}
	if n := eval[int](t, ctx, jsHitCount); n == 0 {
		t.Fatal("no li.hit after pasting the sentence")
	}
	if got := eval[[]string](t, ctx, jsTitles); !slices.Contains(got, "Cambodia: Supreme Court dissolves the opposition") {
		t.Errorf("titles %q, want the statement the sentence was copied from", got)
	}
	notice := eval[string](t, ctx, jsShownText("#search-notice"))
	if notice == "" {
		t.Fatal("#search-notice is missing or hidden")
	}
	if want := fmt.Sprintf("column %d", column); !strings.Contains(notice, want) || !strings.Contains(notice, "searched as plain text") {
		t.Errorf("notice %q, want it to name %s and say the text was searched as plain text", notice, want)
	}
	if role := eval[string](t, ctx, `document.querySelector('#search-notice').getAttribute('role')`); role != "status" {
		t.Errorf("notice role %q, want status", role)
	}
	if m := eval[string](t, ctx, `document.querySelector('#search-notice .error-spot mark.err').textContent`); m != "“" {
		t.Errorf("marked %q, want the lone quotation mark", m)
	}
	spot := eval[string](t, ctx, `document.querySelector('#search-notice .error-spot code').textContent`)
	if spot != pasted {
		t.Errorf("error spot reads %q, want the pasted text %q", spot, pasted)
	}
	screenshot(t, ctx, "pasted-quote")
}
