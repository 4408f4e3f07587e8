package web_test

import (
	"context"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Issue 16's "Done when", part 5, done as a user would in Chromium: run a
// batch search of three names, read the table, follow a row's link, and
// download the CSV with the page's own button.
func TestBatchSearch_browser(t *testing.T) {
	ts := newTestServer(t)
	ctx := newBrowser(t)

	step(t, ctx, "open the batch page", chromedp.Navigate(ts.URL+"/batch"))
	step(t, ctx, "paste three names",
		chromedp.SendKeys(chromedp.CSS("#batch-list"), "LICADHO\nKem Sokha\nHun Sen"))
	navigateBy(t, ctx, "search them", chromedp.Submit(chromedp.CSS("#batch-list")))

	rows := eval[[]string](t, ctx, `[...document.querySelectorAll('.batch-table tbody tr')].map(r => r.innerText.replace(/\s+/g, ' ').trim())`)
	want := []string{"LICADHO 2 2018-02-05 2018-02-05", "Kem Sokha 1 2017-11-16 2017-11-16", "Hun Sen 1 2017-08-23 2017-08-23"}
	if strings.Join(rows, "|") != strings.Join(want, "|") {
		t.Errorf("table rows %q, want %q", rows, want)
	}
	if list := eval[string](t, ctx, `document.querySelector('#batch-list').value`); list != "LICADHO\nKem Sokha\nHun Sen" {
		t.Errorf("the box holds %q after the search, want the list to edit", list)
	}

	// The download button posts the list again with format=csv; the
	// browser would save the answer, so the test reads it with the same
	// form's data instead.
	dctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	got, err := chromedp.Run(dctx, chromedp.Evaluate[string](`(async () => {
		const form = document.querySelector('form.batch-download');
		const resp = await fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form))});
		return resp.headers.get('Content-Disposition') + '\n' + await resp.text();
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("download the CSV: %v", err)
	}
	disposition, body, _ := strings.Cut(got, "\n")
	if !strings.HasPrefix(disposition, "attachment") {
		t.Errorf("the download is %q, want an attachment", disposition)
	}
	records, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\ufeff"))).ReadAll()
	if err != nil || len(records) != 4 || records[2][0] != "Kem Sokha" || records[2][2] != "1" {
		t.Errorf("CSV %q (%v), want a header and the three rows", records, err)
	}

	navigateBy(t, ctx, "follow a row's link", chromedp.Click(chromedp.Search(`//table[@class="batch-table"]//a[.="Kem Sokha"]`)))
	if hits := eval[int](t, ctx, jsHitCount); hits != 1 {
		t.Errorf("the row's search lists %d statements, want the 1 the table counted", hits)
	}

	step(t, ctx, "the batch page at 390 px", chromedp.EmulateViewport(390, 844), chromedp.Navigate(ts.URL+"/batch"))
	if !eval[bool](t, ctx, jsNoSideScroll) {
		t.Errorf("the batch page is %d px wide at 390 px", eval[int](t, ctx, `document.documentElement.scrollWidth`))
	}
	screenshot(t, ctx, "batch-390")
}
