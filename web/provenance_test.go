package web

import "testing"

func TestProvenance(t *testing.T) {
	tests := []struct{ origin, want string }{
		{"seed:hun-sen.txt", "Built-in sample statement"},
		{"/srv/advosearch/statements/report.pdf", "Indexed from the file report.pdf"},
		{"file:///home/ana/statements/report.pdf", "Indexed from the file report.pdf"},
		{"/data/batch.jsonl:12", "Indexed from batch.jsonl line 12"},
		{"/data/odd:name.txt", "Indexed from the file odd:name.txt"},
		{"https://www.hrw.org/news/1", "Fetched from https://www.hrw.org/news/1"},
		{"request:3", "Sent to the server"},
		{"upload:0123abcd/letter.pdf", "Sent to the server as the file letter.pdf"},
		{"upload:0123abcd/", "Sent to the server as a file"},
		{"something else", "Sent to the server"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := provenance(tt.origin); got != tt.want {
			t.Errorf("provenance(%q) = %q, want %q", tt.origin, got, tt.want)
		}
	}
}

func TestProvenanceOf_namesTheOtherOrigins(t *testing.T) {
	tests := []struct {
		origin string
		also   []string
		want   string
	}{
		{"/data/a.txt", nil, "Indexed from the file a.txt"},
		{"/data/a.txt", []string{"/backup/a copy.txt"}, "Indexed from the file a.txt; the same text also came from a copy.txt"},
		{"/data/a.pdf", []string{"/x/b.pdf", "https://example.org/a", "upload:00ff/c.pdf"},
			"Indexed from the file a.pdf; the same text also came from b.pdf, https://example.org/a and c.pdf"},
		{"/data/a.txt", []string{"/1/a", "/2/a", "/3/a", "/4/a", "/5/a", "/6/a", "/7/a"},
			"Indexed from the file a.txt; the same text also came from a, a, a, a, a and 2 more"},
	}
	for _, tt := range tests {
		if got := provenanceOf(tt.origin, tt.also); got != tt.want {
			t.Errorf("provenanceOf(%q, %q) = %q, want %q", tt.origin, tt.also, got, tt.want)
		}
	}
}
