package web

import (
	"fmt"
	"strings"

	"github.com/advosearch/advosearch/corpus"
)

// provenance says in words where a statement came from, for the people who
// read its page: a file by its name, a web page by its address, never the
// server's paths or our internal names ("seed:…", "request:3"). Package
// corpus reads the origin (corpus.ProvenanceOf); this is the one place that
// turns it into the page's sentence. "" means nothing is known.
func provenance(origin string) string {
	if strings.TrimSpace(origin) == "" {
		return ""
	}
	p := corpus.ProvenanceOf(origin)
	switch p.Kind {
	case corpus.FromSample:
		return "Built-in sample statement"
	case corpus.FromFile:
		return "Indexed from the file " + p.Name
	case corpus.FromRecord:
		return "Indexed from " + p.Name // "batch.jsonl line 5"
	case corpus.FromWeb:
		return "Fetched from " + p.Name
	case corpus.FromUpload:
		if p.Name != "" {
			return "Sent to the server as the file " + p.Name
		}
		return "Sent to the server as a file"
	}
	return "Sent to the server"
}

// maxAlsoFrom bounds the other origins the page names; the rest are counted.
const maxAlsoFrom = 5

// provenanceOf is provenance with the statement's other origins, the same
// text found elsewhere: "…; the same text also came from b.txt and
// https://…".
func provenanceOf(origin string, alsoFrom []string) string {
	main := provenance(origin)
	if len(alsoFrom) == 0 || main == "" {
		return main
	}
	names := make([]string, 0, min(len(alsoFrom), maxAlsoFrom)+1)
	for _, o := range alsoFrom[:min(len(alsoFrom), maxAlsoFrom)] {
		names = append(names, corpus.ProvenanceOf(o).String())
	}
	if n := len(alsoFrom) - maxAlsoFrom; n > 0 {
		names = append(names, fmt.Sprintf("%d more", n))
	}
	last := len(names) - 1
	list := names[last]
	if last > 0 {
		list = strings.Join(names[:last], ", ") + " and " + names[last]
	}
	return main + "; the same text also came from " + list
}
