package web_test

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
)

// TestDeleteDocument follows a statement from ingest to deletion and back,
// through the server wired as "advosearch serve" wires it: a real index,
// the indexer, and a real alerts store marking matches.
func TestDeleteDocument(t *testing.T) {
	ts := newFullAPIServer(t, &fakeBackup{})
	alert := createAlert(t, ts, `{"name":"Koh Kong","q":"\"Koh Kong\""}`)

	const (
		evicted = `{"title":"Koh Kong villagers evicted","body":"“We have nowhere to go now,” said Chea Sopheap. Villagers in Koh Kong lost their land to a sugar company.","url":"https://example.org/land/1","source":"Equitable Cambodia","published":"2024-05-02"}`
		titles  = `{"title":"Koh Kong land titles","body":"Families in Koh Kong received land titles at last.","url":"https://example.org/land/2","source":"LICADHO","published":"2024-05-03"}`
	)
	type ingestJSON struct {
		IDs     []string `json:"ids"`
		Indexed int      `json:"indexed"`
		Skipped []struct {
			Line   int    `json:"line"`
			Reason string `json:"reason"`
		} `json:"skipped"`
	}
	ingest := func(body string) ingestJSON {
		t.Helper()
		resp, got := doAuth(t, ts, http.MethodPost, "/api/documents", body, testToken)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("ingest: status %d: %s", resp.StatusCode, got)
		}
		return decode[ingestJSON](t, got)
	}
	added := ingest(evicted + "\n" + titles + "\n")
	if added.Indexed != 2 {
		t.Fatalf("ingest: %+v, want 2 indexed", added)
	}
	id := added.IDs[0]
	doc := "/api/documents/" + url.PathEscape(id)

	type searchJSON struct {
		Total uint64 `json:"total"`
		Hits  []struct {
			ID string `json:"id"`
		} `json:"hits"`
		Facets struct {
			Source []struct {
				Value string `json:"value"`
				Count int    `json:"count"`
			} `json:"source"`
		} `json:"facets"`
	}
	search := func() searchJSON {
		t.Helper()
		_, got := get(t, ts, "/api/search?q=%22Koh+Kong%22")
		return decode[searchJSON](t, got)
	}
	sources := func(r searchJSON) []string {
		var out []string
		for _, f := range r.Facets.Source {
			out = append(out, f.Value)
		}
		slices.Sort(out)
		return out
	}
	quoted := func() int {
		t.Helper()
		_, got := get(t, ts, "/api/quotes?q=nowhere+to+go+now")
		return len(decode[struct {
			Hits []struct{} `json:"hits"`
		}](t, got).Hits)
	}
	// The indexer names LICADHO in full.
	if r := search(); r.Total != 2 || len(sources(r)) != 2 || !slices.Contains(sources(r), "Equitable Cambodia") {
		t.Fatalf("before: %d hits, sources %v", r.Total, sources(r))
	}
	if quoted() == 0 {
		t.Fatal("before: the quotation is not found")
	}

	if resp, got := doAuth(t, ts, http.MethodDelete, doc, "", ""); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("without the token: %d %s, want 401", resp.StatusCode, got)
	}
	resp, got := doAuth(t, ts, http.MethodDelete, doc, "", testToken)
	if resp.StatusCode != http.StatusNoContent || got != "" {
		t.Fatalf("delete: %d %q, want 204 and no body", resp.StatusCode, got)
	}

	t.Run("the statement, its quotes and its facet values are gone", func(t *testing.T) {
		if resp, _ := get(t, ts, doc); resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", doc, resp.StatusCode)
		}
		if resp, _ := get(t, ts, "/statements/"+url.PathEscape(id)); resp.StatusCode != http.StatusNotFound {
			t.Errorf("statement page: %d, want 404", resp.StatusCode)
		}
		r := search()
		if r.Total != 1 || len(r.Hits) != 1 || r.Hits[0].ID == id {
			t.Errorf("search: %d hits %+v, want the other statement only", r.Total, r.Hits)
		}
		if got := sources(r); len(got) != 1 || slices.Contains(got, "Equitable Cambodia") {
			t.Errorf("source facet %v, want LICADHO's only", got)
		}
		if n := quoted(); n != 0 {
			t.Errorf("the quotation is still found (%d hits)", n)
		}
		if _, got := get(t, ts, "/api/search?q=%22Koh+Kong%22&format=jsonl"); strings.Contains(got, "example.org/land/1") {
			t.Errorf("export holds the deleted statement:\n%s", got)
		}
		if _, got := get(t, ts, "/feed.atom?q=%22Koh+Kong%22"); strings.Contains(got, "example.org/land/1") {
			t.Errorf("search feed holds the deleted statement:\n%s", got)
		}
	})

	t.Run("a second delete is a 404", func(t *testing.T) {
		resp, got := doAuth(t, ts, http.MethodDelete, doc, "", testToken)
		if resp.StatusCode != http.StatusNotFound || decode[errorJSON](t, got).Error == "" {
			t.Errorf("second delete: %d %s, want 404 with an error", resp.StatusCode, got)
		}
		resp, _ = doAuth(t, ts, http.MethodDelete, "/api/documents/never-was", "", testToken)
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("unknown ID: %d, want 404", resp.StatusCode)
		}
	})

	t.Run("the alert keeps the match, marked, and its feed drops it", func(t *testing.T) {
		_, got := doAuth(t, ts, http.MethodGet, "/api/alerts/"+alert.ID+"/matches", "", testToken)
		ms := decode[struct {
			Matches []struct {
				StatementID string `json:"statement_id"`
				Deleted     bool   `json:"deleted"`
			} `json:"matches"`
		}](t, got).Matches
		if len(ms) != 2 || ms[0].StatementID != id || !ms[0].Deleted || ms[1].Deleted {
			t.Errorf("matches %+v: want the deleted statement first, marked, and the other", ms)
		}
		feed, err := url.Parse(alert.FeedURL)
		if err != nil {
			t.Fatal(err)
		}
		_, body := get(t, ts, feed.RequestURI())
		if strings.Contains(body, "example.org/land/1") || !strings.Contains(body, "example.org/land/2") {
			t.Errorf("alert feed: want the other statement only:\n%s", body)
		}
	})

	t.Run("sent again unchanged, it stays deleted", func(t *testing.T) {
		again := ingest(evicted)
		if again.Indexed != 0 || len(again.Skipped) != 1 || again.Skipped[0].Line != 1 {
			t.Errorf("ingest again: %+v, want line 1 skipped", again)
		}
		if resp, _ := get(t, ts, doc); resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", doc, resp.StatusCode)
		}
	})

	t.Run("sent again changed, it is back", func(t *testing.T) {
		changed := strings.Replace(evicted, "a sugar company", "a sugar company, the court found", 1)
		if again := ingest(changed); again.Indexed != 1 {
			t.Errorf("ingest changed: %+v, want 1 indexed", again)
		}
		if resp, got := get(t, ts, doc); resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: %d %s, want 200", doc, resp.StatusCode, got)
		}
		_, got := doAuth(t, ts, http.MethodGet, "/api/alerts/"+alert.ID+"/matches?after=2", "", testToken)
		if !strings.Contains(got, `"statement_id":"`+id+`"`) || strings.Contains(got, `"deleted":true`) {
			t.Errorf("matches after 2: %s, want the statement back as a new match", got)
		}
	})
}
