package web_test

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
)

// ingestOne posts one statement with the token, in a request (and so a
// batch) of its own, and returns its ID.
func ingestOne(t *testing.T, ts *httptest.Server, record string) string {
	t.Helper()
	resp, body := postIngest(t, ts, "application/json", record, testToken)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("ingest: status %d, want 200: %s", resp.StatusCode, body)
	}
	res := decode[ingestJSON](t, body)
	if res.Indexed != 1 || len(res.IDs) != 1 || len(res.Skipped) != 0 {
		t.Fatalf("ingest: %+v, want one statement indexed", res)
	}
	return res.IDs[0]
}

// An alert for "freedom of expression" drops the small word as the search
// box does, so a statement saying "freedom of expression" matches it; but it
// never takes the search's second chance of partial matches, so a statement
// with only "freedom" does not, even in a batch of its own where no
// statement has both words.
func TestAlerts_smallWordsNoPartial(t *testing.T) {
	ts := newFullAPIServer(t, &fakeBackup{})
	a := createAlert(t, ts, `{"name":"Freedom of expression","q":"freedom of expression"}`)
	if a.Q != "freedom of expression" {
		t.Errorf("saved query %q, want it as typed", a.Q)
	}
	poll := func() matchesJSON {
		t.Helper()
		resp, got := doAuth(t, ts, http.MethodGet, "/api/alerts/"+a.ID+"/matches", "", testToken)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("matches: status %d: %s", resp.StatusCode, got)
		}
		return decode[matchesJSON](t, got)
	}
	if m := poll(); len(m.Matches) != 0 {
		t.Fatalf("matches %q before any statement was added, want none", m.ids())
	}

	full := ingestOne(t, ts, `{
  "title": "Blogger charged over a Facebook post",
  "body": "Rights groups said the charges against the blogger violate his freedom of expression and must be dropped.",
  "url": "https://example.org/statements/blogger-charged",
  "source": "LICADHO",
  "published": "2024-03-01"
}`)
	near := ingestOne(t, ts, `{
  "title": "Union leaders barred from march",
  "body": "Police barred the union leaders from marching to parliament; their freedom ends at the city limits, an officer told them.",
  "url": "https://example.org/statements/union-march",
  "source": "LICADHO",
  "published": "2024-03-02"
}`)
	if full == near {
		t.Fatalf("both statements have ID %q", full)
	}
	// The second statement is in the index, and the search box, alone with
	// it (the only statement from its day), offers it as a partial match:
	// that the alert leaves it out is the alert's doing.
	if got := decodeSearch(t, ts, q("freedom")).ids(); !slices.Contains(got, near) {
		t.Fatalf("search for freedom: %q, want %s among them", got, near)
	}
	if r := decodeSearch(t, ts, q("freedom of expression", "from", "2024-03-02")); !r.Partial || !slices.Equal(r.ids(), []string{near}) {
		t.Fatalf("search for freedom of expression from 2024-03-02: partial %v, %q; want %s as a partial match", r.Partial, r.ids(), near)
	}

	m := poll()
	if want := []string{full}; !slices.Equal(m.ids(), want) {
		t.Fatalf("matches %q, want only %q (the statement that says freedom of expression)", m.ids(), want)
	}
	if got := m.Matches[0]; got.Title != "Blogger charged over a Facebook post" || got.URL != "https://example.org/statements/blogger-charged" {
		t.Errorf("match %+v, want the blogger statement", got)
	}
}
