package web_test

import (
	"bytes"
	"encoding/csv"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// postForm sends the batch form as a browser does, urlencoded.
func postForm(t *testing.T, base string, form url.Values) (*http.Response, string) {
	t.Helper()
	resp, err := http.PostForm(base+"/batch", form)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	b.ReadFrom(resp.Body)
	return resp, b.String()
}

func TestBatchSearch_countsAndDatesEachLine(t *testing.T) {
	ts := newTestServer(t)
	list := "LICADHO\nKem Sokha\n\nLICADHO\nnobody by this name\n"
	resp, body := postForm(t, ts.URL, url.Values{"list": {list}, "format": {"csv"}})
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("CSV: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"line", "query", "statements", "first", "last"},
		// One LICADHO statement is dated, the open letter is not.
		{"LICADHO", `"LICADHO"`, "2", "2018-02-05", "2018-02-05"},
		{"Kem Sokha", `"Kem Sokha"`, "1", "2017-11-16", "2017-11-16"},
		{"nobody by this name", `"nobody by this name"`, "0", "", ""},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d (blank lines and repeats dropped):\n%q", len(rows), len(want), rows)
	}
	for i, w := range want {
		if got := rows[i][:5]; strings.Join(got, "|") != strings.Join(w, "|") {
			t.Errorf("row %d = %q, want %q", i, got, w)
		}
	}
	if link := rows[1][5]; !strings.HasPrefix(link, "http") || !strings.Contains(link, "q=%22LICADHO%22") {
		t.Errorf("link %q, want the absolute address of the search", link)
	}
}

func TestBatchSearch_page(t *testing.T) {
	ts := newTestServer(t)
	tests := []struct {
		name   string
		form   url.Values
		status int
		says   []string
	}{
		{"queries in the search syntax", url.Values{"list": {"Hun Sen AND NGO\nactivists OR journalists"}, "as": {"query"}}, http.StatusOK,
			[]string{`<a href="/?q=Hun&#43;Sen&#43;AND&#43;NGO">Hun Sen AND NGO</a>`, "2017-08-23"}},
		{"an empty list", url.Values{"list": {"  \n\n"}}, http.StatusBadRequest, []string{"the list is empty"}},
		{"markup in a line is text", url.Values{"list": {`<script>alert(1)</script>`}}, http.StatusOK, []string{"&lt;script&gt;alert(1)&lt;/script&gt;"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := postForm(t, ts.URL, tt.form)
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.status)
			}
			for _, s := range tt.says {
				if !strings.Contains(body, s) {
					t.Errorf("page lacks %q", s)
				}
			}
			if strings.Contains(body, "<script>alert") {
				t.Error("a line's markup reached the page unescaped")
			}
		})
	}
}

func TestBatchSearch_csvFile(t *testing.T) {
	ts := newTestServer(t)
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	w, _ := mw.CreateFormFile("file", "names.csv")
	w.Write([]byte("\ufeffname,notes\nHun Sen,prime minister\n\"Kem Sokha\",opposition\n"))
	mw.WriteField("as", "phrase")
	mw.Close()
	resp, err := http.Post(ts.URL+"/batch", mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var page bytes.Buffer
	page.ReadFrom(resp.Body)
	for _, want := range []string{">Hun Sen</a>", ">Kem Sokha</a>"} {
		if !strings.Contains(page.String(), want) {
			t.Errorf("page lacks the row %q: the first column of each row, header skipped", want)
		}
	}
	if strings.Contains(page.String(), ">name</a>") {
		t.Error("the header row was searched")
	}
}
