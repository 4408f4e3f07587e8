package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// Every page reads at 390 px, a phone's width, without scrolling sideways.
// The alerts, batch, name and statement pages have tests of their own that
// check it too; these are the rest.
func TestPages_narrow_browser(t *testing.T) {
	ts := newTestServer(t)
	ctx := newBrowser(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{
		"/",
		"/?q=Cambodia",
		"/?q=activists&from=2017-01-01&to=2018-12-31",
		"/quotes",
		"/quotes?q=must+close",
		"/statements/xss",
		"/statements/no-such-statement",
	} {
		step(t, ctx, "open "+path, chromedp.Navigate(ts.URL+path))
		if !eval[bool](t, ctx, jsNoSideScroll) {
			t.Errorf("%s is %d px wide at 390 px; too wide: %s", path, eval[int](t, ctx, `document.documentElement.scrollWidth`),
				eval[string](t, ctx, jsTooWide))
		}
		screenshot(t, ctx, "narrow"+strings.NewReplacer("/", "-", "?", "-", "=", "-", "&", "-", "+", "-").Replace(path))
	}
}

// jsTooWide names the innermost elements that reach past the window's right
// edge, for the message of a failure.
const jsTooWide = `[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 1)).slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '') + ' ' + Math.round(e.getBoundingClientRect().right) + 'px').join(', ')`
