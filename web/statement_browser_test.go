package web_test

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// The statement page in Chromium, as a reader verifies a statement: from a
// hit to its matches and back, from a quote hit to its sentence, and a
// citation in each style.

// jsTarget is the id of the element the address points at (:target).
const jsTarget = `(document.querySelector(':target') || {id: ''}).id`

// jsShown tells whether the selected element is rendered.
func jsShown(sel string) string {
	return `document.querySelector(` + jsString(sel) + `).checkVisibility()`
}

func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

// jsInView tells whether the element the address points at is on screen.
const jsInView = `(() => { const r = document.querySelector(':target').getBoundingClientRect();
	return r.top >= 0 && r.bottom <= window.innerHeight; })()`

func TestStatementPage_browser(t *testing.T) {
	ts := newVerifyServer(t)
	ctx := newBrowser(t)

	t.Run("open a hit, step through its matches and go back", func(t *testing.T) {
		results := ts.URL + "/?q=activists&source=LICADHO"
		step(t, ctx, "search", chromedp.Navigate(results))
		titles := eval[[]string](t, ctx, jsTitles)
		navigateBy(t, ctx, "open the hit", chromedp.Click(chromedp.Search(`//h3[@class="hit-title"]/a[contains(., "land activists jailed")]`)))
		if p := eval[string](t, ctx, `location.pathname`); p != "/statements/verify" {
			t.Fatalf("opened %s, want the statement", p)
		}
		marks := eval[[]string](t, ctx, `[...document.querySelectorAll('.statement-body mark.match')].map(m => m.id + ':' + m.textContent)`)
		if want := []string{"m1:activists", "m2:activists", "m3:activists"}; !slices.Equal(marks, want) {
			t.Fatalf("matches %q, want %q", marks, want)
		}
		if eval[bool](t, ctx, jsShown(".match-nav")) {
			t.Error("a match's links show before any match is chosen")
		}
		// The script loaded (the policy allows our own) and offers its keys.
		if !eval[bool](t, ctx, jsShown(".match-keys")) {
			t.Error("the hint for the n and p keys is hidden: statement.js did not run")
		}

		step(t, ctx, "go to the first match", chromedp.Click(chromedp.CSS(".match-first")))
		if id := eval[string](t, ctx, jsTarget); id != "m1" {
			t.Fatalf("after first: at %q, want m1", id)
		}
		if !eval[bool](t, ctx, jsShown("#m1 + .match-nav")) || eval[bool](t, ctx, jsShown("#m2 + .match-nav")) {
			t.Error("only the current match should show its links")
		}
		if c := eval[string](t, ctx, `document.querySelector('#m1 + .match-nav .match-count').textContent`); c != "1 of 3" {
			t.Errorf("count %q, want 1 of 3", c)
		}
		// Plain links, as without script.
		step(t, ctx, "next", chromedp.Click(chromedp.CSS("#m1 + .match-nav .match-next")))
		if id := eval[string](t, ctx, jsTarget); id != "m2" {
			t.Fatalf("after next: at %q, want m2", id)
		}
		if !eval[bool](t, ctx, jsInView) {
			t.Error("the second match is not on screen")
		}
		step(t, ctx, "next", chromedp.Click(chromedp.CSS("#m2 + .match-nav .match-next")))
		if id := eval[string](t, ctx, jsTarget); id != "m3" {
			t.Fatalf("after next: at %q, want m3", id)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll('#m3 + .match-nav .match-next').length`); n != 0 {
			t.Error("the last match links to a next one")
		}
		step(t, ctx, "previous", chromedp.Click(chromedp.CSS("#m3 + .match-nav .match-prev")))
		if id := eval[string](t, ctx, jsTarget); id != "m2" {
			t.Fatalf("after previous: at %q, want m2", id)
		}
		// The keys, with script.
		step(t, ctx, "press n", chromedp.KeyEvent("n"))
		if id := eval[string](t, ctx, jsTarget); id != "m3" {
			t.Errorf("after n: at %q, want m3", id)
		}
		step(t, ctx, "press n at the last", chromedp.KeyEvent("n"))
		if id := eval[string](t, ctx, jsTarget); id != "m3" {
			t.Errorf("after n at the last match: at %q, want m3 still", id)
		}
		step(t, ctx, "press p", chromedp.KeyEvent("p"), chromedp.KeyEvent("p"))
		if id := eval[string](t, ctx, jsTarget); id != "m1" {
			t.Errorf("after p twice: at %q, want m1", id)
		}
		audit(t, ctx, "step through the matches")
		screenshot(t, ctx, "statement-matches")

		navigateBy(t, ctx, "go back to the results", chromedp.Click(chromedp.CSS(".back a")))
		if got := eval[string](t, ctx, `location.href`); got != results {
			t.Errorf("back at %s, want %s", got, results)
		}
		if got := eval[[]string](t, ctx, jsTitles); !slices.Equal(got, titles) {
			t.Errorf("back: titles %q, want the same results %q", got, titles)
		}
	})

	t.Run("without its script, the links step through the matches", func(t *testing.T) {
		// The browser loads no statement.js until the subtest ends.
		block := func(patterns ...*network.BlockPattern) chromedp.Action[chromedp.Void] {
			return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
				_, err := cdp.Call(ctx, t, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: patterns})
				return err
			})
		}
		defer step(t, ctx, "unblock the script", block())
		results := ts.URL + "/?q=activists"
		step(t, ctx, "search, the script blocked",
			block(&network.BlockPattern{URLPattern: "*://*:*/static/statement.js", Block: true}), chromedp.Navigate(results))
		navigateBy(t, ctx, "open the hit", chromedp.Click(chromedp.Search(`//h3[@class="hit-title"]/a[contains(., "land activists jailed")]`)))
		if eval[bool](t, ctx, jsShown(".match-keys")) {
			t.Fatal("the keys are offered: statement.js ran though blocked")
		}
		for _, click := range []struct{ sel, want string }{
			{".match-last", "m3"},
			{"#m3 + .match-nav .match-prev", "m2"},
			{"#m2 + .match-nav .match-prev", "m1"},
			{"#m1 + .match-nav .match-next", "m2"},
		} {
			step(t, ctx, "click "+click.sel, chromedp.Click(chromedp.CSS(click.sel)))
			if id := eval[string](t, ctx, jsTarget); id != click.want {
				t.Fatalf("after %s: at %q, want %s", click.sel, id, click.want)
			}
		}
		navigateBy(t, ctx, "go back to the results", chromedp.Click(chromedp.CSS(".back a")))
		if got := eval[string](t, ctx, `location.href`); got != results {
			t.Errorf("back at %s, want %s", got, results)
		}
	})

	t.Run("open a quote hit at its sentence", func(t *testing.T) {
		step(t, ctx, "open the quotes tab", chromedp.Navigate(ts.URL+"/quotes"))
		step(t, ctx, "paste a quote", chromedp.SendKeys(chromedp.CSS("#q"), `"We call for their release"`))
		navigateBy(t, ctx, "search", chromedp.Submit(chromedp.CSS("#q")))
		navigateBy(t, ctx, "open the quote's statement", chromedp.Click(chromedp.CSS(".quote-hit .hit-meta a")))
		u, err := url.Parse(eval[string](t, ctx, `location.href`))
		if err != nil || u.Path != "/statements/verify" || u.Fragment != "q2" {
			t.Fatalf("opened %s, want the statement at #q2", u)
		}
		if id := eval[string](t, ctx, jsTarget); id != "q2" {
			t.Fatalf("at %q, want the quotation q2", id)
		}
		if q := eval[string](t, ctx, `document.querySelector(':target').textContent`); q != "We call for their release." {
			t.Errorf("the quotation is %q", q)
		}
		if !eval[bool](t, ctx, jsInView) {
			t.Error("the quotation is not on screen")
		}
		// It stands out from the text around it.
		bg := eval[string](t, ctx, `getComputedStyle(document.querySelector(':target')).backgroundColor`)
		if around := eval[string](t, ctx, `getComputedStyle(document.querySelector('.statement-body p')).backgroundColor`); bg == around {
			t.Errorf("the quotation's background %s is the paragraph's", bg)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll('mark.match, script').length`); n != 0 {
			t.Errorf("%d marks or scripts on a page opened from a quote search, want none", n)
		}
		navigateBy(t, ctx, "go back", chromedp.Click(chromedp.CSS(".back a")))
		if p := eval[string](t, ctx, `location.pathname + location.search`); p != "/quotes?q=%22We+call+for+their+release%22" {
			t.Errorf("back at %s, want the quote search", p)
		}
	})

	t.Run("cite a statement in each style", func(t *testing.T) {
		step(t, ctx, "open the statement", chromedp.Navigate(ts.URL+"/statements/undated-letter"))
		if eval[bool](t, ctx, jsShown("#cite-apa")) {
			t.Error("the citations show before Cite is opened")
		}
		step(t, ctx, "open Cite", chromedp.Click(chromedp.CSS(".cite-statement summary")))
		audit(t, ctx, "open Cite")
		permalink := verifyBase + "/statements/undated-letter"
		checkCiteBoxes(t, ctx, "", []citeWant{
			{"permalink", "Permanent link", permalink},
			{"cite-plain", "Plain", "Amnesty International, “Open letter on the law on associations,” n.d., " + permalink + ", accessed 5 December 2026"},
			{"cite-apa", "APA", "Amnesty International. (n.d.). Open letter on the law on associations. Retrieved December 5, 2026, from " + permalink},
			{"cite-chicago", "Chicago", "Amnesty International. “Open letter on the law on associations.” n.d. Accessed December 5, 2026. " + permalink + "."},
		})
		// A reader selects a citation whole to copy it.
		step(t, ctx, "select the APA citation", chromedp.Click(chromedp.CSS("#cite-apa")),
			chromedp.Evaluate[chromedp.Void](`document.getElementById('cite-apa').select()`))
		if got := eval[string](t, ctx, `(() => { const b = document.getElementById('cite-apa'); return b.value.substring(b.selectionStart, b.selectionEnd); })()`); !strings.HasPrefix(got, "Amnesty International. (n.d.)") {
			t.Errorf("selected %q, want the whole citation", got)
		}
	})

	t.Run("injected markup in the statement and the query does not run", func(t *testing.T) {
		q := `<script>window.__xss=4</script> activists <img src=x onerror="window.__xss=5">`
		step(t, ctx, "open the hostile statement", chromedp.Navigate(ts.URL+"/statements/hostile?"+url.Values{"q": {q}}.Encode()))
		if v := eval[string](t, ctx, `typeof window.__xss`); v != "undefined" {
			t.Errorf("window.__xss is %s: injected script ran", v)
		}
		scripts := eval[[]string](t, ctx, `[...document.querySelectorAll('script')].map(s => s.getAttribute('src'))`)
		if !slices.Equal(scripts, []string{"/static/statement.js"}) {
			t.Errorf("scripts %q, want ours alone", scripts)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll('main img, main b').length`); n != 0 {
			t.Errorf("%d img or b elements in the page, want none", n)
		}
		if got := eval[string](t, ctx, `document.querySelector('.match-query').textContent`); got != q {
			t.Errorf("the query shows as %q, want it as typed", got)
		}
		// Words next to each other are marked as one, as in the snippets.
		marks := eval[[]string](t, ctx, `[...document.querySelectorAll('mark.match')].map(m => m.textContent)`)
		if !slices.ContainsFunc(marks, func(m string) bool { return strings.Contains(m, "activists") }) {
			t.Errorf("marked %q, want activists among them", marks)
		}
	})
}

// TestStatementPage_narrow opens a statement with its matches and Cite box
// on a phone 390 pixels wide: nothing may stick out sideways, and the
// screenshot (ADVOSEARCH_SCREENSHOT) shows how it reads.
func TestStatementPage_narrow(t *testing.T) {
	ts := newVerifyServer(t)
	ctx := newBrowser(t)
	step(t, ctx, "open at 390 px", chromedp.EmulateViewport(390, 844),
		chromedp.Navigate(ts.URL+"/statements/verify?"+url.Values{"back": {"/?q=activists+release"}}.Encode()+"#m2"))
	step(t, ctx, "open Cite", chromedp.Click(chromedp.CSS(".cite-statement summary")))
	if w := eval[int](t, ctx, `window.innerWidth`); w != 390 {
		t.Fatalf("window %d px wide, want 390", w)
	}
	if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 390 {
		t.Errorf("the page is %d px wide at 390: it scrolls sideways", w)
	}
	// The widest things: the citations, the permalink and the match links.
	for _, sel := range []string{"#cite-chicago", "#permalink", "#m2 + .match-nav", ".statement-body", ".meta-list", ".matches"} {
		if right := eval[float64](t, ctx, `document.querySelector(`+jsString(sel)+`).getBoundingClientRect().right`); right > 390 {
			t.Errorf("%s ends at %.0f px, past the 390 px screen", sel, right)
		}
	}
	if !eval[bool](t, ctx, jsShown("#m2 + .match-nav")) {
		t.Error("the current match's links do not show")
	}
	audit(t, ctx, "open Cite at 390 px")
	screenshot(t, ctx, "statement-390")
}
