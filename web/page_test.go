package web_test

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

const chromiumPath = "/usr/bin/chromium"

// newBrowser starts headless Chromium for one test. Without Chromium the
// test skips on a laptop but fails under CI, where the page must really be
// tested.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("browser tests need %s (apt-get install chromium); skipping outside CI: %v", chromiumPath, err)
		}
		t.Fatalf("browser tests need %s under CI: %v", chromiumPath, err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath),
		chromedp.NoSandbox, // tests run as root in CI containers
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancelCtx := chromedp.NewContext(actx)
	t.Cleanup(cancelCtx)
	// Start the browser now, so its start-up does not count against the
	// first step's timeout.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// step runs browser actions with a deadline, so a broken page fails the
// test instead of hanging it. A page that the actions loaded is audited
// with axe-core (auditNewPage).
func step(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	if err := chromedp.Do(sctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	auditNewPage(t, ctx, what)
}

// navigateBy runs an action that loads a new page (a submit, a click on a
// link), waits for that page and audits it with axe-core.
func navigateBy(t *testing.T, ctx context.Context, what string, action chromedp.Action[chromedp.Void]) {
	t.Helper()
	nctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	resp, err := chromedp.RunResponse(nctx, action)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if resp == nil || resp.Status != 200 {
		t.Fatalf("%s: response %+v, want status 200", what, resp)
	}
	auditNewPage(t, ctx, what)
}

// axeSource is axe-core 4.14.1 (npm axe-core, axe.min.js, MPL-2.0; its
// licence header is in the file), the accessibility engine of Lighthouse
// and of the browsers' own audits. To update it: npm pack axe-core@4 and
// copy package/axe.min.js here.
//
//go:embed testdata/axe.min.js
var axeSource string

// axeTags choose the rules every page must pass: WCAG 2.0 and 2.1 at
// levels A and AA, and axe's best practices (one <h1>, landmarks, …).
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"}

// axeMark is set on a page's window once it has been audited, so that a
// page is audited once however many steps run on it.
const axeMark = "__advosearchAxeAudited"

// auditNewPage audits the page in the browser unless it has been audited
// already: every page the browser tests load goes through step or
// navigateBy, and so through axe.
func auditNewPage(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	if !eval[bool](t, ctx, "window."+axeMark+" === true") {
		audit(t, ctx, what)
	}
}

// audit runs axe-core on the page as it is now, open <details> included,
// and fails the test with every violation: the rule, what to do, and the
// elements, located by CSS selector. axe is injected through the DevTools
// protocol, which the page's Content-Security-Policy does not cover, so
// the pages keep their policy of no script at all.
func audit(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	tags, err := json.Marshal(axeTags)
	if err != nil {
		t.Fatal(err)
	}
	run := fmt.Sprintf(`(async () => {
		const r = await axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']});
		window.%s = true;
		return JSON.stringify({url: location.href, violations: r.violations.map(v => ({
			id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
			nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html, summary: n.failureSummary})),
		}))});
	})()`, tags, axeMark)
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void]("if (!window.axe) {\n"+axeSource+"\n}")); err != nil {
		t.Fatalf("after %s: inject axe-core: %v", what, err)
	}
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](run, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("after %s: run axe-core: %v", what, err)
	}
	var res struct {
		URL        string `json:"url"`
		Violations []struct {
			ID, Impact, Help, HelpURL string
			Nodes                     []struct{ Target, HTML, Summary string }
		} `json:"violations"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("after %s: axe-core's answer %.200s: %v", what, out, err)
	}
	for _, v := range res.Violations {
		var b strings.Builder
		for i, n := range v.Nodes {
			if i == 5 {
				fmt.Fprintf(&b, "\n\t… and %d more", len(v.Nodes)-i)
				break
			}
			fmt.Fprintf(&b, "\n\t%s: %.200s\n\t\t%s", n.Target, n.HTML, strings.ReplaceAll(n.Summary, "\n", "\n\t\t"))
		}
		t.Errorf("axe-core, after %s, on %s: %s (%s, %s): %s%s", what, res.URL, v.ID, v.Impact, v.HelpURL, v.Help, b.String())
	}
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// screenshot saves the page as PNG when ADVOSEARCH_SCREENSHOT names a file;
// a non-empty name goes before the extension (shot.png → shot-error.png).
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	path := os.Getenv("ADVOSEARCH_SCREENSHOT")
	if path == "" {
		return
	}
	if name != "" {
		ext := filepath.Ext(path)
		path = strings.TrimSuffix(path, ext) + "-" + name + ext
	}
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // quality 100 means PNG
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if err := os.WriteFile(path, shot, 0o644); err != nil {
		t.Fatal(err)
	}
}

const jsTitles = `[...document.querySelectorAll('.hit-title a')].map(a => a.textContent)`
const jsChips = `[...document.querySelectorAll('.chip')].map(a => a.textContent.replace(/\s+/g, ' ').trim())`

func TestPages_browser(t *testing.T) {
	ts := newTestServer(t)
	ctx := newBrowser(t)

	t.Run("search, facet and chip", func(t *testing.T) {
		step(t, ctx, "open the search page", chromedp.Navigate(ts.URL+"/"))
		// The stylesheet is ours and the policy lets it load.
		if bg := eval[string](t, ctx, `getComputedStyle(document.querySelector('header.site')).backgroundColor`); bg != "rgb(31, 78, 121)" {
			t.Errorf("header background %q: the stylesheet did not apply", bg)
		}
		if label := eval[string](t, ctx, `document.querySelector('label[for=q]').textContent`); label == "" {
			t.Error("the search box has no label")
		}

		step(t, ctx, "type a query", chromedp.SendKeys(chromedp.CSS("#q"), "government"))
		navigateBy(t, ctx, "submit the search", chromedp.Submit(chromedp.CSS("#q")))
		got := eval[[]string](t, ctx, jsTitles)
		slices.Sort(got)
		want := []string{"Cambodia: Hun Sen’s government orders NGO to close", "Open letter on freedom of association"}
		if !slices.Equal(got, want) {
			t.Fatalf("after searching: titles %q, want %q", got, want)
		}
		if v := eval[string](t, ctx, `document.querySelector('#q').value`); v != "government" {
			t.Errorf("search box holds %q after the search, want the query", v)
		}
		if marks := eval[[]string](t, ctx, `[...document.querySelectorAll('.hit mark')].map(m => m.textContent)`); !slices.Contains(marks, "government") {
			t.Errorf("highlighted words %q, want government among them", marks)
		}
		if chips := eval[[]string](t, ctx, jsChips); len(chips) != 0 {
			t.Errorf("chips %q before any filter, want none", chips)
		}

		navigateBy(t, ctx, "click the source facet",
			chromedp.Click(chromedp.Search(`//aside//a[.//span[@class="facet-value" and text()="Amnesty International"]]`)))
		if got := eval[[]string](t, ctx, jsTitles); !slices.Equal(got, []string{"Open letter on freedom of association"}) {
			t.Errorf("after the facet: titles %q, want only the open letter", got)
		}
		chips := eval[[]string](t, ctx, jsChips)
		if len(chips) != 1 || !strings.Contains(chips[0], "Source: Amnesty International") {
			t.Errorf("chips %q, want one for Source: Amnesty International", chips)
		}
		loc := eval[string](t, ctx, `location.href`)
		u, err := url.Parse(loc)
		if err != nil || u.Query().Get("q") != "government" || u.Query().Get("source") != "Amnesty International" {
			t.Errorf("URL %s does not hold the query and the filter", loc)
		}

		navigateBy(t, ctx, "remove the filter", chromedp.Click(chromedp.CSS(".chip")))
		if got := eval[[]string](t, ctx, jsTitles); len(got) != 2 {
			t.Errorf("after removing the chip: titles %q, want 2", got)
		}
		if chips := eval[[]string](t, ctx, jsChips); len(chips) != 0 {
			t.Errorf("chips %q after removing the filter, want none", chips)
		}

		if os.Getenv("ADVOSEARCH_SCREENSHOT") != "" {
			step(t, ctx, "open a full page", chromedp.Navigate(ts.URL+"/?q=Cambodia+OR+LICADHO+OR+journalists&org=LICADHO&size=2"))
			screenshot(t, ctx, "")
		}
	})

	t.Run("help example runs", func(t *testing.T) {
		step(t, ctx, "open the search page", chromedp.Navigate(ts.URL+"/"))
		const jsOpen = `document.querySelector('details.help').open`
		if eval[bool](t, ctx, jsOpen) {
			t.Error("the syntax help is open before it is asked for")
		}
		step(t, ctx, "open the help", chromedp.Click(chromedp.CSS("details.help summary")))
		if !eval[bool](t, ctx, jsOpen) {
			t.Fatal("the syntax help did not open")
		}
		audit(t, ctx, "open the help")
		screenshot(t, ctx, "help")
		navigateBy(t, ctx, "click the wildcard example",
			chromedp.Click(chromedp.Search(`//details[contains(@class,"help")]//a[code="detain*"]`)))
		if got := eval[[]string](t, ctx, jsTitles); !slices.Equal(got, []string{"Two journalists detained in Phnom Penh"}) {
			t.Errorf("after the example: titles %q, want the detained journalists", got)
		}
		if v := eval[string](t, ctx, `document.querySelector('#q').value`); v != "detain*" {
			t.Errorf("search box holds %q, want the example's query", v)
		}
	})

	t.Run("injected script does not run", func(t *testing.T) {
		for _, path := range []string{"/?q=injection+alert", "/quotes?q=leaflet", "/statements/xss"} {
			step(t, ctx, "open "+path, chromedp.Navigate(ts.URL+path))
			if v := eval[string](t, ctx, `typeof window.__xss`); v != "undefined" {
				t.Errorf("%s: window.__xss is %s: injected script ran", path, v)
			}
			if title := eval[string](t, ctx, `document.title`); title == "pwned" {
				t.Errorf("%s: document.title is %q: injected script ran", path, title)
			}
			if n := eval[int](t, ctx, `document.querySelectorAll('script, main img').length`); n != 0 {
				t.Errorf("%s: %d script or img elements, want none", path, n)
			}
		}
		// On the statement page the markup shows as text, exactly.
		if h1 := eval[string](t, ctx, `document.querySelector('h1').textContent`); h1 != xssTitle {
			t.Errorf("heading %q, want the literal title %q", h1, xssTitle)
		}
		paras := eval[[]string](t, ctx, `[...document.querySelectorAll('.statement-body p')].map(p => p.textContent)`)
		want := []string{"Analysts saw <script>alert(1)</script> in a leaflet.", `A second paragraph with <img src=x onerror="window.__xss=2"> markup.`}
		if !slices.Equal(paras, want) {
			t.Errorf("paragraphs %q, want %q", paras, want)
		}
	})

	t.Run("bad query keeps the query", func(t *testing.T) {
		step(t, ctx, "open the search page", chromedp.Navigate(ts.URL+"/"))
		step(t, ctx, "type a bad query", chromedp.SendKeys(chromedp.CSS("#q"), `"must close`))
		step(t, ctx, "submit", chromedp.Submit(chromedp.CSS("#q")), chromedp.WaitVisible(chromedp.CSS("#search-notice")))
		if v := eval[string](t, ctx, `document.querySelector('#q').value`); v != `"must close` {
			t.Errorf("search box holds %q, want the bad query kept", v)
		}
		if msg := eval[string](t, ctx, `document.querySelector('#search-notice').textContent`); !strings.Contains(msg, "quote") {
			t.Errorf("notice %q does not say what was read as plain text", msg)
		}
		if m := eval[string](t, ctx, `document.querySelector('#search-notice mark.err').textContent`); m != `"` {
			t.Errorf("marked %q, want the opening quote", m)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll('li.hit').length`); n == 0 {
			t.Error("no results: the words should be searched as plain text")
		}
		// Searched anyway, so the syntax help stays out of the way.
		if eval[bool](t, ctx, `document.querySelector('details.help').open`) {
			t.Error("the syntax help opened over the results of a forgiving search")
		}
		screenshot(t, ctx, "error")
	})
}

// TestPages_axe opens the pages and states that no other browser test
// reaches, so that axe-core audits them too (step audits each page it
// loads): paging, nothing found, a search that could not run, a statement
// with its mentions, the error page, and what a statement's Cite reveals.
func TestPages_axe(t *testing.T) {
	ts := newTestServer(t)
	ctx := newBrowser(t)
	for _, path := range []string{
		"/?q=Cambodia+OR+LICADHO+OR+journalists&size=2",
		"/?q=Cambodia+OR+LICADHO+OR+journalists&size=2&page=2",
		"/?q=zanzibarquux",
		"/?q=land&from=2017-13-01",
		"/quotes?q=zanzibarquux",
		"/quotes?q=created&from=2017-13-01",
		"/statements/hun-sen",
		"/statements/no-such-statement",
		"/no/such/page",
	} {
		step(t, ctx, "open "+path, chromedp.Navigate(ts.URL+path))
	}
	step(t, ctx, "open a search", chromedp.Navigate(ts.URL+"/?q=government"))
	step(t, ctx, "open Cite", chromedp.Click(chromedp.CSS(".hit details.cite summary")))
	audit(t, ctx, "open Cite")
}

func TestQuotesPage_browser(t *testing.T) {
	ts := newCitingServer(t)
	ctx := newBrowser(t)

	step(t, ctx, "open the quotes tab", chromedp.Navigate(ts.URL+"/quotes"))
	// A passage as pasted from an article: straight quotes, a dash.
	step(t, ctx, "paste a quote", chromedp.SendKeys(chromedp.CSS("#q"), `"they were created by foreigners - not Khmers"`))
	navigateBy(t, ctx, "submit the search", chromedp.Submit(chromedp.CSS("#q")))
	if u := eval[string](t, ctx, `location.pathname`); u != "/quotes" {
		t.Errorf("submitted to %s, want /quotes", u)
	}
	first := `document.querySelector('.quote-hit')`
	if q := eval[string](t, ctx, first+`.querySelector('.quote').textContent`); q != "The Ministry of Interior should check, because they were created by foreigners, not Khmers" {
		t.Errorf("first quote %q, want the Ministry quote", q)
	}
	if s := eval[string](t, ctx, first+`.querySelector('.speaker').textContent`); s != "Hun Sen" {
		t.Errorf("speaker %q, want Hun Sen", s)
	}
	if b := eval[string](t, ctx, first+`.querySelector('.badge').textContent`); b != "exact" {
		t.Errorf("badge %q, want exact", b)
	}
	if tab := eval[string](t, ctx, `document.querySelector('.tabs [aria-current=page]').textContent`); tab != "Quotes" {
		t.Errorf("current tab %q, want Quotes", tab)
	}

	const jsVisible = `document.querySelector('.quote-hit #cite-plain-1').checkVisibility()`
	if eval[bool](t, ctx, jsVisible) {
		t.Error("the citation shows before Cite is opened")
	}
	step(t, ctx, "open Cite", chromedp.Click(chromedp.CSS(".quote-hit details.cite summary")))
	if !eval[bool](t, ctx, jsVisible) {
		t.Fatal("the citation did not show after opening Cite")
	}
	audit(t, ctx, "open Cite")
	if got := eval[string](t, ctx, `document.querySelector('.quote-hit #cite-plain-1').value`); got != citeMinistry {
		t.Errorf("citation\n got %s\nwant %s", got, citeMinistry)
	}
	// The box is labelled and can be read but not edited.
	if label := eval[string](t, ctx, `document.querySelector('.quote-hit #cite-plain-1').labels[0].textContent`); label == "" {
		t.Error("the citation box has no label")
	}
	if !eval[bool](t, ctx, `document.querySelector('.quote-hit #cite-plain-1').readOnly`) {
		t.Error("the citation box is editable")
	}
	screenshot(t, ctx, "quotes")
}
