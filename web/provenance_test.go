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
