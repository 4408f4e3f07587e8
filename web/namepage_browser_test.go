package web_test

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// Issue 16's "Done when", parts 4 and 6, as a user does them in Chromium:
// open a person's page from a hit and follow it, then see the alert; cite a
// statement in each style from the results page. Every page loaded is
// audited by axe-core (step, navigateBy).

func TestNamePage_browserFollow(t *testing.T) {
	ts, _ := newAlertsPageServer(t)
	ctx := newBrowser(t)

	step(t, ctx, "search", chromedp.Navigate(ts.URL+"/?q=government+orders"))
	navigateBy(t, ctx, "open the hit", chromedp.Click(chromedp.Search(`//h3[@class="hit-title"]/a[contains(., "Hun Sen’s government")]`)))
	navigateBy(t, ctx, "open Hun Sen's page", chromedp.Click(chromedp.Search(`//aside//a[.="Hun Sen"]`)))
	if p := eval[string](t, ctx, `location.pathname`); p != "/people/Hun%20Sen" {
		t.Fatalf("opened %s, want Hun Sen's page", p)
	}
	if h := eval[string](t, ctx, jsShownText("h1")); h != "Hun Sen" {
		t.Errorf("heading %q, want the name", h)
	}
	if s := eval[string](t, ctx, jsShownText(".name-summary")); !strings.HasPrefix(s, "1 statement mentions Hun Sen, on 23 August 2017.") {
		t.Errorf("summary %q, want the count and the date", s)
	}
	quotes := eval[[]string](t, ctx, `[...document.querySelectorAll('.name-quotes .quote')].map(q => q.textContent.trim())`)
	if len(quotes) != 2 || !slices.ContainsFunc(quotes, func(q string) bool { return strings.HasPrefix(q, "The Ministry of Interior should check") }) {
		t.Errorf("quotations %q, want Hun Sen's two", quotes)
	}
	if !eval[bool](t, ctx, `document.querySelector('.histogram').checkVisibility()`) {
		t.Error("the page draws no histogram")
	}
	related := eval[[]string](t, ctx, `[...document.querySelectorAll('.statement-aside a')].map(a => a.textContent)`)
	for _, want := range []string{"LICADHO", "Ministry of Interior", "Cambodia", "Phnom Penh"} {
		if !slices.Contains(related, want) {
			t.Errorf("names mentioned with it %q lack %s", related, want)
		}
	}
	if eval[bool](t, ctx, `document.querySelector('.follow-form').checkVisibility()`) {
		t.Error("the follow form shows before it is asked for")
	}
	step(t, ctx, "open Follow this name", chromedp.Click(chromedp.CSS("details.follow summary")))
	audit(t, ctx, "open Follow this name")
	if what := eval[[]string](t, ctx, `[...document.querySelectorAll('.follow-search li')].map(e => e.textContent)`); !slices.Equal(what, []string{"Words: any", "Person: Hun Sen"}) {
		t.Errorf("the alert's search in words %q, want any words about Hun Sen", what)
	}
	if name := eval[string](t, ctx, `document.querySelector('#follow-name').value`); name != "Hun Sen" {
		t.Errorf("suggested name %q, want Hun Sen", name)
	}
	step(t, ctx, "type the token", chromedp.SendKeys(chromedp.CSS("#follow-token"), pageToken))
	navigateBy(t, ctx, "follow", chromedp.Submit(chromedp.CSS("#follow-name")))

	if path := eval[string](t, ctx, `location.pathname + location.search`); path != "/alerts?created=1" {
		t.Fatalf("after following: at %s, want /alerts?created=1", path)
	}
	if h := eval[string](t, ctx, jsShownText("#alert-1-name")); h != "Hun Sen" {
		t.Errorf("alert heading %q, want Hun Sen", h)
	}
	if created := eval[string](t, ctx, jsShownText(".created")); !strings.Contains(created, "1 statement already matches") {
		t.Errorf("the new alert's note %q, want the statement on Hun Sen counted", created)
	}
	filters := eval[[]string](t, ctx, `[...document.querySelectorAll('#alert-1 .alert-filters div')].map(d => d.querySelector('dt').textContent + ': ' + d.querySelector('dd').textContent)`)
	if !slices.Contains(filters, "Person: Hun Sen") {
		t.Errorf("the alert's filters %q, want Person: Hun Sen", filters)
	}

	// Back on the page, the results page's facet leads to it too, and the
	// page reads on a phone.
	step(t, ctx, "search again", chromedp.Navigate(ts.URL+"/?q=government+orders"))
	navigateBy(t, ctx, "open Hun Sen's page from the facet", chromedp.Click(chromedp.CSS(`.facet a.facet-page[href="/people/Hun%20Sen"]`)))
	if p := eval[string](t, ctx, `location.pathname`); p != "/people/Hun%20Sen" {
		t.Errorf("the facet's page link opened %s", p)
	}
	navigateBy(t, ctx, "search the statements mentioning him", chromedp.Click(chromedp.CSS(".name-search")))
	if got := eval[[]string](t, ctx, jsTitles); !slices.Equal(got, []string{"Cambodia: Hun Sen’s government orders NGO to close"}) {
		t.Errorf("the page's search lists %q", got)
	}
	if chip := eval[string](t, ctx, jsShownText(".chip")); !strings.Contains(chip, "Person: Hun Sen") {
		t.Errorf("the page's search has the filter %q, want Person: Hun Sen", chip)
	}

	step(t, ctx, "a name's page at 390 px", chromedp.EmulateViewport(390, 844), chromedp.Navigate(ts.URL+"/organizations/LICADHO"),
		chromedp.Click(chromedp.CSS("details.follow summary")))
	if !eval[bool](t, ctx, jsNoSideScroll) {
		t.Errorf("the name's page is %d px wide at 390 px", eval[int](t, ctx, `document.documentElement.scrollWidth`))
	}
	audit(t, ctx, "a name's page at 390 px")
	screenshot(t, ctx, "name-390")
}

func TestResultsPage_browserCite(t *testing.T) {
	ts := newVerifyServer(t)
	ctx := newBrowser(t)

	step(t, ctx, "search", chromedp.Navigate(ts.URL+"/?q=open+letter"))
	n := eval[int](t, ctx, `[...document.querySelectorAll('.hit-title a')].findIndex(a => a.textContent.includes('Open letter on the law on associations')) + 1`)
	if n == 0 {
		t.Fatalf("no hit for the open letter: %q", eval[[]string](t, ctx, jsTitles))
	}
	hit := `.hits > li:nth-child(` + strconv.Itoa(n) + `)`
	suffix := "-" + strconv.Itoa(n)
	if eval[bool](t, ctx, jsShown("#cite-apa"+suffix)) {
		t.Error("the citations show before Cite is opened")
	}
	step(t, ctx, "open Cite", chromedp.Click(chromedp.CSS(hit+" details.cite summary")))
	audit(t, ctx, "open Cite on a hit")
	permalink := verifyBase + "/statements/undated-letter"
	onResults := checkCiteBoxes(t, ctx, suffix, []citeWant{
		{"permalink", "Permanent link", permalink},
		{"cite-plain", "Plain", "Amnesty International, “Open letter on the law on associations,” n.d., " + permalink + ", accessed 5 December 2026"},
		{"cite-apa", "APA", "Amnesty International. (n.d.). Open letter on the law on associations. Retrieved December 5, 2026, from " + permalink},
		{"cite-chicago", "Chicago", "Amnesty International. “Open letter on the law on associations.” n.d. Accessed December 5, 2026. " + permalink + "."},
	})
	// A reader selects a citation whole to copy it.
	step(t, ctx, "select the Chicago citation", chromedp.Click(chromedp.CSS("#cite-chicago"+suffix)),
		chromedp.Evaluate[chromedp.Void](`document.getElementById('cite-chicago`+suffix+`').select()`))
	if got := eval[string](t, ctx, `(() => { const b = document.getElementById('cite-chicago`+suffix+`'); return b.value.substring(b.selectionStart, b.selectionEnd); })()`); got != onResults["cite-chicago"] {
		t.Errorf("selected %q, want the whole citation", got)
	}

	// The statement's own page cites it word for word the same.
	navigateBy(t, ctx, "open the hit", chromedp.Click(chromedp.CSS(hit+" .hit-title a")))
	for id, want := range onResults {
		if got := eval[string](t, ctx, `document.getElementById('`+id+`').value`); got != want {
			t.Errorf("the statement page's %s\n got %s\nwant %s, as on the results page", id, got, want)
		}
	}
}

// citeWant is a box of an open Cite control: its ID, without the suffix
// that makes it unique on the page, its label and its text.
type citeWant struct{ id, label, want string }

// checkCiteBoxes checks that each box of an open Cite control shows, with
// its label and text, read-only; it returns the texts by ID.
func checkCiteBoxes(t *testing.T, ctx context.Context, suffix string, wants []citeWant) map[string]string {
	t.Helper()
	got := map[string]string{}
	for _, tt := range wants {
		box := `document.getElementById('` + tt.id + suffix + `')`
		if !eval[bool](t, ctx, box+`.checkVisibility()`) {
			t.Errorf("%s does not show", tt.label)
			continue
		}
		got[tt.id] = eval[string](t, ctx, box+`.value`)
		if got[tt.id] != tt.want {
			t.Errorf("%s\n got %s\nwant %s", tt.label, got[tt.id], tt.want)
		}
		if label := eval[string](t, ctx, box+`.labels[0].textContent`); label != tt.label {
			t.Errorf("box %s is labelled %q, want %q", tt.id, label, tt.label)
		}
		if !eval[bool](t, ctx, box+`.readOnly`) {
			t.Errorf("%s can be edited", tt.label)
		}
	}
	return got
}
